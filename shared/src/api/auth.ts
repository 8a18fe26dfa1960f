export const USER_ROLES = ['admin', 'inspector', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const MEMBER_ROLES = ['owner', 'staff'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface LoginRequest {
  email: string;
  password: string;
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
  memberships: { businessId: string; businessName: string; role: MemberRole }[];
}
