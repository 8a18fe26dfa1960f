import type { CreatedWebhook, CreateWebhookRequest, NotificationView, Page, WebhookView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

const businessPath = (businessId: string) => `/api/businesses/${encodeURIComponent(businessId)}`;

/** `GET /api/businesses/{id}/notifications` (members): newest first. */
export function useNotifications(businessId: string) {
  return useApiQuery<Page<NotificationView>>(`${businessPath(businessId)}/notifications?limit=10`);
}

export function markNotificationRead(businessId: string, id: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('POST', `${businessPath(businessId)}/notifications/${encodeURIComponent(id)}/read`, options);
}

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
