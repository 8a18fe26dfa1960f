import type { ApiKeyView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/api-keys` (owner): every key, revoked ones included, never the secret. */
export function useApiKeys(businessId: string, enabled = true) {
  return useApiQuery<ApiKeyView[]>(enabled ? `/api/businesses/${encodeURIComponent(businessId)}/api-keys` : null);
}
