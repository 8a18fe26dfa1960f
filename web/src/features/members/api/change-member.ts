import type { MemberRole, MemberView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

const path = (businessId: string) => `/api/businesses/${encodeURIComponent(businessId)}/members`;

/** `PATCH /api/businesses/{id}/members/{email}` (owner); 422 LAST_OWNER. */
export function changeMemberRole(businessId: string, email: string, role: MemberRole, options: RequestOptions): Promise<MemberView> {
  return apiRequest<MemberView>('PATCH', `${path(businessId)}/${encodeURIComponent(email)}`, { ...options, body: { role } });
}

/** `POST /api/businesses/{id}/members/leave` (any member, 204); 422 LAST_OWNER. */
export function leaveBusiness(businessId: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('POST', `${path(businessId)}/leave`, options);
}
