import type { RecallReasonCategory, RecallSeverity } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { eventNamedBySql, standingEventSql } from '../records/records.sql.js';

/** The raw rows the consumer view is built from: a few set-based queries, never one per event. */
export interface BatchRow {
  id: string;
  lot_code: string;
  display_name: string | null;
  short_code: string;
  production_date: string;
  expiry_date: string | null;
  best_before_date: string | null;
  quantity: string | null;
  unit: string | null;
  status: string;
  recall_reason: string | null;
  recall_reason_category: RecallReasonCategory | null;
  recalled_at: Date | null;
  recall_severity: RecallSeverity | null;
  product_id: string;
  name_vi: string;
  name_en: string;
  description_vi: string | null;
  description_en: string | null;
  category: string;
  brand: string | null;
  image_url: string | null;
  gtin: string | null;
  standards: string[];
  business_id: string;
  legal_name: string;
  address_line: string;
  commune: string;
  province: string;
  phone: string | null;
  business_status: string;
  origin_name: string | null;
  origin_kind: string | null;
  origin_address: string | null;
  origin_province: string | null;
  origin_latitude: number | null;
  origin_longitude: number | null;
  scan_count: number;
}

export interface EventRow {
  id: string;
  event_id: string;
  error_declared: boolean;
  event_type: string;
  biz_step: string | null;
  disposition: string | null;
  event_time: Date;
  event_time_zone_offset: string;
  document: Record<string, unknown>;
  batch_id: string;
  role: string;
  quantity: string | null;
  unit: string | null;
  recorder_name: string | null;
  source_business_id: string | null;
  source_name: string | null;
  destination_business_id: string | null;
  destination_name: string | null;
  place_name: string | null;
  place_kind: string | null;
  place_address: string | null;
  place_province: string | null;
  place_latitude: number | null;
  place_longitude: number | null;
}

export interface InputRow {
  output_batch_id: string;
  batch_id: string;
  quantity: string | null;
  unit: string | null;
}

/** A place (`l`) is public only while its business is verified: a pending or suspended one's stay private. */
const PUBLIC_PLACE = `EXISTS (SELECT 1 FROM businesses lb WHERE lb.id = l.business_id AND lb.status = 'verified')`;

export async function loadBatchRows(db: EntityManager, batchIds: string[]): Promise<BatchRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, b.display_name, b.short_code, b.production_date::text, b.expiry_date::text,
            b.best_before_date::text, b.quantity, b.unit, b.status, b.recall_reason, b.recall_reason_category, b.recalled_at, b.recall_severity,
            p.id AS product_id, p.name_vi, p.name_en, p.description_vi, p.description_en, p.category, p.brand,
            p.image_url, p.gtin, p.standards,
            bu.id AS business_id, bu.legal_name, bu.address_line, bu.commune, bu.province, bu.phone, bu.status AS business_status,
            l.name AS origin_name, l.kind AS origin_kind, l.address AS origin_address, l.province AS origin_province,
            l.latitude AS origin_latitude, l.longitude AS origin_longitude, b.scan_count
       FROM batches b
       JOIN products p ON p.id = b.product_id
       JOIN businesses bu ON bu.id = b.business_id
       LEFT JOIN locations l ON l.id = b.origin_location_id AND ${PUBLIC_PLACE}
      WHERE b.id = ANY($1::uuid[])`,
    [batchIds],
  );
}

/** The batch's scan count as stored; null when there is no such batch. */
export async function findScanCount(db: EntityManager, batchId: string): Promise<number | null> {
  const [row]: { scan_count: number }[] = await db.query(`SELECT scan_count FROM batches WHERE id = $1`, [batchId]);
  return row?.scan_count ?? null;
}

/** Processing inputs of the given output batches, with the quantities used. */
export async function loadInputs(db: EntityManager, batchIds: string[]): Promise<InputRow[]> {
  return db.query(
    `SELECT o.batch_id AS output_batch_id, i.batch_id, i.quantity, i.unit
       FROM event_batches o
       JOIN event_batches i ON i.event_id = o.event_id AND i.record_time = o.record_time AND i.role = 'input'
       CROSS JOIN ${eventNamedBySql('o')}
      WHERE o.batch_id = ANY($1::uuid[]) AND o.role = 'output' AND ${standingEventSql('e')}`,
    [batchIds],
  );
}

export async function loadEvents(db: EntityManager, batchIds: string[]): Promise<EventRow[]> {
  return db.query(
    `SELECT e.id, e.event_id, e.error_declared, e.event_type, e.biz_step, e.disposition, e.event_time, e.event_time_zone_offset, e.document,
            eb.batch_id, eb.role, eb.quantity, eb.unit,
            rb.legal_name AS recorder_name,
            e.source_business_id, sb.legal_name AS source_name,
            e.destination_business_id, db.legal_name AS destination_name,
            l.name AS place_name, l.kind AS place_kind, l.address AS place_address, l.province AS place_province,
            l.latitude AS place_latitude, l.longitude AS place_longitude
       FROM event_batches eb
       CROSS JOIN ${eventNamedBySql('eb')}
       LEFT JOIN businesses rb ON rb.id = e.business_id
       LEFT JOIN businesses sb ON sb.id = e.source_business_id
       LEFT JOIN businesses db ON db.id = e.destination_business_id
       LEFT JOIN locations l ON l.id = e.location_id AND ${PUBLIC_PLACE}
      WHERE eb.batch_id = ANY($1::uuid[])
      ORDER BY e.event_time, e.record_time`,
    [batchIds],
  );
}

export type ProductRow = Pick<
  BatchRow,
  | 'product_id'
  | 'name_vi'
  | 'name_en'
  | 'description_vi'
  | 'description_en'
  | 'category'
  | 'brand'
  | 'image_url'
  | 'gtin'
  | 'standards'
  | 'business_id'
  | 'legal_name'
  | 'address_line'
  | 'commune'
  | 'province'
  | 'phone'
  | 'business_status'
>;

export async function loadProductRow(db: EntityManager, productId: string): Promise<ProductRow | undefined> {
  const [row] = await db.query(
    `SELECT p.id AS product_id, p.name_vi, p.name_en, p.description_vi, p.description_en, p.category, p.brand,
            p.image_url, p.gtin, p.standards,
            bu.id AS business_id, bu.legal_name, bu.address_line, bu.commune, bu.province, bu.phone, bu.status AS business_status
       FROM products p JOIN businesses bu ON bu.id = p.business_id
      WHERE p.id = $1`,
    [productId],
  );
  return row;
}

export interface ProductBatchRow {
  id: string;
  lot_code: string;
  short_code: string;
  production_date: string;
  expiry_date: string | null;
  status: string;
}

/** A product's most recent batches (newest production first). */
export async function loadProductBatches(db: EntityManager, productId: string, limit: number): Promise<ProductBatchRow[]> {
  return db.query(
    // A batch made from a recalled one is recalled to the consumer too (its page says so).
    `SELECT b.id, b.lot_code, b.short_code, b.production_date::text, b.expiry_date::text,
            CASE WHEN EXISTS (SELECT 1 FROM recall_batches rb JOIN recalls r ON r.id = rb.recall_id AND r.lifted_at IS NULL WHERE rb.batch_id = b.id)
                 THEN 'recalled' ELSE b.status END AS status
       FROM batches b WHERE b.product_id = $1 ORDER BY b.production_date DESC, b.created_at DESC LIMIT $2`,
    [productId, limit],
  );
}
