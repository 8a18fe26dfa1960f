import { shortfallReasonOf, type IncomingShipmentView, type UnitCode } from '@nguon/shared';
import { documentsOf } from '../events/epcis-event.builder.js';
import type { IncomingShipmentRow } from './shipments.queries.js';

export function mapIncomingShipment(row: IncomingShipmentRow): IncomingShipmentView {
  return {
    eventId: row.event_pk,
    batch: { id: row.batch_id, lotCode: row.lot_code, displayName: row.display_name, productName: { vi: row.name_vi, en: row.name_en } },
    quantity: row.quantity === null ? null : Number(row.quantity),
    unit: row.unit as UnitCode | null,
    sender: { businessId: row.shipper_id, name: row.shipper_name },
    documents: documentsOf(row.document),
    shippedAt: row.event_time.toISOString(),
    shippedTimeZoneOffset: row.event_time_zone_offset,
    received:
      row.received_pk && row.received_at
        ? {
            eventId: row.received_pk,
            receivedAt: row.received_at.toISOString(),
            receivedTimeZoneOffset: row.received_offset ?? '+07:00',
            quantity: row.received_quantity === null ? null : Number(row.received_quantity),
            unit: row.received_unit as UnitCode | null,
            place: row.received_place_id && row.received_place_name ? { id: row.received_place_id, name: row.received_place_name } : null,
            shortfallReason: shortfallReasonOf(row.received_disposition),
          }
        : null,
  };
}
