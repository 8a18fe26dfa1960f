import type { RecallRequest, RecallView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/batches/{id}/recall`: the batch and everything made from it are recalled, their businesses told. */
export function recallBatch(batchId: string, body: RecallRequest, options: RequestOptions): Promise<RecallView> {
  return apiRequest<RecallView>('POST', `/api/batches/${encodeURIComponent(batchId)}/recall`, { ...options, body });
}
