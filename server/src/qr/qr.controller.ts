import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OptionalActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { setCors } from '../common/http/cors.js';
import { QrQueryDto } from './dto/qr-query.dto.js';
import { QrService, type QrImage } from './qr.service.js';

const CONTENT_TYPES = { png: 'image/png', svg: 'image/svg+xml; charset=utf-8' } as const;

/**
 * Browsers and proxies keep an image a day and then revalidate it with its ETag (304). An image
 * over the public size limit depends on who asked, so only the browser keeps it.
 */
function send(request: FastifyRequest, reply: FastifyReply, format: keyof typeof CONTENT_TYPES, image: QrImage): void {
  // A linkset's gs1:qrCode target: any site may show it.
  setCors(reply);
  void reply
    .header('etag', image.etag)
    .header('cache-control', `${image.membersOnly ? 'private' : 'public'}, max-age=86400`)
    .header('x-cache', image.cached ? 'HIT' : 'MISS');
  if (request.headers['if-none-match'] === image.etag) return void reply.status(304).send();
  void reply.type(CONTENT_TYPES[format]).send(image.bytes);
}

@ApiTags('qr')
@RateLimited('public')
@Controller('api/batches')
export class QrController {
  constructor(private readonly qr: QrService) {}

  @Get(':id/qr.png')
  @ApiProduces('image/png')
  async png(
    @OptionalActor() actor: Actor | null,
    @Param('id', UuidParam) id: string,
    @Query() query: QrQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(request, reply, 'png', await this.qr.image(actor, id, 'png', query));
  }

  @Get(':id/qr.svg')
  @ApiProduces('image/svg+xml')
  async svg(
    @OptionalActor() actor: Actor | null,
    @Param('id', UuidParam) id: string,
    @Query() query: QrQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(request, reply, 'svg', await this.qr.image(actor, id, 'svg', query));
  }
}
