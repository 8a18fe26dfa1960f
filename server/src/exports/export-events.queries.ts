import type { DataSource } from 'typeorm';

/** The events an export holds: those linked to the scope's batches, within the event-time range when one is given. */
export interface EventSelection {
  batchIds: string[];
  from: Date | null;
  to: Date | null;
  /** The spreadsheet has one row per event, its error declaration marking it; EPCIS carries both. */
  withDeclarations: boolean;
}

/** Where a page ends: the next page starts after this (event time, id). */
export interface PagePosition {
  eventTime: string;
  id: string;
}

/** How many events one page query reads: small enough that other requests get the connection in between. */
export const EXPORT_PAGE_SIZE = 500;

function selectionWhere(selection: EventSelection, params: unknown[]): string {
  params.push(selection.batchIds);
  const where = [`e.id IN (SELECT eb.event_id FROM event_batches eb WHERE eb.batch_id = ANY($${params.length}::uuid[]))`];
  if (selection.from) where.push(`e.event_time >= $${params.push(selection.from)}`);
  if (selection.to) where.push(`e.event_time < $${params.push(selection.to)}`);
  if (!selection.withDeclarations) where.push('NOT e.error_declared');
  return where.join(' AND ');
}

export async function countEvents(db: DataSource, selection: EventSelection): Promise<number> {
  const params: unknown[] = [];
  const [row]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count FROM events e WHERE ${selectionWhere(selection, params)}`,
    params,
  );
  return row?.count ?? 0;
}

/** A timestamp as text with all of PostgreSQL's microseconds, so a page boundary is exact. */
const SORT_KEY = `to_char(e.event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key`;

function keyset(after: PagePosition | null, params: unknown[]): string {
  if (!after) return 'true';
  params.push(after.eventTime, after.id);
  return `(e.event_time, e.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
}

/** A batch an event names, with its product and producer: one element of `EventRow.lots`. */
export interface EventLot {
  role: 'subject' | 'input' | 'output' | 'parent' | 'child';
  lotCode: string;
  gtin: string | null;
  nameVi: string;
  nameEn: string;
  quantity: number | null;
  unit: string | null;
  businessName: string;
}

export interface EventRow {
  id: string;
  sort_key: string;
  event_id: string;
  event_type: string;
  biz_step: string | null;
  event_time: Date;
  event_time_zone_offset: string;
  record_time: Date;
  biz_location: string | null;
  document: Record<string, unknown>;
  location_name: string | null;
  location_address: string | null;
  location_province: string | null;
  location_gln: string | null;
  business_name: string | null;
  business_tax_code: string | null;
  source_business_name: string | null;
  destination_business_name: string | null;
  /** The reason of the event's error declaration, when it was declared wrong. */
  error_reason: string | null;
  lots: EventLot[];
}

/** One page of the spreadsheet's events with everything a row shows, in one query. */
export function spreadsheetPage(db: DataSource, selection: EventSelection, after: PagePosition | null): Promise<EventRow[]> {
  const params: unknown[] = [];
  const where = `${selectionWhere({ ...selection, withDeclarations: false }, params)} AND ${keyset(after, params)}`;
  return db.query(
    `SELECT e.id, ${SORT_KEY}, e.event_id, e.event_type, e.biz_step, e.event_time, e.event_time_zone_offset, e.record_time,
            e.biz_location, e.document,
            l.name AS location_name, l.address AS location_address, l.province AS location_province, l.gln AS location_gln,
            bu.legal_name AS business_name, bu.tax_code AS business_tax_code,
            src.legal_name AS source_business_name, dst.legal_name AS destination_business_name,
            decl.reason AS error_reason, coalesce(lots.items, '[]'::json) AS lots
       FROM events e
       LEFT JOIN locations l ON l.id = e.location_id
       LEFT JOIN businesses bu ON bu.id = e.business_id
       LEFT JOIN businesses src ON src.id = e.source_business_id
       LEFT JOIN businesses dst ON dst.id = e.destination_business_id
       LEFT JOIN LATERAL (
         SELECT coalesce(d.document -> 'errorDeclaration' ->> 'reason', 'declared') AS reason
           FROM events d WHERE d.event_id = e.event_id AND d.error_declared LIMIT 1) decl ON true
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object(
                  'role', eb.role, 'lotCode', b.lot_code, 'gtin', p.gtin, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                  'quantity', eb.quantity, 'unit', eb.unit, 'businessName', owner.legal_name) ORDER BY eb.role, b.lot_code) AS items
           FROM event_batches eb
           JOIN batches b ON b.id = eb.batch_id
           JOIN products p ON p.id = b.product_id
           JOIN businesses owner ON owner.id = b.business_id
          WHERE eb.event_id = e.id) lots ON true
      WHERE ${where}
      ORDER BY e.event_time, e.id
      LIMIT ${EXPORT_PAGE_SIZE}`,
    params,
  );
}

export interface DocumentRow {
  id: string;
  sort_key: string;
  document: Record<string, unknown>;
  record_time: Date;
}

/** One page of the events as captured (and their error declarations), for the EPCIS document. */
export function documentPage(db: DataSource, selection: EventSelection, after: PagePosition | null): Promise<DocumentRow[]> {
  const params: unknown[] = [];
  const where = `${selectionWhere({ ...selection, withDeclarations: true }, params)} AND ${keyset(after, params)}`;
  return db.query(
    `SELECT e.id, ${SORT_KEY}, e.document, e.record_time FROM events e WHERE ${where} ORDER BY e.event_time, e.id LIMIT ${EXPORT_PAGE_SIZE}`,
    params,
  );
}

/** Reads a selection page by page (keyset on event time and id), so no connection is held between pages. */
export async function* pages<T extends { id: string; sort_key: string }>(
  read: (after: PagePosition | null) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let after: PagePosition | null = null;
  for (;;) {
    const page = await read(after);
    if (page.length) yield page;
    const last = page[page.length - 1];
    if (!last || page.length < EXPORT_PAGE_SIZE) return;
    after = { eventTime: last.sort_key, id: last.id };
  }
}
