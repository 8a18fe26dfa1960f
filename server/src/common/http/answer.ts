import type { FastifyReply } from 'fastify';

/**
 * An answer decided without Fastify's objects: what the consumer's hot routes build once, so the
 * Fastify route and the memory lane (memory-lane.ts) send the same status, headers and body.
 */
export interface Answer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** Sends an answer through Fastify (its hooks add the security headers, request id and compression). */
export function sendAnswer(reply: FastifyReply, answer: Answer): void {
  void reply.headers(answer.headers).status(answer.status).send(answer.body);
}
