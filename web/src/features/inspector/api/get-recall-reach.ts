import type { RecallReachView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/batches/{id}/recall/preview`: whom a recall of the batch would reach, before it is made; `null` waits. */
export function useRecallReach(batchId: string | null) {
  return useApiQuery<RecallReachView>(batchId ? `/api/batches/${encodeURIComponent(batchId)}/recall/preview` : null);
}
