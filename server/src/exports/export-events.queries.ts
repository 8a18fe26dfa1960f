import type { EntityManager } from 'typeorm';
import { standingEventSql } from '../records/records.sql.js';
import { partyJson, siteJson, type Party, type Site } from './export-places.js';

/** The events an export holds: those linked to the scope's batches, within the event-time range when one is given. */
export interface EventSelection {
  batchIds: string[];
  from: Date | null;
  to: Date | null;
  /** The spreadsheet marks an event declared wrong on its own rows; the EPCIS document carries the declaration too. */
  withDeclarations: boolean;
}

/**
 * How many events one page query reads, and how many batches or events one query of the
 * export's order or count takes: small enough that each query is short and other requests get
 * the database in between (on the embedded database, its one session).
 */
const PAGE_SIZE = 200;
const CHUNK_SIZE = 1_000;

const chunksOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));

function selectionWhere(selection: EventSelection, batchIds: string[], params: unknown[]): string {
  params.push(batchIds);
  const where = [
    `(e.id, e.record_time) IN (SELECT eb.event_id, eb.record_time FROM event_batches eb WHERE eb.batch_id = ANY($${params.length}::uuid[]))`,
  ];
  if (selection.from) where.push(`e.event_time >= $${params.push(selection.from)}`);
  if (selection.to) where.push(`e.event_time < $${params.push(selection.to)}`);
  if (!selection.withDeclarations) where.push('NOT e.error_declared');
  return where.join(' AND ');
}

/** A timestamp as text with all of PostgreSQL's microseconds, so that the order is exact. */
const SORT_KEY = `to_char(e.event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key`;

/**
 * Rows one query of the export's order aims at. A scope's batches differ by thousands of events
 * (a lot captured all year, a lot just registered): a fixed number of batches per query held the
 * embedded database 160 ms for the busy ones, so each query's batches are sized by the rows the
 * last one returned.
 */
const ORDER_ROWS = 2_000;
const FIRST_ORDER_BATCHES = 10;

/**
 * The export's cursor: the ids of the selection's events in event-time order, read once (the
 * events in scope when the export began), some batches per query, and merged here.
 */
export async function eventOrder(db: EntityManager, selection: EventSelection): Promise<string[]> {
  const keys = new Map<string, string>();
  let size = FIRST_ORDER_BATCHES;
  for (let at = 0; at < selection.batchIds.length;) {
    const batchIds = selection.batchIds.slice(at, at + size);
    at += batchIds.length;
    const params: unknown[] = [];
    const rows: { id: string; sort_key: string }[] = await db.query(
      `SELECT e.id, ${SORT_KEY} FROM events e WHERE ${selectionWhere(selection, batchIds, params)}`,
      params,
    );
    for (const row of rows) keys.set(row.id, row.sort_key);
    size = Math.max(1, Math.min(CHUNK_SIZE, Math.floor((size * ORDER_ROWS) / Math.max(rows.length, 1))));
  }
  // The keys are UTC times of one width, and uuids compare as their text: as PostgreSQL orders them.
  return [...keys.entries()].sort(([a, x], [b, y]) => (x < y ? -1 : x > y ? 1 : a < b ? -1 : 1)).map(([id]) => id);
}

/**
 * How many rows the spreadsheet of these events has: one per event and lot (its subjects or
 * outputs, else its parents), times its inputs for a transformation. `toExportRows` makes exactly these.
 */
