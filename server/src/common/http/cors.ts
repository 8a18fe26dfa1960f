import type { FastifyReply } from 'fastify';

/** Any site's scanner may read what the resolver answers and where it points (GS1-Conformant Resolver: CORS). */
export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language',
  'access-control-expose-headers': 'Link, Location, Link-Type-Unavailable',
};

/** CORS on a reply, its errors included. */
export function setCors(reply: FastifyReply): void {
  void reply.headers(CORS);
}
