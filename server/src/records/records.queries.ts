import type { EntityManager } from 'typeorm';
import { batchBalancesSql, eventNamedBySql, LIVE_RECEIPTS, LIVE_SHIPMENTS, receiptOf, standingEventSql } from './records.sql.js';

/** A standing shipment of a batch to a portal business (a LIVE_SHIPMENTS row). */
export interface ShipmentRow {
  event_pk: string;
  record_time: Date;
  event_id: string;
  batch_id: string;
  /** The receiver. */
  business_id: string;
  shipper_id: string;
  event_time: Date;
  event_time_zone_offset: string;
  document: Record<string, unknown>;
  quantity: string | null;
  unit: string | null;
}

/** A batch reached through processing, with its distance from the start. */
export interface LineageRow {
  batch_id: string;
  depth: number;
  /** When the (latest) processing on the way from the start to it happened; null for the start. */
  used_at: Date | null;
}

/** Of these batches, the ones shipped to the business. */
export async function findShippedTo(db: EntityManager, batchIds: string[], businessId: string): Promise<string[]> {
  const rows: { batch_id: string }[] = await db.query(
    `SELECT DISTINCT s.batch_id FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = ANY($1::uuid[]) AND s.business_id = $2`,
    [batchIds, businessId],
  );
  return rows.map((r) => r.batch_id);
}

/** The batch's producer first, then (with `recipients`) the businesses it was shipped to; none when there is no such batch. */
export async function loadCustodians(db: EntityManager, batchId: string, recipients: boolean): Promise<string[]> {
  const rows: { business_id: string }[] = await db.query(
    `SELECT business_id FROM batches WHERE id = $1
     UNION ALL
     SELECT DISTINCT s.business_id FROM ${LIVE_SHIPMENTS} s WHERE $2 AND s.batch_id = $1`,
    [batchId, recipients],
  );
  return rows.map((r) => r.business_id);
}

/** Each batch's producer and every business it was shipped to, a row per (business, batch). */
export function loadCustodiansOfEach(db: EntityManager, batchIds: string[]): Promise<{ business_id: string; batch_id: string }[]> {
  return db.query(
    `SELECT business_id, id AS batch_id FROM batches WHERE id = ANY($1::uuid[])
     UNION
     SELECT s.business_id, s.batch_id FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = ANY($1::uuid[])`,
    [batchIds],
  );
}

/** The oldest shipment of the batch to the business that it has not confirmed receiving yet. */
export async function findPendingShipment(db: EntityManager, batchId: string, businessId: string): Promise<ShipmentRow | null> {
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
export async function findShipment(db: EntityManager, eventPk: string): Promise<(ShipmentRow & { received: boolean }) | null> {
  const [row]: (ShipmentRow & { received: boolean })[] = await db.query(
    `SELECT s.*, EXISTS (SELECT 1 FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')}) AS received
       FROM ${LIVE_SHIPMENTS} s WHERE s.event_pk = $1 LIMIT 1`,
    [eventPk],
  );
  return row ?? null;
}

/** The business that last shipped the batch to this one, received or not. */
export async function findLastShipper(db: EntityManager, batchId: string, businessId: string): Promise<string | null> {
  const [row]: { shipper_id: string }[] = await db.query(
    `SELECT s.shipper_id FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = $1 AND s.business_id = $2 ORDER BY s.event_time DESC LIMIT 1`,
    [batchId, businessId],
  );
  return row?.shipper_id ?? null;
}

/**
 * The batches reachable from a batch through processing, in one recursive query: backward from
 * outputs to inputs (its sources), forward from inputs to outputs (what was made from it), the
 * batch itself at depth 0. Processing declared not to have happened (or wrongly recorded) links nothing.
 */
export function loadLineage(db: EntityManager, batchId: string, forward: boolean, maxDepth: number): Promise<LineageRow[]> {
  const [from, to] = forward ? ['input', 'output'] : ['output', 'input'];
  return db.query(
    `WITH RECURSIVE walk(batch_id, depth, used_at) AS (
        SELECT $1::uuid, 0, NULL::timestamptz
        UNION
        SELECT next.batch_id, w.depth + 1, e.event_time
          FROM walk w
          JOIN event_batches here ON here.batch_id = w.batch_id AND here.role = '${from}'
          JOIN event_batches next ON next.event_id = here.event_id AND next.record_time = here.record_time AND next.role = '${to}'
          CROSS JOIN ${eventNamedBySql('here')}
         WHERE w.depth < $2 AND ${standingEventSql('e')})
     SELECT batch_id, min(depth)::int AS depth, max(used_at) AS used_at FROM walk GROUP BY batch_id`,
    [batchId, maxDepth],
  );
}

/** A business's mass balance of a batch in one base unit (see `batchBalancesSql`); quantities in the base unit. */
export interface BalanceRow {
  base_unit: string | null;
  held: string | null;
  used: string;
  stated_unit: string | null;
  stated_at: Date | null;
}

/**
 * The business's balance of each batch, a row per batch and base unit, for each batch the unit it
 * last stated a quantity in first: one query however many batches.
 */
export function loadBalances(db: EntityManager, batchIds: string[], businessId: string): Promise<(BalanceRow & { batch_id: string })[]> {
  return db.query(
    `SELECT batch_id, base_unit, held, used, stated_unit, stated_at
       FROM ${batchBalancesSql('eb.batch_id = ANY($1::uuid[]) AND e.business_id = $2')} balance
      ORDER BY batch_id, stated_at DESC NULLS LAST, base_unit`,
    [batchIds, businessId],
  );
}
