import type { BatchListItem, ListBatchesQuery, Page } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/batches`: the business's batches, newest first, filtered. */
export function useBatches(businessId: string, query: ListBatchesQuery) {
  return useApiQuery<Page<BatchListItem>>(`/api/businesses/${encodeURIComponent(businessId)}/batches${queryString({ ...query })}`);
}
