import type { LocationView, UpdateLocationRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `PATCH /api/locations/{id}` (owner): only the fields sent change; null clears GLN or both coordinates. */
export function updateLocation(locationId: string, body: UpdateLocationRequest, options: RequestOptions): Promise<LocationView> {
  return apiRequest<LocationView>('PATCH', `/api/locations/${encodeURIComponent(locationId)}`, { ...options, body });
}
