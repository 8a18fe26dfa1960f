import type { EntityManager } from 'typeorm';
import { standingEventSql } from '../batches/batch-events.sql.js';

/**
 * The one answer to "was this batch shipped to that business?", for every asker (who may record
 * on a batch, what a processor may use, who receives): shipping events naming a portal business
 * as the receiver that are neither an error declaration themselves nor declared wrong.
 * A relation for askers' SQL: (batch_id, business_id = the receiver, event_pk, event_id, shipper_id, event_time...).
 */
export const LIVE_SHIPMENTS = `(
  SELECT eb.batch_id, e.destination_business_id AS business_id, e.id AS event_pk, e.event_id, e.business_id AS shipper_id,
         e.event_time, e.event_time_zone_offset, e.document, eb.quantity, eb.unit
    FROM event_batches eb JOIN events e ON e.id = eb.event_id
   WHERE e.biz_step = 'shipping' AND e.destination_business_id IS NOT NULL AND ${standingEventSql('e')})`;

/**
 * Receiving events that still stand: (shipment_event_id when the receipt names the shipment it
 * confirms in `nguon:shipment`, batch_id, business_id = the receiver, event_pk, event_time).
 */
export const LIVE_RECEIPTS = `(
  SELECT r.document ->> 'nguon:shipment' AS shipment_event_id, rb.batch_id, r.business_id, r.id AS event_pk, r.event_time
    FROM events r JOIN event_batches rb ON rb.event_id = r.id AND rb.role = 'subject'
   WHERE r.biz_step = 'receiving' AND ${standingEventSql('r')})`;

/**
 * The one rule of when a receipt `r` (a LIVE_RECEIPTS row) confirms a shipment `s` (a
 * LIVE_SHIPMENTS row): it names it, or, naming none (captured from another system), the receiver
 * recorded receiving that batch since it was shipped.
 */
export function receiptOf(s: string, r: string): string {
  return `(${r}.shipment_event_id = ${s}.event_id OR (${r}.shipment_event_id IS NULL AND ${r}.batch_id = ${s}.batch_id
           AND ${r}.business_id = ${s}.business_id AND ${r}.event_time >= ${s}.event_time))`;
}

export interface ShipmentRow {
  event_pk: string;
  event_id: string;
  batch_id: string;
  business_id: string;
  shipper_id: string;
  document: Record<string, unknown>;
  quantity: string | null;
  unit: string | null;
}

/** Of these batches, the ones shipped to the business. */
export async function batchesShippedTo(db: EntityManager, batchIds: string[], businessId: string): Promise<Set<string>> {
  const rows: { batch_id: string }[] = await db.query(
    `SELECT DISTINCT s.batch_id FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = ANY($1::uuid[]) AND s.business_id = $2`,
    [batchIds, businessId],
  );
  return new Set(rows.map((r) => r.batch_id));
}

/** The oldest shipment of the batch to the business that it has not confirmed receiving yet. */
export async function pendingShipment(db: EntityManager, batchId: string, businessId: string): Promise<ShipmentRow | null> {
  const [row]: ShipmentRow[] = await db.query(
    `SELECT s.* FROM ${LIVE_SHIPMENTS} s
      WHERE s.batch_id = $1 AND s.business_id = $2
        AND NOT EXISTS (SELECT 1 FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')})
      ORDER BY s.event_time LIMIT 1`,
    [batchId, businessId],
  );
  return row ?? null;
}

/** The shipping event with this portal id, with its batch; null when it is not a standing shipment to a portal business. */
export async function shipmentById(db: EntityManager, eventPk: string): Promise<(ShipmentRow & { received: boolean }) | null> {
  const [row]: (ShipmentRow & { received: boolean })[] = await db.query(
    `SELECT s.*, EXISTS (SELECT 1 FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')}) AS received
       FROM ${LIVE_SHIPMENTS} s WHERE s.event_pk = $1 LIMIT 1`,
    [eventPk],
  );
  return row ?? null;
}

/** The business that last shipped the batch to this one, received or not. */
export async function lastShipperTo(db: EntityManager, batchId: string, businessId: string): Promise<string | null> {
  const [row]: { shipper_id: string }[] = await db.query(
    `SELECT s.shipper_id FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = $1 AND s.business_id = $2 ORDER BY s.event_time DESC LIMIT 1`,
    [batchId, businessId],
  );
  return row?.shipper_id ?? null;
}
