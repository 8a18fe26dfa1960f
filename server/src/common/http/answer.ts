import type { FastifyReply } from 'fastify';

/**
 * A body as it is held: text, bytes, or bytes in parts (a cached head and a per-request tail),
 * which the memory lane writes as they are rather than copy into one buffer per answer.
 */
export type AnswerBody = string | Buffer | readonly Buffer[];

/**
 * An answer decided without Fastify's objects: what the consumer's hot routes build once, so the
 * Fastify route and the memory lane (memory-lane.ts) send the same status, headers and body.
 */
export interface Answer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: AnswerBody;
}

export function bodyLength(body: AnswerBody): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (Buffer.isBuffer(body)) return body.length;
  let length = 0;
  for (const part of body) length += part.length;
  return length;
}

/** Sends an answer through Fastify (its hooks add the security headers, request id and compression). */
export function sendAnswer(reply: FastifyReply, { status, headers, body }: Answer): void {
  void reply
    .headers(headers)
    .status(status)
    .send(Array.isArray(body) ? Buffer.concat(body) : body);
}
