import type { Page, ProductView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/products`: what a processing step can make. */
export function useProducts(businessId: string) {
  return useApiQuery<Page<ProductView>>(`/api/businesses/${encodeURIComponent(businessId)}/products?limit=100`);
}
