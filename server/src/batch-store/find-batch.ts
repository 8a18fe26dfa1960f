import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { BatchEntity } from './batch.entity.js';

/** A batch with its product and its business loaded. */
export type BatchWithProduct = BatchEntity & {
  product: NonNullable<BatchEntity['product']>;
  business: NonNullable<BatchEntity['business']>;
};

/**
 * The batch with its product and business, or BATCH_NOT_FOUND, read through `db` (a transaction's manager when
 * in one): the event store's use cases and batches/' views look a batch up alike.
 */
export async function findBatchOrFail(db: EntityManager, id: string): Promise<BatchWithProduct> {
  const batch = await db.getRepository(BatchEntity).findOne({ where: { id }, relations: { product: true, business: true } });
  if (!batch?.product || !batch.business) throw new DomainError('BATCH_NOT_FOUND');
  return batch as BatchWithProduct;
}
