import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyOwners } from '../common/idempotency/idempotency-owners.js';
import { RecordsModule } from '../records/records.module.js';
import { AccessGuard } from './access.guard.js';
import { ActorIdempotencyOwners } from './actor-idempotency-owners.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { MembershipsService } from './memberships.service.js';
import { OwnershipResolver } from './ownership.resolver.js';
import { SignInBackoff } from './sign-in-backoff.js';
import { TokenService } from './token.service.js';
import { UserEntity } from './user.entity.js';
import { UsersService } from './users.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), RecordsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    UsersService,
    MembershipsService,
    SignInBackoff,
    TokenService,
    Authenticator,
    OwnershipResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: IdempotencyOwners, useClass: ActorIdempotencyOwners },
  ],
  exports: [AuthService, UsersService, MembershipsService, TokenService, Authenticator, IdempotencyOwners],
})
export class AuthModule {}
