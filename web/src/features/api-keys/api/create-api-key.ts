import type { CreateApiKeyRequest, CreatedApiKey } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/api-keys` (owner, 201): the answer's `key` is shown this once only. */
export function createApiKey(businessId: string, body: CreateApiKeyRequest, options: RequestOptions): Promise<CreatedApiKey> {
  return apiRequest<CreatedApiKey>('POST', `/api/businesses/${encodeURIComponent(businessId)}/api-keys`, { ...options, body });
}
