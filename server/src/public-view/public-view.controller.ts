import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PublicProductView } from '@nguon/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { sendPublicBatch } from './public-batch.http.js';
import { PublicBatchService } from './public-batch.service.js';
import { PublicProductService } from './public-product.service.js';

@ApiTags('public')
@RateLimited('public')
@Controller('api/public')
export class PublicViewController {
  constructor(
    private readonly publicBatches: PublicBatchService,
    private readonly publicProducts: PublicProductService,
  ) {}

  @Get('batches/:id') @ApiOkResponse({ description: 'PublicBatchView, with an ETag (If-None-Match answers 304)' })
  async batch(@Param('id', UuidParam) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendPublicBatch(request, reply, await this.publicBatches.getPublicBatchJson(id));
  }

  @Get('products/:id')
  product(@Param('id', UuidParam) id: string): Promise<PublicProductView> { return this.publicProducts.getPublicProduct(id); }
}
