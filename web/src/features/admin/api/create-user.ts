import type { CreateUserRequest, UserView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/admin/users` (administrator): an account made by the portal, e.g. an inspector's. */
export function createUser(body: CreateUserRequest, options: RequestOptions): Promise<UserView> {
  return apiRequest<UserView>('POST', '/api/admin/users', { ...options, body });
}
