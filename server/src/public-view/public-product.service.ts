import { Injectable } from '@nestjs/common';
import type { BatchStatus, PublicProductView } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { BatchLinks } from '../batch-store/batch-links.service.js';
import { CertificatesService } from '../businesses/certificates.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { publicProducer, publicProduct } from './public-batch.mapper.js';
import { loadProductBatches, loadProductRow } from './public-batch.queries.js';

const RECENT_BATCHES = 50;

/** The consumer's view of a product (a GTIN without a lot): who makes it and its recent batches. */
@Injectable()
export class PublicProductService {
  constructor(
    private readonly links: BatchLinks,
    private readonly certificates: CertificatesService,
    private readonly reads: ReplicaReads,
  ) {}

  async getPublicProduct(productId: string): Promise<PublicProductView> {
    const read = async (manager: EntityManager) => {
      const row = await loadProductRow(manager, productId);
      if (!row) throw new DomainError('PRODUCT_NOT_FOUND');
      const [batches, certificates] = await Promise.all([
        loadProductBatches(manager, productId, RECENT_BATCHES),
        this.certificates.certificatesOf({ businessIds: [row.business_id], productIds: [productId] }, manager),
      ]);
      return { row, batches, certificates };
    };
    const { row, batches, certificates } = await this.reads.page([], read, (page) => page.batches.map((b) => b.id));
    return {
      product: publicProduct(row),
      producer: publicProducer(row, certificates),
      batches: batches.map((b) => ({
        id: b.id,
        lotCode: b.lot_code,
        productionDate: b.production_date,
        expiryDate: b.expiry_date,
        status: b.status as BatchStatus,
        identityUrl: this.links.identityUrl({
          gtin: row.gtin,
          lotCode: b.lot_code,
          shortCode: b.short_code,
          expiryDate: b.expiry_date,
          businessId: row.business_id,
        }),
      })),
    };
  }
}
