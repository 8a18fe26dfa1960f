import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicProductView } from '@nguon/shared';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { PublicProductService } from './public-product.service.js';

/** The product view; the batch view, on every scan's path, is served by resolver/scan-routes.ts. */
@ApiTags('public')
@RateLimited('public')
@Controller('api/public')
export class PublicViewController {
  constructor(private readonly publicProducts: PublicProductService) {}

  @Get('products/:id')
  product(@Param('id', UuidParam) id: string): Promise<PublicProductView> { return this.publicProducts.getPublicProduct(id); }
}
