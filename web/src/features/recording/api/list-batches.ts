import type { BatchListItem, Page } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/batches?status=active`: the business's own open batches, newest first (processing inputs). */
export function useOpenBatches(businessId: string) {
  return useApiQuery<Page<BatchListItem>>(`/api/businesses/${encodeURIComponent(businessId)}/batches?status=active&limit=100`);
}
