import type { UpdateUserRequest, UserView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `PATCH /api/admin/users/{id}` (administrator): change the role, disable or enable. */
export function updateUser(id: string, body: UpdateUserRequest, options: RequestOptions): Promise<UserView> {
  return apiRequest<UserView>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, { ...options, body });
}
