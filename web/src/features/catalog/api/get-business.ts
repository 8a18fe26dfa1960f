import type { BusinessView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}`: the business with its own certificates. */
export function useBusiness(businessId: string) {
  return useApiQuery<BusinessView>(`/api/businesses/${encodeURIComponent(businessId)}`);
}
