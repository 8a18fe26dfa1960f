import type { Page, ProductView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** The business's products to choose from (a business has tens, not hundreds). */
export function useBusinessProducts(businessId: string) {
  return useApiQuery<Page<ProductView>>(`/api/businesses/${encodeURIComponent(businessId)}/products?limit=100`);
}
