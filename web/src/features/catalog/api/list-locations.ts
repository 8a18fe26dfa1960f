import type { LocationView, Page } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/locations`: by name. */
export function useLocations(businessId: string, page: { limit: number; offset: number }) {
  return useApiQuery<Page<LocationView>>(`/api/businesses/${encodeURIComponent(businessId)}/locations${queryString(page)}`);
}
