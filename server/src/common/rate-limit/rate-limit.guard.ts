import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DomainError } from '../errors/domain-error.js';
import { FixedWindowCounter } from './fixed-window-counter.js';

export type RateLimitGroup = 'public' | 'login' | 'report';
const RATE_LIMIT = 'nguon:rate-limit';

/** Limits requests per client address per minute for the marked controller or route. */
export const RateLimited = (group: RateLimitGroup) => SetMetadata(RATE_LIMIT, group);

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly counter = new FixedWindowCounter();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const group = this.reflector.getAllAndOverride<RateLimitGroup | undefined>(RATE_LIMIT, [context.getHandler(), context.getClass()]);
    if (!group) return true;
    const http = context.switchToHttp();
    this.admit(group, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }

  /** Counts the request in its group, or refuses it (429 with Retry-After): also for the routes served without Nest's pipeline. */
  admit(group: RateLimitGroup, request: FastifyRequest, reply: FastifyReply): void {
    const retryAfter = this.hit(group, request.ip);
    if (retryAfter > 0) {
      void reply.header('retry-after', String(retryAfter));
      throw new DomainError('RATE_LIMITED');
    }
  }

  /** Counts a request of the group from this client address: the seconds to wait when it is over the limit, else 0. */
  hit(group: RateLimitGroup, clientAddress: string): number {
    const limit = { public: this.config.publicRateLimit, login: this.config.loginRateLimit, report: this.config.reportRateLimit }[group];
    return this.counter.hit(keyOf(group, clientAddress), limit);
  }

  /** The group the route is limited by, if any. */
  groupOf(context: ExecutionContext): RateLimitGroup | undefined {
    return this.reflector.getAllAndOverride<RateLimitGroup | undefined>(RATE_LIMIT, [context.getHandler(), context.getClass()]);
  }

  /** Takes back the hit this request counted in its group. */
  refund(group: RateLimitGroup, request: FastifyRequest): void {
    this.counter.refund(keyOf(group, request.ip));
  }
}

const keyOf = (group: RateLimitGroup, clientAddress: string) => `${group}:${clientAddress}`;
