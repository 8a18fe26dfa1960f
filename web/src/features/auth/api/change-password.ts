import type { ChangePasswordRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/auth/password` (204): ends the account's other sign-ins; 422 WRONG_PASSWORD. */
export function changePassword(body: ChangePasswordRequest, options: RequestOptions): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/password', { ...options, body });
}
