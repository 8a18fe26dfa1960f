import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every answer, through one middleware made once at start-up.
 * (@fastify/helmet made a new one, parsing the whole policy again, for every request: a tenth of
 * a cached scan answer's time.)
 */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  const setHeaders = helmet({
    // The web app is served from here: its own scripts and styles, QR images, camera scanning.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // blob: shows files fetched with the user's token (a consumer's photo for inspectors).
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // TLS is the deployment's business (a proxy in front); plain-HTTP installs must work.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  fastify.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
}
