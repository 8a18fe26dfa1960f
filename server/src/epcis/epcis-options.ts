import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import type { ErrorFilter } from '../common/errors/error.filter.js';
import type { RouteMethods } from '../common/http/route-methods.js';
import { EPC_FORMAT_HEADER, EPC_FORMATS } from './epc-format.js';

/**
 * OPTIONS on every path of the binding, to anyone: the methods the path takes, as its routes were
 * registered (so `Allow` cannot drift from them), and the EPC formats offered; the version
 * headers come with every `/epcis` answer (registerEpcisVersionHeaders). A path no route has is 404.
 */
export function registerEpcisOptions(fastify: FastifyInstance, routes: RouteMethods, errors: ErrorFilter): void {
  const describe = (request: FastifyRequest, reply: FastifyReply) => {
    const allow = routes.allowedFor(request.url);
    if (!allow.length) return errors.answer(new DomainError('NOT_FOUND'), request, reply);
    void reply
      .status(204)
      .headers({ allow: allow.join(', '), [EPC_FORMAT_HEADER]: EPC_FORMATS.join(', ') })
      .send();
  };
  fastify.options('/epcis', describe);
  fastify.options('/epcis/*', describe);
}
