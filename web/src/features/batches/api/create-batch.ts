import type { BatchView, CreateBatchRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/batches`: the batch and its commissioning event, together. */
export function createBatch(body: CreateBatchRequest, options: RequestOptions): Promise<BatchView> {
  return apiRequest<BatchView>('POST', '/api/batches', { ...options, body });
}
