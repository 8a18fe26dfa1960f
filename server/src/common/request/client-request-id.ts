import type { IncomingHttpHeaders } from 'node:http';

/**
 * The id the client sent in X-Request-Id, recorded beside the server's own id (logs, audit
 * entries), never instead of it: a client must not be able to pick or collide with our ids.
 * Only printable ASCII up to 128 characters is kept; anything else is not recorded.
 */
export function clientRequestIdOf(request: { headers: IncomingHttpHeaders }): string | null {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\x21-\x7e]{1,128}$/.test(given) ? given : null;
}
