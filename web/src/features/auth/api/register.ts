import type { LoginResponse, RegisterRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/auth/register`: signs the new account in at once; 409 EMAIL_TAKEN. */
export function register(body: RegisterRequest, options: RequestOptions): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/api/auth/register', { ...options, body });
}
