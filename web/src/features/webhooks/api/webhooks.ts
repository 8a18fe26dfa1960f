import type { CreatedWebhook, CreateWebhookRequest, WebhookView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';
import { businessPath } from '@/lib/api/get-business';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/webhooks` (owners). */
export function useWebhooks(businessId: string) {
  return useApiQuery<WebhookView[]>(`${businessPath(businessId)}/webhooks`);
}

export function createWebhook(businessId: string, body: CreateWebhookRequest, options: RequestOptions): Promise<CreatedWebhook> {
  return apiRequest<CreatedWebhook>('POST', `${businessPath(businessId)}/webhooks`, { ...options, body });
}

export function removeWebhook(businessId: string, id: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('DELETE', `${businessPath(businessId)}/webhooks/${encodeURIComponent(id)}`, options);
}
