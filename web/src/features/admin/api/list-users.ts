import type { Page, UserRole, UserView } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

export interface UserListQuery {
  q?: string;
  role?: UserRole | '';
  limit?: number;
  offset?: number;
}

/** `GET /api/admin/users` (administrator): `q` matches name or email. */
export function useUsers(query: UserListQuery) {
  return useApiQuery<Page<UserView>>(`/api/admin/users${queryString({ ...query })}`);
}
