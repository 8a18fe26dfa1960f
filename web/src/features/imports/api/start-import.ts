import type { ImportJobView, ImportKind } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/imports?kind=` (202): checks the file again, then runs it as a job. */
export function startImport(businessId: string, kind: ImportKind, file: Blob, options: RequestOptions): Promise<ImportJobView> {
  return apiRequest<ImportJobView>('POST', `/api/businesses/${encodeURIComponent(businessId)}/imports?kind=${kind}`, {
    ...options,
    body: file,
  });
}
