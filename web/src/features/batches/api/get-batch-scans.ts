import type { BatchScansView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/batches/{id}/scans`: how often its code was opened. */
export function useBatchScans(batchId: string) {
  return useApiQuery<BatchScansView>(`/api/batches/${encodeURIComponent(batchId)}/scans`);
}
