import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseGtin, type Page, type ProductView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import type { CreateProductDto } from './dto/create-product.dto.js';
import { ProductEntity } from './product.entity.js';
import { mapProduct } from './product.mapper.js';

@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async createProduct(actor: Actor, dto: CreateProductDto): Promise<ProductView> {
    const gtin = dto.gtin ? parseGtin(dto.gtin) : null;
    const product = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(ProductEntity).save({
        businessId: actor.businessId!,
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
      await this.audit.record(tx, actor, { action: 'product.create', targetType: 'product', targetId: saved.id, details: { name: dto.name.vi, gtin: saved.gtin } });
      return saved;
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
