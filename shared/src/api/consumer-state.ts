import type { BatchStatus } from './batch.js';
import type { PublicBatchView } from './public-batch.js';

/** The one word a consumer sees about a batch: its status, or expired once its date has passed. */
export type ConsumerBatchState = BatchStatus | 'expired';

/**
 * What the consumer page says a batch is, never contradicting its recall banner: recalled when it
 * or a batch it was made from is; else expired when its expiry date (ISO, Vietnam's calendar) is
 * before `today`; else its status.
 */
export function consumerBatchState(batch: Pick<PublicBatchView, 'status' | 'recall' | 'expiryDate'>, today: string): ConsumerBatchState {
  if (batch.recall || batch.status === 'recalled') return 'recalled';
  if (batch.status === 'active' && batch.expiryDate !== null && batch.expiryDate.slice(0, 10) < today) return 'expired';
  return batch.status;
}
