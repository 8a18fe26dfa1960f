import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, ProductView } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { CreateCertificateDto, UpdateCertificateDto } from '../businesses/dto/create-certificate.dto.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { CreateProductDto } from './dto/create-product.dto.js';
import { UpdateProductDto } from './dto/update-product.dto.js';
import { ProductsService } from './products.service.js';

const OWNER_OF_PRODUCT = { actsFor: owned.productInPath(), memberRole: 'owner', publishes: true } as const;

@ApiTags('products')
@Controller('api')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post('businesses/:businessId/products')
  @Access({ actsFor: owned.businessInPath(), memberRole: 'owner', scope: 'manage', publishes: true })
  @ApiBearerAuth()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProductDto): Promise<ProductView> {
    return this.products.createProduct(actor, dto);
  }

  @Get('businesses/:businessId/products')
  list(@Param('businessId', UuidParam) businessId: string, @Query() query: PageQueryDto): Promise<Page<ProductView>> {
    return this.products.listProducts(businessId, query);
  }

  @Get('products/:id')
  get(@Param('id', UuidParam) id: string): Promise<ProductView> {
    return this.products.getProduct(id);
  }

  @Patch('products/:id')
  @Access({ ...OWNER_OF_PRODUCT, scope: 'manage' })
  @ApiBearerAuth()
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateProductDto): Promise<ProductView> {
    return this.products.updateProduct(actor, id, dto);
  }

  @Post('products/:id/certificates')
  @Access(OWNER_OF_PRODUCT)
  @ApiBearerAuth()
  addCertificate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateCertificateDto): Promise<ProductView> {
    return this.products.addCertificate(actor, id, dto);
  }

  @Patch('products/:id/certificates/:certificateId')
  @Access(OWNER_OF_PRODUCT)
  @ApiBearerAuth()
  updateCertificate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('certificateId', UuidParam) certificateId: string,
    @Body() dto: UpdateCertificateDto,
  ): Promise<ProductView> {
    return this.products.updateCertificate(actor, id, certificateId, dto);
  }

  @Delete('products/:id/certificates/:certificateId')
  @HttpCode(204)
  @Access(OWNER_OF_PRODUCT)
  @ApiBearerAuth()
  removeCertificate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('certificateId', UuidParam) certificateId: string,
  ): Promise<void> {
    return this.products.removeCertificate(actor, id, certificateId);
  }
}
