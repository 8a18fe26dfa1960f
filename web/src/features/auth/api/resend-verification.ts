import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/auth/verify-email/resend` (signed in, 204): a new confirmation mail; 429 within a minute of the last. */
export function resendVerification(options: RequestOptions): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/verify-email/resend', options);
}
