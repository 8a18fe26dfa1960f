import { describe, expect, it } from '@jest/globals';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { firstValueFrom, NEVER, of } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';
import { LongRunning, RequestTimeoutInterceptor } from './request-timeout.js';

class Handlers {
  ordinary(): void {}
  @LongRunning()
  capture(): void {}
}

const contextOf = (handler: keyof Handlers) =>
  ({ getHandler: () => Handlers.prototype[handler], getClass: () => Handlers }) as unknown as ExecutionContext;
const answering = (value: unknown): CallHandler => ({ handle: () => of(value) });
const hanging: CallHandler = { handle: () => NEVER };

describe('RequestTimeoutInterceptor', () => {
  const interceptor = new RequestTimeoutInterceptor(new Reflector(), 50);

  it('passes an answer given in time', async () => {
    await expect(firstValueFrom(interceptor.intercept(contextOf('ordinary'), answering('ok')))).resolves.toBe('ok');
  });

  it('fails with REQUEST_TIMED_OUT when the handler has not answered in time', async () => {
    const started = Date.now();
    const outcome = await firstValueFrom(interceptor.intercept(contextOf('ordinary'), hanging)).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(DomainError);
    expect((outcome as DomainError).code).toBe('REQUEST_TIMED_OUT');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gives a handler marked long-running the long limit', async () => {
    let outcome = 'still waiting';
    const subscription = interceptor.intercept(contextOf('capture'), hanging).subscribe({
      error: () => {
        outcome = 'timed out';
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    subscription.unsubscribe();
    expect(outcome).toBe('still waiting');
  });
});
