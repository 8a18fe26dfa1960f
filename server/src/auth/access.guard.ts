import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import { clientRequestIdOf } from '../common/request/client-request-id.js';
import { ACCESS_RULE, type AccessRule } from './access-rule.js';
import { Authenticator } from './authenticator.js';
import { OwnershipResolver } from './ownership.resolver.js';
import type { Actor } from './principal.js';
import { TenancyPolicy } from './tenancy.policy.js';

export type RequestWithActor = FastifyRequest & { actor?: Actor };

/**
 * The one gate every route passes: authenticates the bearer credential, then enforces the
 * route's `@Access` rule (role, API key scope, and the business the request acts for).
 * Routes without a rule, or with only `shows`, are public; a credential there only widens what reads may show.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly ownership: OwnershipResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const isPublic = rule === undefined || rule.shows !== undefined;
    const principal = await this.authenticator.authenticate(request.headers.authorization, { required: !isPublic });
    if (rule?.shows) await this.ownership.refuseIfHidden(rule.shows, request, principal);
    if (!principal) return isPublic;
    const actor: Actor = {
      principal,
      businessId: null,
      clientAddress: request.ip,
      requestId: String(request.id),
      clientRequestId: clientRequestIdOf(request),
    };
    request.actor = actor;
    if (!rule || isPublic) return true;

    if (principal.kind === 'api_key') {
      if (!rule.scope || rule.roles) throw new DomainError('FORBIDDEN');
      if (!principal.scopes.has(rule.scope)) throw new DomainError('INSUFFICIENT_SCOPE');
    } else if (rule.roles && !rule.roles.includes(principal.role)) {
      throw new DomainError('FORBIDDEN');
    }
    const authority = principal.kind === 'user' && rule.authorities?.includes(principal.role);
    if (rule.actsFor) {
      // Found first (404 when it does not exist), whoever asks; an authority then needs no membership.
      const candidates = await this.ownership.candidates(rule.actsFor, request);
      if (authority) return true;
      if (rule.conceals && !TenancyPolicy.actsForAny(principal, candidates)) throw new DomainError('NOT_FOUND');
      actor.businessId = TenancyPolicy.actingBusiness(principal, candidates, rule.memberRole);
      if (rule.publishes) await this.ownership.refuseIfSuspended(actor.businessId);
    }
    return true;
  }
}
