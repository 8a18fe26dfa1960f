import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { attachmentUrl, parseGtin, type Page, type ProductView } from '@nguon/shared';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { mapAttachment } from '../attachments/attachment.mapper.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { assertProductGtinClaimed } from '../businesses/business-claims.js';
import { CertificatesService, type CertificateHolder } from '../businesses/certificates.service.js';
import type { CreateCertificateDto, UpdateCertificateDto } from '../businesses/dto/create-certificate.dto.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import type { CreateProductDto } from './dto/create-product.dto.js';
import type { UpdateProductDto } from './dto/update-product.dto.js';
import { ProductImageEntity } from './product-image.entity.js';
import { ProductEntity } from './product.entity.js';
import { mapProduct, type ProductExtras } from './product.mapper.js';
import { countBatchesByProduct, findBatchIdsOfProduct } from './products.queries.js';

const UPLOADED_IMAGE = /^\/api\/attachments\//;

@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @InjectRepository(ProductImageEntity) private readonly productImages: Repository<ProductImageEntity>,
    private readonly audit: AuditTrail,
    private readonly attachments: AttachmentsService,
    private readonly certificates: CertificatesService,
    private readonly changes: BatchChanges,
  ) {}

  async createProduct(actor: Actor, dto: CreateProductDto): Promise<ProductView> {
    const businessId = actor.businessId!;
    const gtin = gtin14(dto.gtin ?? null);
    const product = await this.db.transaction(async (tx) => {
      if (gtin) await assertProductGtinClaimed(tx, businessId, gtin);
      const images = await this.attachments.findOwned(tx, businessId, dto.images ?? [], 'images');
      const saved = await tx.getRepository(ProductEntity).save({
        businessId,
        nameVi: dto.name.vi,
        nameEn: dto.name.en,
        descriptionVi: dto.description?.vi ?? null,
        descriptionEn: dto.description?.en ?? null,
        category: dto.category,
        brand: dto.brand ?? null,
        imageUrl: mainImageUrl(
          images.map((i) => i.id),
          dto.imageUrl ?? null,
        ),
        gtin,
        unit: dto.unit,
        shelfLifeDays: dto.shelfLifeDays ?? null,
        standards: dto.standards ?? [],
      });
      await this.saveImages(
        tx,
        saved.id,
        images.map((i) => i.id),
      );
      await this.audit.record(tx, actor, {
        action: 'product.create',
        targetType: 'product',
        targetId: saved.id,
        details: { name: dto.name.vi, gtin: saved.gtin, images: dto.images ?? [] },
      });
      return saved;
    });
    return this.getProduct(product.id);
  }

  /**
   * Changes what is sent. The GTIN is printed in the QR codes of the product's batches, so it is
   * fixed once there is one. Consumer pages of its batches show the product: they are refreshed.
   */
  async updateProduct(actor: Actor, productId: string, dto: UpdateProductDto): Promise<ProductView> {
    const batchIds = await this.db.transaction(async (tx) => {
      const product = await tx.getRepository(ProductEntity).findOne({ where: { id: productId }, lock: { mode: 'pessimistic_write' } });
      if (!product) throw new DomainError('PRODUCT_NOT_FOUND');
      const batches = await findBatchIdsOfProduct(tx, productId);
      const gtin = dto.gtin === undefined ? product.gtin : gtin14(dto.gtin);
      if (gtin !== product.gtin && batches.length > 0) {
        throw new DomainError('GTIN_LOCKED', undefined, {
          gtin: [RULE_MESSAGES.products.gtinLocked],
        });
      }
      if (gtin && gtin !== product.gtin) await assertProductGtinClaimed(tx, product.businessId, gtin);
      const imageIds = dto.images ?? (await this.imageIdsOf(tx, productId));
      if (dto.images) await this.attachments.findOwned(tx, product.businessId, dto.images, 'images');
      const externalImage =
        dto.imageUrl !== undefined ? dto.imageUrl : product.imageUrl && !UPLOADED_IMAGE.test(product.imageUrl) ? product.imageUrl : null;
      await tx.getRepository(ProductEntity).update(
        { id: productId },
        {
          ...(dto.name ? { nameVi: dto.name.vi, nameEn: dto.name.en } : {}),
          ...(dto.description !== undefined
            ? { descriptionVi: dto.description?.vi ?? null, descriptionEn: dto.description?.en ?? null }
            : {}),
          ...(dto.category !== undefined ? { category: dto.category } : {}),
          ...(dto.brand !== undefined ? { brand: dto.brand } : {}),
          ...(dto.unit !== undefined ? { unit: dto.unit } : {}),
          ...(dto.shelfLifeDays !== undefined ? { shelfLifeDays: dto.shelfLifeDays } : {}),
          ...(dto.standards !== undefined ? { standards: dto.standards } : {}),
          gtin,
          imageUrl: mainImageUrl(imageIds, externalImage),
        },
      );
      if (dto.images) await this.saveImages(tx, productId, dto.images);
      await this.audit.record(tx, actor, {
        action: 'product.update',
        targetType: 'product',
        targetId: productId,
        businessId: product.businessId,
        details: {
          changed: Object.entries(dto)
            .filter(([, value]) => value !== undefined)
            .map(([field]) => field),
          gtin,
        },
      });
      return batches;
    });
    await this.changes.publish(batchIds);
    return this.getProduct(productId);
  }

  async addCertificate(actor: Actor, productId: string, dto: CreateCertificateDto): Promise<ProductView> {
    await this.certificates.addCertificate(actor, holderOf(actor, productId), dto);
    return this.getProduct(productId);
  }

  async updateCertificate(actor: Actor, productId: string, certificateId: string, dto: UpdateCertificateDto): Promise<ProductView> {
    await this.certificates.updateCertificate(actor, holderOf(actor, productId), certificateId, dto);
    return this.getProduct(productId);
  }

  removeCertificate(actor: Actor, productId: string, certificateId: string): Promise<void> {
    return this.certificates.removeCertificate(actor, holderOf(actor, productId), certificateId);
  }

  async getProduct(id: string): Promise<ProductView> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw new DomainError('PRODUCT_NOT_FOUND');
    const extras = await this.loadExtras([id]);
    return mapProduct(product, extras.get(id)!);
  }

  async listProducts(businessId: string, query: PageQueryDto): Promise<Page<ProductView>> {
    const [rows, total] = await this.products.findAndCount({
      where: { businessId },
      order: { createdAt: 'DESC' },
      skip: query.offset,
      take: query.limit,
    });
    const extras = await this.loadExtras(rows.map((r) => r.id));
    return toPage(rows, total, query, (p) => mapProduct(p, extras.get(p.id)!));
  }

  /** Images, certificates and batch counts of a page of products: three queries, whatever its size. */
  private async loadExtras(productIds: string[]): Promise<Map<string, ProductExtras>> {
    const [images, certificates, counts] = await Promise.all([
      this.productImages.find({ where: { productId: In(productIds) }, relations: { attachment: true }, order: { position: 'ASC' } }),
      this.certificates.certificatesOf({ productIds }),
      countBatchesByProduct(this.db.manager, productIds),
    ]);
    const countOf = new Map(counts.map((c) => [c.product_id, c.count]));
    return new Map(
      productIds.map((id) => [
        id,
        {
          images: images.filter((i) => i.productId === id).map((i) => mapAttachment(i.attachment!)),
          certificates: certificates.filter((c) => c.productId === id),
          batchCount: countOf.get(id) ?? 0,
        },
      ]),
    );
  }

  private async imageIdsOf(tx: EntityManager, productId: string): Promise<string[]> {
    const rows = await tx.getRepository(ProductImageEntity).find({ where: { productId }, order: { position: 'ASC' } });
    return rows.map((r) => r.attachmentId);
  }

  private async saveImages(tx: EntityManager, productId: string, attachmentIds: string[]): Promise<void> {
    await tx.getRepository(ProductImageEntity).delete({ productId });
    if (attachmentIds.length) {
      await tx
        .getRepository(ProductImageEntity)
        .insert(attachmentIds.map((attachmentId, position) => ({ productId, attachmentId, position })));
    }
  }
}

/** The stored form of a GTIN the DTO has already checked. */
function gtin14(value: string | null): string | null {
  const parsed = value === null ? null : parseGtin(value);
  return parsed?.ok ? parsed.gtin14 : null;
}

/** The picture consumers see first: the first uploaded image, or else the one hosted elsewhere. */
function mainImageUrl(imageIds: string[], externalUrl: string | null): string | null {
  return imageIds[0] ? attachmentUrl(imageIds[0]) : externalUrl;
}

function holderOf(actor: Actor, productId: string): CertificateHolder {
  return { businessId: actor.businessId!, productId };
}
