import type { IncomingShipmentView, UnitCode } from '@nguon/shared';
import { documentsOf } from '../events/epcis-event.builder.js';

export interface IncomingShipmentRow {
  event_pk: string;
  batch_id: string;
  lot_code: string;
  display_name: string | null;
  name_vi: string;
  name_en: string;
  quantity: string | null;
  unit: string | null;
  shipper_id: string;
  shipper_name: string;
  document: Record<string, unknown>;
  event_time: Date;
  event_time_zone_offset: string;
  received_pk: string | null;
  received_at: Date | null;
}

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
    received: row.received_pk && row.received_at ? { eventId: row.received_pk, receivedAt: row.received_at.toISOString() } : null,
  };
}
