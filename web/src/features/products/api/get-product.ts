import type { ProductView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/products/{id}`; `null` waits (a new product has nothing to load). */
export function useProduct(productId: string | null) {
  return useApiQuery<ProductView>(productId ? `/api/products/${encodeURIComponent(productId)}` : null);
}
