import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LabelKeysView } from '@nguon/shared';
import type { FastifyReply } from 'fastify';
import { setCors } from '../common/http/cors.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { BatchLinks } from './batch-links.service.js';

/** The keys printed labels are signed with: an inspector's phone keeps them to check labels with no network. */
@ApiTags('public')
@RateLimited('public')
@Controller()
export class LabelKeysController {
  constructor(private readonly links: BatchLinks) {}

  @Get('.well-known/nguon-label-keys')
  @Header('cache-control', 'public, max-age=3600')
  keys(@Res({ passthrough: true }) reply: FastifyReply): LabelKeysView {
    setCors(reply);
    return this.links.publishedKeys();
  }
}
