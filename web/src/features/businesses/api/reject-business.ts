import type { BusinessDecisionRequest, BusinessView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/reject` with the reason the owner will read (administrator). */
export function rejectBusiness(id: string, body: BusinessDecisionRequest, options: RequestOptions): Promise<BusinessView> {
  return apiRequest<BusinessView>('POST', `/api/businesses/${encodeURIComponent(id)}/reject`, { ...options, body });
}
