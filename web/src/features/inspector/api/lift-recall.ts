import type { LiftRecallRequest, RecallView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/batches/{id}/recall/lift`: the recall ends, and the businesses it reached are told. */
export function liftRecall(batchId: string, body: LiftRecallRequest, options: RequestOptions): Promise<RecallView> {
  return apiRequest<RecallView>('POST', `/api/batches/${encodeURIComponent(batchId)}/recall/lift`, { ...options, body });
}
