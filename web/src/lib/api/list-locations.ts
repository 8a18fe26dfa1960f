import type { LocationView, Page } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/locations`: by name; without a page, all of them (a business has tens, not hundreds). */
export function useLocations(businessId: string, page: { limit: number; offset: number } = { limit: 100, offset: 0 }) {
  return useApiQuery<Page<LocationView>>(`/api/businesses/${encodeURIComponent(businessId)}/locations${queryString(page)}`);
}
