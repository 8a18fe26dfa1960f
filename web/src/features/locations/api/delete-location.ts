import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `DELETE /api/locations/{id}` (owner, 204); 409 LOCATION_IN_USE when a batch or event names it. */
export function deleteLocation(locationId: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('DELETE', `/api/locations/${encodeURIComponent(locationId)}`, options);
}
