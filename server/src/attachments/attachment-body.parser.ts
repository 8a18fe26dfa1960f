import { ATTACHMENT_CONTENT_TYPES } from '@nguon/shared';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

export const UPLOAD_ROUTE = '/api/businesses/:businessId/attachments';

export function tooLargeError(maxBytes: number): DomainError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new DomainError('ATTACHMENT_TOO_LARGE', RULE_MESSAGES.attachments.tooLarge(mb));
}

/**
 * Reads uploads (the raw file as the body, with its type as Content-Type) into a Buffer of at
 * most `maxBytes`. Counting here, instead of Fastify's body limit, lets the answer say the limit.
 * Only the upload route takes these types; every other route answers 415 as before.
 */
export function registerAttachmentParsers(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addContentTypeParser([...ATTACHMENT_CONTENT_TYPES], (request, payload, done) => {
    if (request.routeOptions.url !== UPLOAD_ROUTE) {
      payload.resume();
      return done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }), undefined);
    }
    const declared = Number(request.headers['content-length']);
    if (declared > maxBytes) {
      payload.resume();
      return done(tooLargeError(maxBytes), undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Keep draining, so the client can read the answer instead of a reset connection.
        chunks.length = 0;
        return finish(tooLargeError(maxBytes));
      }
      if (!finished) chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks)));
    payload.on('error', (error) => finish(error));
  });
}
