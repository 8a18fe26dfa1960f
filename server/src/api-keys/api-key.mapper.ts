import type { ApiKeyView } from '@nguon/shared';
import type { ApiKeyEntity } from './api-key.entity.js';

export function mapApiKey(k: ApiKeyEntity): ApiKeyView {
  return {
    id: k.id,
    businessId: k.businessId,
    name: k.name,
    prefix: `ngk_${k.prefix}`,
    scopes: k.scopes,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
