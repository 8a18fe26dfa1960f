import type { BusinessScorecard } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/scorecard`: the business's scores and its batches failing each criterion. */
export function useBusinessScorecard(businessId: string) {
  return useApiQuery<BusinessScorecard>(`/api/businesses/${encodeURIComponent(businessId)}/scorecard`);
}
