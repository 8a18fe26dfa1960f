import type { EventView, ReceiveShipmentRequest } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';

/** `POST /api/shipments/{eventId}/receive` (201): the receiving event, linked to the shipment. */
export function receiveShipment(shipmentEventId: string, body: ReceiveShipmentRequest, options: RequestOptions): Promise<EventView> {
  return apiRequest<EventView>('POST', `/api/shipments/${encodeURIComponent(shipmentEventId)}/receive`, { ...options, body });
}
