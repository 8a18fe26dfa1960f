import type { BatchListItem, BatchView } from '@nguon/shared';
import { identityUrl } from '../batch-store/batch-identity.js';
import type { BatchEntity } from '../batch-store/batch.entity.js';

/** The batch's product, as its relation types it. */
type BatchProduct = NonNullable<BatchEntity['product']>;

export function mapBatch(b: BatchEntity, product: Pick<BatchProduct, 'gtin'>, publicBaseUrl: string): BatchView {
  return {
    id: b.id,
    productId: b.productId,
    businessId: b.businessId,
    lotCode: b.lotCode,
    displayName: b.displayName,
    shortCode: b.shortCode,
    identityUrl: identityUrl({ ...b, gtin: product.gtin }, publicBaseUrl),
    productionDate: b.productionDate,
    expiryDate: b.expiryDate,
    bestBeforeDate: b.bestBeforeDate,
    quantity: b.quantity,
    unit: b.unit,
    originLocationId: b.originLocationId,
    status: b.status,
    createdAt: b.createdAt.toISOString(),
  };
}

export function mapBatchListItem(
  b: BatchEntity,
  product: Pick<BatchProduct, 'gtin' | 'nameVi' | 'nameEn'>,
  lastEventAt: Date | null,
  publicBaseUrl: string,
): BatchListItem {
  return {
    ...mapBatch(b, product, publicBaseUrl),
    productName: { vi: product.nameVi, en: product.nameEn },
    lastEventAt: lastEventAt?.toISOString() ?? null,
  };
}
