import type { CreateProductRequest, ProductView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/products` (owner, 201). */
export function createProduct(businessId: string, body: CreateProductRequest, options: RequestOptions): Promise<ProductView> {
  return apiRequest<ProductView>('POST', `/api/businesses/${encodeURIComponent(businessId)}/products`, { ...options, body });
}
