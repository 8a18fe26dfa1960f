import type { BusinessView, UpdateGs1PrefixesRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `PUT /api/businesses/{id}/gs1-prefixes` (owners); 409 PREFIX_TAKEN or PREFIX_IN_USE. */
export function updateGs1Prefixes(id: string, body: UpdateGs1PrefixesRequest, options: RequestOptions): Promise<BusinessView> {
  return apiRequest<BusinessView>('PUT', `/api/businesses/${encodeURIComponent(id)}/gs1-prefixes`, { ...options, body });
}
