import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DomainError } from '../errors/domain-error.js';
import type { ErrorFilter } from '../errors/error.filter.js';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard.js';

export type PublicHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * For the consumer's hot routes served as plain Fastify routes, outside Nest's per-request
 * pipeline (decision record 0015): wraps a handler in what that pipeline gives every other route,
 * the public rate limit, the request timeout (503 REQUEST_TIMED_OUT, as RequestTimeoutInterceptor
 * answers) and the one error shape from the same filter. Fastify's hooks (security headers,
 * request id, unsafe input, compression) apply as to any route.
 */
export function publicRoutes(nest: NestFastifyApplication, errors: ErrorFilter): (handle: PublicHandler) => PublicHandler {
  const limits = nest.get(RateLimitGuard);
  const { requestTimeoutMs } = nest.get<AppConfig>(APP_CONFIG);
  return (handle) => async (request, reply) => {
    const timer = setTimeout(() => {
      if (!reply.sent) errors.answer(new DomainError('REQUEST_TIMED_OUT'), request, reply);
    }, requestTimeoutMs);
    try {
      limits.admit('public', request, reply);
      await handle(request, reply);
    } catch (error) {
      if (!reply.sent) errors.answer(error, request, reply);
    } finally {
      clearTimeout(timer);
    }
  };
}
