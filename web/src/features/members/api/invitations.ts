import type {
  CreatedInvitation,
  CurrentUser,
  InvitationPreview,
  InvitationSignUpRequest,
  InvitationView,
  InviteMemberRequest,
  LoginResponse,
} from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

const path = (businessId: string) => `/api/businesses/${encodeURIComponent(businessId)}/invitations`;

/** `GET /api/businesses/{id}/invitations` (owners): invitations not yet accepted nor revoked. */
export function useInvitations(businessId: string) {
  return useApiQuery<InvitationView[]>(path(businessId));
}

/** `POST /api/businesses/{id}/invitations` (owner): mails a link and returns it once; 409 ALREADY_MEMBER. */
export function inviteMember(businessId: string, body: InviteMemberRequest, options: RequestOptions): Promise<CreatedInvitation> {
  return apiRequest<CreatedInvitation>('POST', path(businessId), { ...options, body });
}

/** `POST …/invitations/{id}/resend` (owner): a new link, mailed again; the old one stops working. */
export function resendInvitation(businessId: string, id: string, options: RequestOptions): Promise<CreatedInvitation> {
  return apiRequest<CreatedInvitation>('POST', `${path(businessId)}/${encodeURIComponent(id)}/resend`, options);
}

/** `DELETE …/invitations/{id}` (owner, 204). */
export function revokeInvitation(businessId: string, id: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('DELETE', `${path(businessId)}/${encodeURIComponent(id)}`, options);
}

/** `POST /api/invitations/preview`: what a link offers; 400 INVALID_TOKEN when used, revoked or expired. */
export function previewInvitation(token: string, options: RequestOptions): Promise<InvitationPreview> {
  return apiRequest<InvitationPreview>('POST', '/api/invitations/preview', { ...options, body: { token } });
}

/** `POST /api/invitations/accept` (signed in): joins; 409 ALREADY_MEMBER. */
export function acceptInvitation(token: string, options: RequestOptions): Promise<CurrentUser> {
  return apiRequest<CurrentUser>('POST', '/api/invitations/accept', { ...options, body: { token } });
}

/** `POST /api/invitations/sign-up`: an account with the invited address, joined and signed in; 409 EMAIL_TAKEN. */
export function signUpWithInvitation(body: InvitationSignUpRequest, options: RequestOptions): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/api/invitations/sign-up', { ...options, body });
}
