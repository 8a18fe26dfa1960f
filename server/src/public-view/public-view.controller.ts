import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicBatchView, PublicProductView } from '@nguon/shared';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
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

  @Get('batches/:id')
  batch(@Param('id', UuidParam) id: string): Promise<PublicBatchView> { return this.publicBatches.getPublicBatch(id); }

  @Get('products/:id')
  product(@Param('id', UuidParam) id: string): Promise<PublicProductView> { return this.publicProducts.getPublicProduct(id); }
}
