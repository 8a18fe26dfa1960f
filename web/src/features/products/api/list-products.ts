import type { Page, ProductView } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/**
 * `GET /api/businesses/{id}/products`: newest first, with images, certificates and batch counts;
 * without a page, all of them (a business has tens, not hundreds).
 */
export function useProducts(businessId: string, page: { limit: number; offset: number } = { limit: 100, offset: 0 }) {
  return useApiQuery<Page<ProductView>>(`/api/businesses/${encodeURIComponent(businessId)}/products${queryString(page)}`);
}
