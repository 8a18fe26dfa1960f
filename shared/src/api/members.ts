import type { MemberRole } from './auth.js';

export interface InviteMemberRequest {
  email: string;
  role: MemberRole;
}

/** A business's member, or an invitation waiting for that email to register. */
export interface MemberView {
  email: string;
  displayName: string | null;
  role: MemberRole;
  userId: string | null;
  status: 'active' | 'invited';
  since: string;
}
