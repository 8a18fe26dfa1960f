import type { ImportCheckResult, ImportKind } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/imports/check?kind=` with the file as the body: every row checked, nothing stored. */
export function checkImport(businessId: string, kind: ImportKind, file: Blob, options: RequestOptions): Promise<ImportCheckResult> {
  return apiRequest<ImportCheckResult>('POST', `/api/businesses/${encodeURIComponent(businessId)}/imports/check?kind=${kind}`, {
    ...options,
    body: file,
  });
}
