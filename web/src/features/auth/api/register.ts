import type { RegisterRequest, SignUpAccepted } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/auth/register`: 202 "check your mail", for a new and a taken address alike. */
export function register(body: RegisterRequest, options: RequestOptions): Promise<SignUpAccepted> {
  return apiRequest<SignUpAccepted>('POST', '/api/auth/register', { ...options, body });
}
