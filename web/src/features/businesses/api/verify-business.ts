import type { BusinessView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/verify` (administrator); 409 BUSINESS_STATUS_CONFLICT. */
export function verifyBusiness(id: string, options: RequestOptions): Promise<BusinessView> {
  return apiRequest<BusinessView>('POST', `/api/businesses/${encodeURIComponent(id)}/verify`, options);
}
