import type { CreateLocationRequest, LocationView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/locations` (owner, 201). */
export function createLocation(businessId: string, body: CreateLocationRequest, options: RequestOptions): Promise<LocationView> {
  return apiRequest<LocationView>('POST', `/api/businesses/${encodeURIComponent(businessId)}/locations`, { ...options, body });
}
