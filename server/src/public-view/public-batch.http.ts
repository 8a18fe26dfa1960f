import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONSUMER_CACHE_CONTROL, etagMatches } from '../common/http/consumer-caching.js';
import type { PublicBatchJson } from './public-batch.service.js';

/** Sends a consumer view with its ETag, or 304 when the client already holds it. */
export function sendPublicBatch(request: FastifyRequest, reply: FastifyReply, json: PublicBatchJson): void {
  void reply.header('etag', json.etag).header('cache-control', CONSUMER_CACHE_CONTROL);
  if (etagMatches(request.headers['if-none-match'], json.etag)) return void reply.status(304).send();
  void reply.type('application/json; charset=utf-8').send(json.body);
}
