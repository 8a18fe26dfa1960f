import type { MemberView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/members`: the members (invitations are listed apart, for owners). */
export function useMembers(businessId: string) {
  return useApiQuery<MemberView[]>(`/api/businesses/${encodeURIComponent(businessId)}/members`);
}
