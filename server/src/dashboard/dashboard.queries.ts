import type { DataSource } from 'typeorm';
import { declaredWrongSql, lastEventAtSql, lastRecordedAtSql, LIVE_RECEIPTS, LIVE_SHIPMENTS, receiptOf } from '../records/records.sql.js';

/** The raw rows of a business's dashboard: a few set-based queries, none per batch or event. */

/** Batches that are still being worked on. */
const OPEN = `b.status IN ('active', 'on_hold')`;

export interface CountsRow {
  products: number;
  open_batches: number;
}

export async function loadCounts(db: DataSource, businessId: string): Promise<CountsRow> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM products WHERE business_id = $1)::int AS products,
            (SELECT count(*) FROM batches b WHERE b.business_id = $1 AND ${OPEN})::int AS open_batches`,
    [businessId],
  );
  return row as CountsRow;
}

export interface OnboardingRow {
  status: string;
  has_product: boolean;
  has_location: boolean;
  first_batch_id: string | null;
  /** A label sheet printed from one of its batches, or one of its codes scanned (so it is on something). */
  labels_out: boolean;
}

/** What a new business has done of its first steps, from its records. */
export async function loadOnboarding(db: DataSource, businessId: string): Promise<OnboardingRow> {
  const [row] = await db.query(
    `SELECT bu.status,
            EXISTS (SELECT 1 FROM products WHERE business_id = bu.id) AS has_product,
            EXISTS (SELECT 1 FROM locations WHERE business_id = bu.id) AS has_location,
            (SELECT id FROM batches WHERE business_id = bu.id ORDER BY created_at, id LIMIT 1) AS first_batch_id,
            EXISTS (SELECT 1 FROM audit_log WHERE business_id = bu.id AND action = 'batch.labels_print')
              OR EXISTS (SELECT 1 FROM scans s JOIN batches b ON b.id = s.batch_id WHERE b.business_id = bu.id) AS labels_out
       FROM businesses bu WHERE bu.id = $1`,
    [businessId],
  );
  return row as OnboardingRow;
}

export interface BatchRow {
  id: string;
  lot_code: string;
  display_name: string | null;
  status: string;
  name_vi: string;
  name_en: string;
  last_event_at: Date | null;
  /** When its latest event was recorded, else when the batch was registered. */
  last_recorded_at: Date;
}

/** When batch `b` last had an event, as `last.at`, and when that was last recorded (or the batch registered), as `last.recorded`. */
const LAST_EVENT = `CROSS JOIN LATERAL (SELECT ${lastEventAtSql('b')} AS at, coalesce(${lastRecordedAtSql('b')}, b.created_at) AS recorded) last`;

export async function loadOpenBatches(db: DataSource, businessId: string, limit: number): Promise<BatchRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, b.display_name, b.status, p.name_vi, p.name_en, last.at AS last_event_at, last.recorded AS last_recorded_at
       FROM batches b JOIN products p ON p.id = b.product_id ${LAST_EVENT}
      WHERE b.business_id = $1 AND ${OPEN}
      ORDER BY b.created_at DESC, b.id LIMIT $2`,
    [businessId, limit],
  );
}

/**
 * Open batches whose latest event was recorded (or, without one, which were registered) before
 * `quietSince`: counted from when records were made, not from the dates they state.
 */
export async function loadStaleBatches(db: DataSource, businessId: string, quietSince: Date, limit: number): Promise<BatchRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, b.display_name, b.status, p.name_vi, p.name_en, last.at AS last_event_at, last.recorded AS last_recorded_at
       FROM batches b JOIN products p ON p.id = b.product_id ${LAST_EVENT}
      WHERE b.business_id = $1 AND ${OPEN} AND last.recorded < $2
      ORDER BY last.recorded, b.id LIMIT $3`,
    [businessId, quietSince, limit],
  );
}

export interface EventRow {
  id: string;
  event_type: string;
  biz_step: string | null;
  event_time: Date;
  event_time_zone_offset: string;
  record_time: Date;
  declared_wrong: boolean;
  batch_id: string | null;
  lot_code: string | null;
  name_vi: string | null;
  name_en: string | null;
}

/** The events the business recorded last (not the error declarations themselves), each with the batch it is about. */
export async function loadRecentEvents(db: DataSource, businessId: string, limit: number): Promise<EventRow[]> {
  return db.query(
    `SELECT e.id, e.event_type, e.biz_step, e.event_time, e.event_time_zone_offset, e.record_time,
            ${declaredWrongSql('e')} AS declared_wrong, b.id AS batch_id, b.lot_code, p.name_vi, p.name_en
       FROM (SELECT * FROM events WHERE business_id = $1 AND NOT error_declared ORDER BY record_time DESC LIMIT $2) e
       LEFT JOIN LATERAL (
         SELECT eb.batch_id FROM event_batches eb WHERE eb.event_id = e.id AND eb.record_time = e.record_time
          ORDER BY CASE eb.role WHEN 'output' THEN 0 WHEN 'subject' THEN 1 ELSE 2 END LIMIT 1
       ) about ON true
       LEFT JOIN batches b ON b.id = about.batch_id
       LEFT JOIN products p ON p.id = b.product_id
      ORDER BY e.record_time DESC`,
    [businessId, limit],
  );
}

export interface CertificateRow {
  id: string;
  kind: string;
  name: string;
  valid_to: string;
  product_id: string | null;
  name_vi: string | null;
  name_en: string | null;
}

/** The business's certificates (its own and its products') that end on or before `until`. */
export async function loadEndingCertificates(db: DataSource, businessId: string, until: string): Promise<CertificateRow[]> {
  return db.query(
    `SELECT c.id, c.kind, c.name, c.valid_to::text, c.product_id, p.name_vi, p.name_en
       FROM certificates c LEFT JOIN products p ON p.id = c.product_id
      WHERE c.business_id = $1 AND c.valid_to <= $2
      ORDER BY c.valid_to, c.id`,
    [businessId, until],
  );
}

export interface ShipmentRow {
  id: string;
  event_time: Date;
  event_time_zone_offset: string;
  sender_id: string | null;
  sender_name: string | null;
  batch_id: string;
  lot_code: string;
  name_vi: string;
  name_en: string;
  quantity: string | null;
  unit: string | null;
}

/** Shipments sent to the business that it has not received (see `receiptOf`). */
export async function loadUnreceivedShipments(db: DataSource, businessId: string, limit: number): Promise<ShipmentRow[]> {
  return db.query(
    `SELECT s.event_pk AS id, s.event_time, s.event_time_zone_offset, s.shipper_id AS sender_id, sb.legal_name AS sender_name,
            b.id AS batch_id, b.lot_code, p.name_vi, p.name_en, s.quantity, s.unit
       FROM ${LIVE_SHIPMENTS} s
       JOIN batches b ON b.id = s.batch_id
       JOIN products p ON p.id = b.product_id
       LEFT JOIN businesses sb ON sb.id = s.shipper_id
      WHERE s.business_id = $1 AND NOT EXISTS (SELECT 1 FROM ${LIVE_RECEIPTS} r WHERE ${receiptOf('s', 'r')})
      ORDER BY s.event_time DESC, s.event_pk LIMIT $2`,
    [businessId, limit],
  );
}
