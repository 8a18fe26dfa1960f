import type { QrErrorCorrectionLevel } from '@nguon/shared';
import { queryString } from '@/lib/api-client';

export type QrFormat = 'png' | 'svg';

/** `GET /api/batches/{id}/qr.{png,svg}`: public, so a plain link or image source. */
export function qrImageUrl(batchId: string, format: QrFormat, options: { size: number; ecc: QrErrorCorrectionLevel }): string {
  return `/api/batches/${encodeURIComponent(batchId)}/qr.${format}${queryString(options)}`;
}
