import type { LoginResponse, VerifyEmailRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/auth/verify-email`: confirms the address from the mailed link and signs in; 400 INVALID_TOKEN. */
export function verifyEmail(body: VerifyEmailRequest, options: RequestOptions): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/api/auth/verify-email', { ...options, body });
}
