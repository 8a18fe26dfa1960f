import type { PublicProductView } from '@nguon/shared';
import { getJson, type RequestOptions } from '@/lib/api-client';
import { useJsonResource } from '@/lib/use-json-resource';

const pathOf = (id: string) => `/api/public/products/${encodeURIComponent(id)}`;

/** `GET /api/public/products/{id}`: a product (a GTIN scanned without a lot) and its recent batches. */
export function getPublicProduct(id: string, options: RequestOptions): Promise<PublicProductView> {
  return getJson<PublicProductView>(pathOf(id), options);
}

/** Like `usePublicBatch`: `initial` from the resolver's answer or (`fresh`) the server's rendering. */
export function usePublicProduct(id: string, initial: PublicProductView | null, fresh = false) {
  return useJsonResource<PublicProductView>(pathOf(id), initial?.product.id === id ? initial : null, fresh);
}
