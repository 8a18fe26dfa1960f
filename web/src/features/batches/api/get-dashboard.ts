import type { DashboardView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/dashboard`: counts, recent events, scans, what needs attention. */
export function useDashboard(businessId: string) {
  return useApiQuery<DashboardView>(`/api/businesses/${encodeURIComponent(businessId)}/dashboard`);
}
