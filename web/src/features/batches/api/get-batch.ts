import type { BatchView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/batches/{id}`. */
export function useBatch(batchId: string) {
  return useApiQuery<BatchView>(`/api/batches/${encodeURIComponent(batchId)}`);
}
