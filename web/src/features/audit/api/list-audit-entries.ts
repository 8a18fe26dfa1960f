import type { Page, AuditEntryView, AuditQuery } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/audit` (administrator, inspector): who did what, newest first. */
export function useAuditEntries(query: AuditQuery) {
  return useApiQuery<Page<AuditEntryView>>(`/api/audit${queryString({ ...query })}`);
}
