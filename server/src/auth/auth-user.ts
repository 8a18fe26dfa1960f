import type { MemberRole, UserRole } from '@nguon/shared';

/** Who is asking, as every guard and policy sees it. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** businessId → role in that business. */
  memberships: Map<string, MemberRole>;
}
