import type { BusinessView, UpdateBusinessGlnRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `PUT /api/businesses/{id}/gln` (owners); 422 GLN_OUTSIDE_PREFIXES. */
export function updateBusinessGln(id: string, body: UpdateBusinessGlnRequest, options: RequestOptions): Promise<BusinessView> {
  return apiRequest<BusinessView>('PUT', `/api/businesses/${encodeURIComponent(id)}/gln`, { ...options, body });
}
