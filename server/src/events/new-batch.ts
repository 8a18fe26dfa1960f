import { randomUUID } from 'node:crypto';
import { newShortCode } from '../batch-store/batch-identity.js';
import { BatchEntity } from '../batch-store/batch.entity.js';

/** What a new batch is made of; the rest is its identity and the state every new batch starts in. */
export type NewBatchFields = Pick<
  BatchEntity,
  | 'productId'
  | 'businessId'
  | 'lotCode'
  | 'displayName'
  | 'productionDate'
  | 'expiryDate'
  | 'bestBeforeDate'
  | 'quantity'
  | 'unit'
  | 'originLocationId'
>;

/**
 * A batch not yet written, whole: its id made here, so that the events registering it can name it
 * in the same set-based write, and every column set, so that it reads as the stored row would.
 */
export function newBatch(fields: NewBatchFields): BatchEntity {
  return Object.assign(new BatchEntity(), {
    ...fields,
    id: randomUUID(),
    shortCode: newShortCode(),
    status: 'active' as const,
    recallReason: null,
    recalledAt: null,
    scanCount: 0,
    createdAt: new Date(),
  });
}
