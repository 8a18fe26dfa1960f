import type { NotificationView, Page } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';
import { businessPath } from '@/lib/api/get-business';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/notifications` (members): newest first. */
export function useNotifications(businessId: string) {
  return useApiQuery<Page<NotificationView>>(`${businessPath(businessId)}/notifications?limit=10`);
}

export function markNotificationRead(businessId: string, id: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('POST', `${businessPath(businessId)}/notifications/${encodeURIComponent(id)}/read`, options);
}
