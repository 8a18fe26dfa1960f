import type { BusinessStatus } from './business.js';

export const USER_ROLES = ['admin', 'inspector', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const MEMBER_ROLES = ['owner', 'staff'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const PASSWORD_MIN_LENGTH = 10;

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  /** From an invitation mail: signing up with the invited address confirms it and joins at once. */
  invitationToken?: string;
}

/**
 * What sign-up answers for a new and for a taken address alike (202): the rest happens by mail,
 * so nobody learns which addresses have accounts.
 */
export interface SignUpAccepted {
  status: 'check_mail';
}

/** The token from a confirmation mail's link. */
export interface VerifyEmailRequest {
  token: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: CurrentUser;
}

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** Whether the address was confirmed through a mailed link (needed to register a business). */
  emailVerified: boolean;
  memberships: { businessId: string; businessName: string; businessStatus: BusinessStatus; role: MemberRole }[];
}

/** A user as administrators see it. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

/** An account an administrator makes (inspectors above all), with an initial password. */
export interface CreateUserRequest {
  email: string;
  displayName: string;
  password: string;
  role: UserRole;
}

export interface UpdateUserRequest {
  role?: UserRole;
  disabled?: boolean;
}
