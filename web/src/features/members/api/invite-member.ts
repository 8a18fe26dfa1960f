import type { InviteMemberRequest, MemberView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/**
 * `POST /api/businesses/{id}/members` (owner): an existing account is added at once (active); an
 * unknown email becomes an invitation (invited) that applies when it registers. 409 ALREADY_MEMBER.
 */
export function inviteMember(businessId: string, body: InviteMemberRequest, options: RequestOptions): Promise<MemberView> {
  return apiRequest<MemberView>('POST', `/api/businesses/${encodeURIComponent(businessId)}/members`, { ...options, body });
}
