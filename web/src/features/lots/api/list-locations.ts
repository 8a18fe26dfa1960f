import type { LocationView, Page } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** The business's places to choose from, and to name the places of its events. */
export function useBusinessLocations(businessId: string) {
  return useApiQuery<Page<LocationView>>(`/api/businesses/${encodeURIComponent(businessId)}/locations?limit=100`);
}
