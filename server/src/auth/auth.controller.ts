import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CurrentUser as CurrentUserView, LoginResponse } from '@nguon/shared';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import type { AuthUser } from './auth-user.js';
import { SignedIn } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { LoginDto } from './dto/login.dto.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login') @HttpCode(200) @RateLimited('login')
  login(@Body() dto: LoginDto): Promise<LoginResponse> { return this.auth.login(dto); }

  @Get('me') @SignedIn() @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): Promise<CurrentUserView> { return this.auth.me(user); }
}
