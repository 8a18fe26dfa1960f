import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `DELETE /api/businesses/{id}/api-keys/{keyId}` (owner, 204): the key stops working at once. */
export function revokeApiKey(businessId: string, keyId: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('DELETE', `/api/businesses/${encodeURIComponent(businessId)}/api-keys/${encodeURIComponent(keyId)}`, options);
}
