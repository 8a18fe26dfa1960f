import type { CreateBusinessRequest, BusinessView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses`: registered as pending, the caller its owner; 409 TAX_CODE_TAKEN. */
export function createBusiness(body: CreateBusinessRequest, options: RequestOptions): Promise<BusinessView> {
  return apiRequest<BusinessView>('POST', '/api/businesses', { ...options, body });
}
