import type { ProductView, UpdateProductRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `PATCH /api/products/{id}` (owner): only the fields sent change; the GTIN is fixed once there are batches. */
export function updateProduct(productId: string, body: UpdateProductRequest, options: RequestOptions): Promise<ProductView> {
  return apiRequest<ProductView>('PATCH', `/api/products/${encodeURIComponent(productId)}`, { ...options, body });
}
