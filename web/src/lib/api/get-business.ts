import type { BusinessView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

export const businessPath = (id: string) => `/api/businesses/${encodeURIComponent(id)}`;

/** `GET /api/businesses/{id}`, with `statusReason` when rejected or suspended. */
export function useBusiness(id: string) {
  return useApiQuery<BusinessView>(businessPath(id));
}
