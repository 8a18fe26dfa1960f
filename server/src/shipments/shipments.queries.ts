import type { EntityManager } from 'typeorm';
import { LIVE_RECEIPTS, LIVE_SHIPMENTS, receiptOf } from '../records/records.sql.js';

/** A shipment to the business, with its batch and sender, and the receipt that confirmed it if any. */
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
  received_offset: string | null;
  received_quantity: string | null;
  received_unit: string | null;
  received_disposition: string | null;
  received_place_id: string | null;
  received_place_name: string | null;
  total: number;
}

/** `pending` (not received), `received`, or `all`. */
const STATUS_FILTER = `($2 = 'all' OR ($2 = 'pending') = (r.event_pk IS NULL))`;

/** The shipments to the business (newest first) with the status asked for, a page of them, each with the page's total. */
export function loadIncomingShipments(
  db: EntityManager,
  businessId: string,
  status: string,
  limit: number,
  offset: number,
): Promise<IncomingShipmentRow[]> {
  return db.query(
    `SELECT s.event_pk, s.batch_id, s.quantity, s.unit, s.shipper_id, s.document, s.event_time, s.event_time_zone_offset,
            b.lot_code, b.display_name, p.name_vi, p.name_en, sb.legal_name AS shipper_name,
            r.event_pk AS received_pk, r.event_time AS received_at, re.event_time_zone_offset AS received_offset,
            rb.quantity AS received_quantity, rb.unit AS received_unit, re.disposition AS received_disposition,
            rl.id AS received_place_id, rl.name AS received_place_name, count(*) OVER ()::int AS total
       FROM ${LIVE_SHIPMENTS} s
       JOIN batches b ON b.id = s.batch_id
       JOIN products p ON p.id = b.product_id
       JOIN businesses sb ON sb.id = s.shipper_id
       LEFT JOIN LATERAL (SELECT r.event_pk, r.record_time, r.event_time FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')} ORDER BY r.event_time LIMIT 1) r ON true
       LEFT JOIN events re ON re.id = r.event_pk AND re.record_time = r.record_time
       LEFT JOIN event_batches rb ON rb.event_id = r.event_pk AND rb.record_time = r.record_time AND rb.batch_id = s.batch_id AND rb.role = 'subject'
       LEFT JOIN locations rl ON rl.id = re.location_id
      WHERE s.business_id = $1 AND ${STATUS_FILTER}
      ORDER BY s.event_time DESC, s.event_pk
      LIMIT $3 OFFSET $4`,
    [businessId, status, limit, offset],
  );
}

/** How many shipments to the business have the status: the total when the page asked for is past the end. */
export async function countIncomingShipments(db: EntityManager, businessId: string, status: string): Promise<number> {
  const [row]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM ${LIVE_SHIPMENTS} s
      WHERE s.business_id = $1 AND ($2 = 'all' OR ($2 = 'pending') = NOT EXISTS (SELECT 1 FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')}))`,
    [businessId, status],
  );
  return row?.n ?? 0;
}
