import { SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { throwError, timeout, type Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';

const LONG_RUNNING = 'nguon:long-running';
/** What a request marked long-running may take: a 10,000-event capture, a large file, 5,000 labels. */
export const LONG_REQUEST_TIMEOUT_MS = 10 * 60_000;

/** Marks a handler whose work legitimately takes long: it gets LONG_REQUEST_TIMEOUT_MS instead of the usual limit. */
export const LongRunning = () => SetMetadata(LONG_RUNNING, true);

/**
 * Answers 503 when a handler has not produced its answer in time, instead of leaving the client
 * waiting (the work itself goes on, each statement bounded by the database's timeouts). A
 * streamed body counts as answered once its first byte is ready: sending it may take longer.
 */
export class RequestTimeoutInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limitMs: number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const long = this.reflector.getAllAndOverride<boolean | undefined>(LONG_RUNNING, [context.getHandler(), context.getClass()]);
    return next.handle().pipe(
      timeout({
        first: long ? Math.max(LONG_REQUEST_TIMEOUT_MS, this.limitMs) : this.limitMs,
        with: () => throwError(() => new DomainError('REQUEST_TIMED_OUT')),
      }),
    );
  }
}
