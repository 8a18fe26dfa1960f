import type { IncomingShipmentView, Page, ShipmentStatusFilter } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}/incoming-shipments`: shipments to the business, newest first. */
export function useIncomingShipments(businessId: string, status: ShipmentStatusFilter, page: { limit: number; offset: number }) {
  return useApiQuery<Page<IncomingShipmentView>>(
    `/api/businesses/${encodeURIComponent(businessId)}/incoming-shipments${queryString({ status, ...page })}`,
  );
}
