import type { ConsumerReportReceipt, ConsumerReportRequest, ScanPlaceRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

const batchPath = (batchId: string) => `/api/public/batches/${encodeURIComponent(batchId)}`;

/** `POST /api/public/batches/{id}/reports` (public, rate-limited): lands in the inspectors' flags. */
export function sendReport(batchId: string, body: ConsumerReportRequest, options: RequestOptions): Promise<ConsumerReportReceipt> {
  return apiRequest<ConsumerReportReceipt>('POST', `${batchPath(batchId)}/reports`, { ...options, body });
}

/** `POST /api/public/batches/{id}/scan-place`: the area of the visitor's own scan (its token), already rounded here; once. */
export function shareScanPlace(batchId: string, body: ScanPlaceRequest, options: RequestOptions): Promise<void> {
  return apiRequest<void>('POST', `${batchPath(batchId)}/scan-place`, { ...options, body });
}
