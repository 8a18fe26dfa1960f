import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PublicBatchJson } from './public-batch.service.js';

/**
 * A CDN in front may keep the view one second (`s-maxage=1`), so a recall reaches every reader
 * within about a second; browsers ask again each time and get a 304 while nothing changed.
 */
export const PUBLIC_VIEW_CACHE_CONTROL = 'public, max-age=0, s-maxage=1';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = etag.slice(2);
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === weak || trimmed.slice(2) === weak;
  });
}

/** Sends a consumer view with its ETag, or 304 when the client already holds it. */
export function sendPublicBatch(request: FastifyRequest, reply: FastifyReply, json: PublicBatchJson): void {
  void reply.header('etag', json.etag).header('cache-control', PUBLIC_VIEW_CACHE_CONTROL);
  if (matches(request.headers['if-none-match'], json.etag)) return void reply.status(304).send();
  void reply.type('application/json; charset=utf-8').send(json.body);
}
