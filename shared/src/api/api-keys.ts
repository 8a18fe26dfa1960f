export const API_KEY_SCOPES = ['capture', 'read', 'manage'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface CreateApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
}

export interface ApiKeyView {
  id: string;
  businessId: string;
  name: string;
  /** The key's public start, to tell keys apart; the secret is never shown again. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Returned once, when a key is created or rotated: `key` is the whole bearer token. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}
