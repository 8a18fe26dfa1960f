import type { FastifyInstance } from 'fastify';
import { EPCIS_VERSION_HEADERS } from './query-document.js';

const EPCIS_PATH = /^\/epcis(?:[/?]|$)/;

/**
 * Every answer under `/epcis` carries the binding's version headers, refusals included: a client
 * told 401 or 404 still learns which EPCIS and CBV versions it is talking to. A hook on the
 * request, so it runs before the access guard can refuse.
 */
export function registerEpcisVersionHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (EPCIS_PATH.test(request.url)) void reply.headers(EPCIS_VERSION_HEADERS);
    done();
  });
}
