import type { BatchSearchQuery, BatchSearchResult, Page } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/search/batches`: batches of every business, filtered, sorted and paged. */
export function useBatchSearch(query: BatchSearchQuery) {
  return useApiQuery<Page<BatchSearchResult>>(`/api/search/batches${queryString({ ...query })}`);
}
