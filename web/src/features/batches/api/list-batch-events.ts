import type { EventView, Page } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/batches/{id}/events`: the batch's full records, oldest first, error declarations included. */
export function useBatchEvents(batchId: string, page: { limit: number; offset: number }) {
  return useApiQuery<Page<EventView>>(`/api/batches/${encodeURIComponent(batchId)}/events${queryString(page)}`);
}
