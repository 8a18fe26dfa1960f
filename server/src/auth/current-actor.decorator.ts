import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { clientRequestIdOf } from '../common/request/client-request-id.js';
import type { RequestWithActor } from './access.guard.js';
import type { Actor } from './principal.js';

/** The actor the access guard established; only on routes with an `@Access` rule. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('@CurrentActor() used on a route without an @Access rule');
  return actor;
});

/** The actor when the caller sent a credential, on public routes that show more to some. */
export const OptionalActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | null => context.switchToHttp().getRequest<RequestWithActor>().actor ?? null,
);

export interface RequestInfo {
  clientAddress: string;
  requestId: string;
  clientRequestId: string | null;
}

/** Where an anonymous request comes from, for the audit entries of sign-up and sign-in. */
export const CurrentRequestInfo = createParamDecorator((_: unknown, context: ExecutionContext): RequestInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { clientAddress: request.ip, requestId: String(request.id), clientRequestId: clientRequestIdOf(request) };
});
