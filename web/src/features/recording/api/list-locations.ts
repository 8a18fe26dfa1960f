import type { LocationView, Page } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/locations`: the business's places, for the "where" of a stage. */
export function useLocations(businessId: string) {
  return useApiQuery<Page<LocationView>>(`/api/businesses/${encodeURIComponent(businessId)}/locations?limit=100`);
}
