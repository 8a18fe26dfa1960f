import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { setCors } from '../common/http/cors.js';
import { ResolverService } from './resolver.service.js';

/**
 * GS1-Conformant resolver: its description. The codes themselves (`/01/...`, `/q/{code}`) and
 * the preflights are answered by scan-routes.ts, outside Nest's pipeline, for speed.
 */
@ApiExcludeController()
@RateLimited('public')
@Controller()
export class ResolverController {
  constructor(private readonly resolver: ResolverService) {}

  @Get('.well-known/gs1resolver')
  describe(@Res({ passthrough: true }) reply: FastifyReply): Record<string, unknown> {
    setCors(reply);
    return this.resolver.description();
  }
}
