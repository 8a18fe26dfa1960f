import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RefundRefusedInterceptor } from './refund-refused.interceptor.js';

@Global()
@Module({
  providers: [
    RateLimitGuard,
    { provide: APP_GUARD, useExisting: RateLimitGuard },
    { provide: APP_INTERCEPTOR, useClass: RefundRefusedInterceptor },
  ],
})
export class RateLimitModule {}
