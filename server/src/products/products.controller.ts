import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, ProductView } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { CreateProductDto } from './dto/create-product.dto.js';
import { ProductsService } from './products.service.js';

@ApiTags('products')
@Controller('api')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post('businesses/:businessId/products') @Access({ actsFor: owned.businessInPath(), memberRole: 'owner' }) @ApiBearerAuth()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProductDto): Promise<ProductView> { return this.products.createProduct(actor, dto); }

  @Get('businesses/:businessId/products')
  list(@Param('businessId', UuidParam) businessId: string, @Query() query: PageQueryDto): Promise<Page<ProductView>> {
    return this.products.listProducts(businessId, query);
  }

  @Get('products/:id')
  get(@Param('id', UuidParam) id: string): Promise<ProductView> { return this.products.getProduct(id); }
}
