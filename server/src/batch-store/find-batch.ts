import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { BatchEntity } from './batch.entity.js';

/** A batch with its product loaded. */
export type BatchWithProduct = BatchEntity & { product: NonNullable<BatchEntity['product']> };

/**
 * The batch with its product, or BATCH_NOT_FOUND, read through `db` (a transaction's manager when
 * in one): the event store's use cases and batches/' views look a batch up alike.
 */
export async function findBatchOrFail(db: EntityManager, id: string): Promise<BatchWithProduct> {
  const batch = await db.getRepository(BatchEntity).findOne({ where: { id }, relations: { product: true } });
  if (!batch?.product) throw new DomainError('BATCH_NOT_FOUND');
  return batch as BatchWithProduct;
}
