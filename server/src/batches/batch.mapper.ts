import type { BatchListItem, BatchView } from '@nguon/shared';
import type { BatchEntity } from '../batch-store/batch.entity.js';

/** The batch's product, as its relation types it. */
type BatchProduct = NonNullable<BatchEntity['product']>;

/** `identityUrl`: what the batch's QR code holds, signed (BatchLinks). */
export function mapBatch(b: BatchEntity, identityUrl: string): BatchView {
  return {
    id: b.id,
    productId: b.productId,
    businessId: b.businessId,
    lotCode: b.lotCode,
    displayName: b.displayName,
    shortCode: b.shortCode,
    identityUrl,
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
  product: Pick<BatchProduct, 'nameVi' | 'nameEn'>,
  lastEventAt: Date | null,
  identityUrl: string,
): BatchListItem {
  return {
    ...mapBatch(b, identityUrl),
    productName: { vi: product.nameVi, en: product.nameEn },
    lastEventAt: lastEventAt?.toISOString() ?? null,
  };
}