export async function countSpreadsheetRows(db: EntityManager, eventIds: string[]): Promise<number> {
  let count = 0;
  for (const ids of chunksOf(eventIds, CHUNK_SIZE)) {
    const [row]: { count: number }[] = await db.query(
      `SELECT coalesce(sum(greatest(1, CASE WHEN c.lots > 0 THEN c.lots ELSE c.parents END) * greatest(1, c.inputs)), 0)::int AS count
         FROM events e
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE eb.role NOT IN ('input', 'parent')) AS lots,
                  count(*) FILTER (WHERE eb.role = 'parent') AS parents,
                  count(*) FILTER (WHERE eb.role = 'input') AS inputs
             FROM event_batches eb WHERE eb.event_id = e.id AND eb.record_time = e.record_time) c
        WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
    count += row?.count ?? 0;
  }
  return count;
}

/** A batch an event names, with its product and producer: one element of `EventRow.lots`. */
export interface EventLot {
  role: 'subject' | 'input' | 'output' | 'parent' | 'child';
  batchId: string;
  lotCode: string;
  gtin: string | null;
  nameVi: string;
  nameEn: string;
  brand: string | null;
  quantity: number | null;
  unit: string | null;
  businessName: string;
  productionDate: string;
  expiryDate: string | null;
}

export interface EventRow {
  id: string;
  event_id: string;
  event_type: string;
  biz_step: string | null;
  event_time: Date;
  event_time_zone_offset: string;
  record_time: Date;
  biz_location: string | null;
  document: Record<string, unknown>;
  site: Site | null;
  party: Party | null;
  tax_code: string | null;
  source_party: Party | null;
  destination_party: Party | null;
  /** Receiving: where the shipment it confirms left from. */
  ship_from: Site | null;
  /** Shipping: where the receiver recorded receiving it. */
  ship_to: Site | null;
  /** The reason of the event's error declaration, when it was declared wrong. */
  error_reason: string | null;
  lots: EventLot[];
}

/** One page of the spreadsheet's events with everything a row shows of the event itself, in one query. */
export function spreadsheetPage(db: EntityManager, eventIds: string[]): Promise<EventRow[]> {
  return db.query(
    `SELECT e.id, e.event_id, e.event_type, e.biz_step, e.event_time, e.event_time_zone_offset, e.record_time, e.biz_location,
            e.document, ${siteJson('l')} AS site, ${partyJson('bu')} AS party, bu.tax_code,
            ${partyJson('src')} AS source_party, ${partyJson('dst')} AS destination_party,
            ${siteJson('ship_from')} AS ship_from, ${siteJson('ship_to')} AS ship_to,
            decl.reason AS error_reason, coalesce(lots.items, '[]'::json) AS lots
       FROM events e
       LEFT JOIN locations l ON l.id = e.location_id
       LEFT JOIN businesses bu ON bu.id = e.business_id
       LEFT JOIN businesses src ON src.id = e.source_business_id
       LEFT JOIN businesses dst ON dst.id = e.destination_business_id
       LEFT JOIN LATERAL (
         SELECT sl.* FROM events s JOIN locations sl ON sl.id = s.location_id
          WHERE e.biz_step = 'receiving' AND s.event_id = e.document ->> 'nguon:shipment' AND NOT s.error_declared LIMIT 1) ship_from ON true
       LEFT JOIN LATERAL (
         SELECT rl.* FROM events r JOIN locations rl ON rl.id = r.location_id
          WHERE e.biz_step = 'shipping' AND r.biz_step = 'receiving' AND r.document ->> 'nguon:shipment' = e.event_id
            AND ${standingEventSql('r')}
          ORDER BY r.event_time LIMIT 1) ship_to ON true
       LEFT JOIN LATERAL (
         SELECT coalesce(d.document -> 'errorDeclaration' ->> 'reason', 'declared') AS reason
           FROM events d WHERE d.event_id = e.event_id AND d.error_declared LIMIT 1) decl ON true
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object(
                  'role', eb.role, 'batchId', b.id, 'lotCode', b.lot_code, 'gtin', p.gtin, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                  'brand', p.brand, 'quantity', eb.quantity, 'unit', eb.unit, 'businessName', owner.legal_name,
                  'productionDate', b.production_date, 'expiryDate', b.expiry_date) ORDER BY eb.role, b.lot_code) AS items
           FROM event_batches eb
           JOIN batches b ON b.id = eb.batch_id
           JOIN products p ON p.id = b.product_id
           JOIN businesses owner ON owner.id = b.business_id
          WHERE eb.event_id = e.id AND eb.record_time = e.record_time) lots ON true
      WHERE e.id = ANY($1::uuid[])
      ORDER BY e.event_time, e.id`,
    [eventIds],
  );
}

export interface DocumentRow {
  id: string;
  document: Record<string, unknown>;
  record_time: Date;
}

/** One page of the events as captured (and their error declarations), for the EPCIS document. */
export function documentPage(db: EntityManager, eventIds: string[]): Promise<DocumentRow[]> {
  return db.query(`SELECT e.id, e.document, e.record_time FROM events e WHERE e.id = ANY($1::uuid[]) ORDER BY e.event_time, e.id`, [
    eventIds,
  ]);
}

/** Reads the events of the export's order a page at a time, each page one short query. */
export async function* pages<T>(eventIds: string[], read: (ids: string[]) => Promise<T[]>): AsyncGenerator<T[]> {
  for (const ids of chunksOf(eventIds, PAGE_SIZE)) yield await read(ids);
}
