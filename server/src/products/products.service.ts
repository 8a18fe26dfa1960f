import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseGtin, type Page, type ProductView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import type { CreateProductDto } from './dto/create-product.dto.js';
import { ProductEntity } from './product.entity.js';
import { mapProduct } from './product.mapper.js';

@Injectable()
export class ProductsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async createProduct(user: AuthUser, businessId: string, dto: CreateProductDto): Promise<ProductView> {
    if (!(await this.db.getRepository(BusinessEntity).existsBy({ id: businessId }))) throw new DomainError('BUSINESS_NOT_FOUND');
    TenancyPolicy.assertActsFor(user, businessId);
    const gtin = dto.gtin ? parseGtin(dto.gtin) : null;
    const product = await this.db.getRepository(ProductEntity).save({
      businessId,
      nameVi: dto.name.vi,
      nameEn: dto.name.en,
      descriptionVi: dto.description?.vi ?? null,
      descriptionEn: dto.description?.en ?? null,
      category: dto.category,
      brand: dto.brand ?? null,
      imageUrl: dto.imageUrl ?? null,
      gtin: gtin?.ok ? gtin.gtin14 : null,
      unit: dto.unit,
      shelfLifeDays: dto.shelfLifeDays ?? null,
      standards: dto.standards ?? [],
    });
    return this.getProduct(product.id);
  }

  async getProduct(id: string): Promise<ProductView> {
    const product = await this.db.getRepository(ProductEntity).findOneBy({ id });
    if (!product) throw new DomainError('PRODUCT_NOT_FOUND');
    return mapProduct(product);
  }

  async listProducts(businessId: string, query: PageQueryDto): Promise<Page<ProductView>> {
    const [rows, total] = await this.db.getRepository(ProductEntity).findAndCount({
      where: { businessId }, order: { createdAt: 'DESC' }, skip: query.offset, take: query.limit,
    });
    return toPage(rows, total, query, mapProduct);
  }
}
