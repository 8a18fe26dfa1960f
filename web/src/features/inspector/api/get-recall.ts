import type { RecallView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/recalls/{id}`: the recall with the batches it reached and the businesses told; `null` waits. */
export function useRecall(recallId: string | null) {
  return useApiQuery<RecallView>(recallId ? `/api/recalls/${encodeURIComponent(recallId)}` : null);
}
