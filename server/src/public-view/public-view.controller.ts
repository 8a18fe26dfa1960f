import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MapTilesView, PublicLotSearch, PublicProductView } from '@nguon/shared';
import type { FastifyReply } from 'fastify';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { setCors } from '../common/http/cors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LotSearchQueryDto } from './dto/lot-search.query.js';
import { PublicLotsService } from './public-lots.service.js';
import { PublicProductService } from './public-product.service.js';

/** The product view; the batch view, on every scan's path, is served by resolver/scan-routes.ts. */
@ApiTags('public')
@RateLimited('public')
@Controller('api/public')
export class PublicViewController {
  constructor(
    private readonly publicProducts: PublicProductService,
    private readonly publicLots: PublicLotsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Readable from any site, as the resolver's answers are. */
  @Get('products/:id')
  product(@Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublicProductView> {
    setCors(reply);
    return this.publicProducts.getPublicProduct(id);
  }

  /** A lot code typed alone (no GTIN): which batches carry it, for the consumer to choose. */
  @Get('lots')
  lots(@Query() query: LotSearchQueryDto): Promise<PublicLotSearch> {
    return this.publicLots.search(query.code);
  }

  /** Where the journey map's tiles come from: set by the operator, the same for every page. */
  @Get('map-tiles')
  @Header('cache-control', 'public, max-age=3600')
  mapTiles(): MapTilesView {
    return this.config.mapTiles;
  }
}
