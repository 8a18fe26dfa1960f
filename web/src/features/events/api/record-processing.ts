import type { EventView, RecordProcessingRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/events/processing` (201): inputs used, outputs made (a new output batch is created with it). */
export function recordProcessing(body: RecordProcessingRequest, options: RequestOptions): Promise<EventView> {
  return apiRequest<EventView>('POST', '/api/events/processing', { ...options, body });
}
