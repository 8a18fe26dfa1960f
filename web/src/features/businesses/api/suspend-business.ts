import type { BusinessDecisionRequest, BusinessView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/suspend` with a reason (administrator); verify lifts it. */
export function suspendBusiness(id: string, body: BusinessDecisionRequest, options: RequestOptions): Promise<BusinessView> {
  return apiRequest<BusinessView>('POST', `/api/businesses/${encodeURIComponent(id)}/suspend`, { ...options, body });
}
