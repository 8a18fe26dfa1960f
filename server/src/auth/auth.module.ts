import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdempotencyOwners } from '../common/idempotency/idempotency-owners.js';
import { RecordsModule } from '../records/records.module.js';
import { AccessGuard } from './access.guard.js';
import { ActorIdempotencyOwners } from './actor-idempotency-owners.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { OwnershipResolver } from './ownership.resolver.js';
import { SignInBackoff } from './sign-in-backoff.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  imports: [RecordsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SignInBackoff,
    TokenService,
    Authenticator,
    OwnershipResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: IdempotencyOwners, useClass: ActorIdempotencyOwners },
  ],
  exports: [AuthService, TokenService, Authenticator, IdempotencyOwners],
})
export class AuthModule {}
