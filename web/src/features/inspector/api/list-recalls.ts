import type { Page, PageQuery, RecallView } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/recalls`: every recall, newest first, in force or lifted. */
export function useRecalls(page: PageQuery) {
  return useApiQuery<Page<RecallView>>(`/api/recalls${queryString({ ...page })}`);
}
