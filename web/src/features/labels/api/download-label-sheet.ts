import type { LabelSheetQuery } from '@nguon/shared';
import { apiBlob, queryString, type RequestOptions } from '@/lib/api-client';

/**
 * `GET /api/batches/{id}/labels.pdf` (members of the producing business): the label sheet PDF.
 * Fetched with the session's token, so it comes as a Blob rather than as a link.
 */
export function downloadLabelSheet(batchId: string, query: Required<LabelSheetQuery>, options: RequestOptions): Promise<Blob> {
  return apiBlob(`/api/batches/${encodeURIComponent(batchId)}/labels.pdf${queryString({ ...query })}`, options);
}
