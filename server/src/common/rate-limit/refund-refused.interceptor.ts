import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ERROR_CODES } from '@nguon/shared';
import type { FastifyRequest } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';
import { RateLimitGuard, type RateLimitGroup } from './rate-limit.guard.js';

/** Groups whose budget is for what was accepted: a consumer whose report was refused may fix it and send it again. */
const REFUNDED: readonly RateLimitGroup[] = ['report'];

/** Gives back the rate-limit hit of a request the portal refused (4xx), in the groups above. */
@Injectable()
export class RefundRefusedInterceptor implements NestInterceptor {
  constructor(private readonly limits: RateLimitGuard) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const group = this.limits.groupOf(context);
    if (!group || !REFUNDED.includes(group)) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError && ERROR_CODES[error.code].status < 500) this.limits.refund(group, request);
        return throwError(() => error);
      }),
    );
  }
}
