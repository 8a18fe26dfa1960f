import type { CreatedApiKey } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/api-keys/{keyId}/rotate` (owner, 201): a new key; the old one is revoked. */
export function rotateApiKey(businessId: string, keyId: string, options: RequestOptions): Promise<CreatedApiKey> {
  return apiRequest<CreatedApiKey>(
    'POST',
    `/api/businesses/${encodeURIComponent(businessId)}/api-keys/${encodeURIComponent(keyId)}/rotate`,
    options,
  );
}
