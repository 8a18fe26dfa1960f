import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `DELETE /api/businesses/{id}/members/{email}` (owner, 204); 422 LAST_OWNER. */
export function removeMember(businessId: string, email: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('DELETE', `/api/businesses/${encodeURIComponent(businessId)}/members/${encodeURIComponent(email)}`, options);
}
