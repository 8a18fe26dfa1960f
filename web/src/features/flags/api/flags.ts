import type { FlagKind, FlagScanResult, FlagStatus, FlagView, Page, UpdateFlagRequest } from '@nguon/shared';
import { apiRequest, queryString, type RequestOptions } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

export interface FlagFilters {
  status: FlagStatus | '';
  kind: FlagKind | '';
}

/** `GET /api/flags` (inspector, administrator): newest first. */
export function useFlags(filters: FlagFilters, limit: number, offset: number) {
  return useApiQuery<Page<FlagView>>(`/api/flags${queryString({ ...filters, limit, offset })}`);
}

/** `PATCH /api/flags/{id}`: a new status, a note, or both. */
export function updateFlag(id: string, body: UpdateFlagRequest, options: RequestOptions): Promise<FlagView> {
  return apiRequest<FlagView>('PATCH', `/api/flags/${encodeURIComponent(id)}`, { ...options, body });
}

/** `POST /api/flags/scan`: runs the checks now. */
export function scanFlags(options: RequestOptions): Promise<FlagScanResult> {
  return apiRequest<FlagScanResult>('POST', '/api/flags/scan', options);
}
