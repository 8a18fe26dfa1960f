import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CurrentUser, LoginResponse, SignUpAccepted } from '@nguon/shared';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { Access } from './access-rule.js';
import { AuthService } from './auth.service.js';
import { CurrentActor, CurrentRequestInfo, type RequestInfo } from './current-actor.decorator.js';
import { ChangePasswordDto, LoginDto, RegisterDto, VerifyEmailDto } from './dto/login.dto.js';
import type { Actor } from './principal.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 202 for a new and a taken address alike: what happens next comes by mail. */
  @Post('register')
  @HttpCode(202)
  @RateLimited('login')
  register(@Body() dto: RegisterDto, @CurrentRequestInfo() info: RequestInfo): Promise<SignUpAccepted> {
    return this.auth.register(dto, info);
  }

  @Post('verify-email')
  @HttpCode(200)
  @RateLimited('login')
  verifyEmail(@Body() dto: VerifyEmailDto, @CurrentRequestInfo() info: RequestInfo): Promise<LoginResponse> {
    return this.auth.verifyEmail(dto, info);
  }

  @Post('verify-email/resend')
  @HttpCode(204)
  @Access()
  @ApiBearerAuth()
  @RateLimited('login')
  resendVerification(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.resendVerification(actor);
  }

  @Post('login')
  @HttpCode(200)
  @RateLimited('login')
  login(@Body() dto: LoginDto, @CurrentRequestInfo() info: RequestInfo): Promise<LoginResponse> {
    return this.auth.login(dto, info);
  }

  @Post('logout')
  @HttpCode(204)
  @Access()
  @ApiBearerAuth()
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }

  @Post('password')
  @HttpCode(204)
  @Access()
  @ApiBearerAuth()
  @RateLimited('login')
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto);
  }

  @Get('me')
  @Access()
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor): Promise<CurrentUser> {
    return this.auth.me(actor);
  }
}
