import {
  Inject,
  Injectable,
  Logger,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DomainError } from '../errors/domain-error.js';
import { WindowCounter } from './window-counter.js';
import { forgetWindowsBefore, shareHits } from './rate-limit.queries.js';

/** How often an instance shares its counts with the others: a client gets at most this long's requests past its limit. */
const SHARE_EVERY_MS = 500;

export type RateLimitGroup = 'public' | 'login' | 'report';
const RATE_LIMIT = 'nguon:rate-limit';

/** Limits requests per client address per minute for the marked controller or route. */
export const RateLimited = (group: RateLimitGroup) => SetMetadata(RATE_LIMIT, group);

/**
 * Limits requests per client address per minute, counted in memory and shared by every instance
 * on PostgreSQL (twice a second, through `rate_limit_hits`): behind a load balancer the limit is
 * per client, not per instance. The embedded database has one instance, which counts alone.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly counter = new WindowCounter();
  private readonly logger = new Logger(RateLimitGuard.name);
  private timer: NodeJS.Timeout | null = null;
  private sharing: Promise<void> | null = null;
  private sharedWindow = 0;
  private unreachable = false;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.databaseUrl)
      this.timer = setInterval(() => (this.sharing ??= this.share().finally(() => (this.sharing = null))), SHARE_EVERY_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sharing;
  }

  /** Tells the others this instance's new hits, and learns theirs for the clients it saw. */
  async share(): Promise<void> {
    const hits = this.counter.unshared();
    const { publicRateLimit, loginRateLimit, reportRateLimit } = this.config;
    // Clients past half the smallest limit are learnt before this instance sees them.
    const busy = Math.max(1, Math.floor(Math.min(publicRateLimit, loginRateLimit, reportRateLimit) / 2));
    try {
      if (hits.windowStart !== this.sharedWindow) await forgetWindowsBefore(this.db.manager, hits.windowStart);
      this.sharedWindow = hits.windowStart;
      this.counter.learn(hits.windowStart, await shareHits(this.db.manager, hits, busy));
      if (this.unreachable) this.logger.log('rate-limit counts shared again');
      this.unreachable = false;
    } catch (error) {
      // Counted here still, and shared with the next hits; said once, not twice a second.
      this.counter.unsent(hits);
      if (!this.unreachable)
        this.logger.warn(`rate-limit counts not shared, each instance counts alone meanwhile: ${(error as Error).message}`);
      this.unreachable = true;
    }
  }

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
