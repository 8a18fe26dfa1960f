import type { BusinessView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/gs1-prefixes/confirm` (administrator, verified business); 409 PREFIX_TAKEN. */
export function confirmGs1Prefixes(id: string, options: RequestOptions): Promise<BusinessView> {
  return apiRequest<BusinessView>('POST', `/api/businesses/${encodeURIComponent(id)}/gs1-prefixes/confirm`, options);
}
