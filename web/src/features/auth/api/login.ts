import type { LoginRequest, LoginResponse } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/auth/login`: 401 INVALID_CREDENTIALS, 403 ACCOUNT_DISABLED, 429 RATE_LIMITED. */
export function login(body: LoginRequest, options: RequestOptions): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/api/auth/login', { ...options, body });
}
