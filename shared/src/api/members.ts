import type { MemberRole } from './auth.js';

export interface InviteMemberRequest {
  email: string;
  role: MemberRole;
}

export interface ChangeMemberRoleRequest {
  role: MemberRole;
}

/** A business's member. */
export interface MemberView {
  email: string;
  displayName: string | null;
  role: MemberRole;
  userId: string | null;
  status: 'active';
  since: string;
}

/** An invitation not yet accepted nor revoked, as the business's owners see it. */
export interface InvitationView {
  id: string;
  email: string;
  role: MemberRole;
  invitedByEmail: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

/** A new or re-sent invitation, with its link: shown this once, to hand over or mail again. */
export interface CreatedInvitation {
  invitation: InvitationView;
  link: string;
}

/** What an invitation link offers, for the person holding it. */
export interface InvitationPreview {
  businessId: string;
  businessName: string;
  role: MemberRole;
  email: string;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  token: string;
}

/** Signing up from an invitation: the invited address is the account's, proved by the token. */
export interface InvitationSignUpRequest {
  token: string;
  password: string;
  displayName: string;
}
