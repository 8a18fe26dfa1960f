import type { EventView, Page } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/batches/{id}/events`: the first 100 records, oldest first (where the business last was with it). */
export function useBatchEvents(batchId: string) {
  return useApiQuery<Page<EventView>>(`/api/batches/${encodeURIComponent(batchId)}/events?limit=100`);
}
