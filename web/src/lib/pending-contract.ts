/**
 * TEMPORARY: the parts of the accounts contract (issue 3) that `@nguon/shared` does not export yet.
 * Removed once the server side lands; everything here then comes from `@nguon/shared`.
 */
import type { BusinessView as SharedBusinessView, CurrentUser as SharedCurrentUser, MemberRole, UserRole } from '@nguon/shared';

export type { ApiKeyScope, ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '../../../shared/src/api/api-keys';
export { API_KEY_SCOPES } from '../../../shared/src/api/api-keys';
export type { AuditEntryView, AuditQuery } from '../../../shared/src/api/audit';
export type { InviteMemberRequest, MemberView } from '../../../shared/src/api/members';

export const PASSWORD_MIN_LENGTH = 10;

export const BUSINESS_STATUSES = ['pending', 'verified', 'rejected', 'suspended'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

export interface BusinessView extends Omit<SharedBusinessView, 'status'> {
  status: BusinessStatus;
  statusReason: string | null;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface BusinessStatusReasonRequest {
  reason: string;
}

export interface CurrentUser extends Omit<SharedCurrentUser, 'memberships'> {
  memberships: { businessId: string; businessName: string; role: MemberRole; businessStatus: BusinessStatus }[];
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: CurrentUser;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

export interface UpdateUserRequest {
  role?: UserRole;
  disabled?: boolean;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  password: string;
  role: UserRole;
}
