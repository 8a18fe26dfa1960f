import type { BatchBalanceView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/batches/{id}/balance`: what the business still holds of the batch, per unit (`null` waits). */
export function useBatchBalance(batchId: string | null) {
  return useApiQuery<BatchBalanceView>(batchId === null ? null : `/api/batches/${encodeURIComponent(batchId)}/balance`);
}
