import type { NotificationView, Page } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';
import { businessPath } from '@/lib/api/get-business';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/notifications` (members): newest first. */
export function useNotifications(businessId: string) {
  return useApiQuery<Page<NotificationView>>(`${businessPath(businessId)}/notifications?limit=10`);
}

/** The recall notices whose recall is still in force: what the business must act on, however old. */
export function useRecallsInForce(businessId: string) {
  return useApiQuery<Page<NotificationView>>(`${businessPath(businessId)}/notifications?recallsInForce=true&limit=50`);
}

export function markNotificationRead(businessId: string, id: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('POST', `${businessPath(businessId)}/notifications/${encodeURIComponent(id)}/read`, options);
}

/** `POST …/notifications/{id}/acknowledge`: "Đã nhận", kept once with who and when, for the inspector to see. */
export function acknowledgeNotification(businessId: string, id: string, options: RequestOptions): Promise<NotificationView> {
  return apiRequest<NotificationView>('POST', `${businessPath(businessId)}/notifications/${encodeURIComponent(id)}/acknowledge`, options);
}
