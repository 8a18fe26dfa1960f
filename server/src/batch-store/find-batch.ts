import { In, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { BatchEntity } from './batch.entity.js';

/** A batch with its product loaded. */
export type BatchWithProduct = BatchEntity & { product: NonNullable<BatchEntity['product']> };

/**
 * The batch with its product, or BATCH_NOT_FOUND, read through `db` (a transaction's manager when
 * in one): the event store's use cases and batches/' views look a batch up alike.
 */
export async function findBatchOrFail(db: EntityManager, id: string): Promise<BatchWithProduct> {
  return (await findBatchesOrFail(db, [id])).get(id)!;
}

/** The batches with their products by id, in one query, or BATCH_NOT_FOUND when one is missing. */
export async function findBatchesOrFail(db: EntityManager, ids: string[]): Promise<Map<string, BatchWithProduct>> {
  const batches = await db.getRepository(BatchEntity).find({ where: { id: In([...new Set(ids)]) }, relations: { product: true } });
  const found = new Map(batches.flatMap((batch) => (batch.product ? [[batch.id, batch as BatchWithProduct]] : [])));
  if (ids.some((id) => !found.has(id))) throw new DomainError('BATCH_NOT_FOUND');
  return found;
}
