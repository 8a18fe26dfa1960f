import type { EventView, RecordStageRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/batches/{id}/events` (201): one stage on one batch, the one capture path. */
export function recordStage(batchId: string, body: RecordStageRequest, options: RequestOptions): Promise<EventView> {
  return apiRequest<EventView>('POST', `/api/batches/${encodeURIComponent(batchId)}/events`, { ...options, body });
}
