import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';

const SIGNED_IN = 'nguon:signed-in';
/** The route needs a signed-in user; the handler then reads it with `@CurrentUser()`. */
export const SignedIn = () => SetMetadata(SIGNED_IN, true);

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

/** Global guard: attaches the bearer token's user; refuses routes marked `@SignedIn()` without one. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<boolean>(SIGNED_IN, [context.getHandler(), context.getClass()]);
    if (!required) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match?.[1] ? await this.auth.userForToken(match[1]) : null;
    if (!user) throw new DomainError('UNAUTHENTICATED');
    request.user = user;
    return true;
  }
}
