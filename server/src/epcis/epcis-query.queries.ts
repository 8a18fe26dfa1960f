import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { OrderByField, OrderDirection } from './dto/query-events.dto.js';
import type { ResourceScope } from './epcis-resources.js';
import { IDENTIFIER_ROLES } from '../events/event-identifiers.js';
import { eventConditions, type EventConditions, eventIdIn, SqlParams, visibleEvents } from './epcis-query.filters.js';
import type { PagePosition } from './epcis-query.page-token.js';

/** An event as captured, with when the portal recorded it. */
export interface EpcisEventRow {
  id: string;
  document: Record<string, unknown> | string;
  record_time: Date | string;
}

/** An event of a page, with the value of the order it is listed by (what a page token names). */
export interface EventPageRow extends EpcisEventRow {
  sort_key: string;
}

/** A GTIN named by events and the confirmed company prefix it falls under. */
export interface GtinPrefixRow {
  gtin: string;
  prefix: string;
}

/** The discovery lists and the event column each one lists the values of. */
export const DISCOVERY_LISTS = {
  eventTypes: 'event_type',
  bizSteps: 'biz_step',
  dispositions: 'disposition',
  readPoints: 'read_point',
  bizLocations: 'biz_location',
} as const;
export type DiscoveryList = keyof typeof DISCOVERY_LISTS | 'epcs';

/** How a page of events is ordered, where it starts and how many rows it reads. */
export interface EventPage {
  orderBy: OrderByField;
  direction: OrderDirection;
  /** Where the previous page ended; null for the first page. */
  after: PagePosition | null;
  limit: number;
}

// A timestamp as text with all of PostgreSQL's microseconds, so a page boundary is exact.
const sortKey = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A page of the events matching the query, within the resource's scope (`/epcis/bizSteps/x/events`;
 * both apply), that the principal may read: one indexed query, keyset-paged.
 */
export function findEventPage(
  db: EntityManager,
  principal: Principal,
  query: EventConditions,
  scope: ResourceScope,
  page: EventPage,
): Promise<EventPageRow[]> {
  const params = new SqlParams();
  const column = page.orderBy === 'eventTime' ? 'e.event_time' : 'e.record_time';
  const where = [visibleEvents(principal, params), ...eventConditions(query, params), ...eventConditions(scope, params)];
  if (page.after) {
    where.push(
      `(${column}, e.id) ${page.direction === 'ASC' ? '>' : '<'} (${params.add(page.after.after)}::timestamptz, ${params.add(page.after.id)}::uuid)`,
    );
  }
  return db.query(
    `SELECT e.id, e.document, e.record_time, ${sortKey(column)} AS sort_key FROM events e
      WHERE ${where.join(' AND ')}
      ORDER BY ${column} ${page.direction}, e.id ${page.direction}
      LIMIT ${params.add(page.limit)}`,
    params.values,
  );
}

/** How many events the query matches, counting no further than `upTo`. */
export async function countEvents(
  db: EntityManager,
  principal: Principal,
  query: EventConditions,
  scope: ResourceScope,
  upTo: number,
): Promise<number> {
  const params = new SqlParams();
  const where = [visibleEvents(principal, params), ...eventConditions(query, params), ...eventConditions(scope, params)];
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM (SELECT 1 FROM events e WHERE ${where.join(' AND ')} LIMIT ${params.add(upTo)}) AS matching`,
    params.values,
  );
  return row!.count;
}

/** The event with this EPCIS event ID, then its error declaration when there is one, if the principal may read them. */
export function findEventWithDeclaration(db: EntityManager, principal: Principal, eventId: string): Promise<EpcisEventRow[]> {
  const params = new SqlParams();
  return db.query(
    `SELECT e.id, e.document, e.record_time FROM events e
      WHERE ${eventIdIn([eventId], params)} AND ${visibleEvents(principal, params)}
      ORDER BY e.error_declared, e.record_time`,
    params.values,
  );
}

/** The distinct values of a discovery list among the events the principal may read, in order, after `after`. */
export async function listDistinctValues(
  db: EntityManager,
  principal: Principal,
  list: DiscoveryList,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const params = new SqlParams();
  // The EPCs and classes events name, as stored (GS1 keys as canonical Digital Links), through the identifiers' index.
  const [column, from] =
    list === 'epcs'
      ? [
          'ei.identifier',
          `event_identifiers ei JOIN events e ON e.id = ei.event_id AND e.record_time = ei.record_time AND ei.role = ANY(${params.add(IDENTIFIER_ROLES)}::text[])`,
        ]
      : [`e.${DISCOVERY_LISTS[list]}`, 'events e'];
  const where = [`${column} IS NOT NULL`, visibleEvents(principal, params)];
  if (after !== null) where.push(`${column} > ${params.add(after)}`);
  const rows: { value: string }[] = await db.query(
    `SELECT DISTINCT ${column} AS value FROM ${from} WHERE ${where.join(' AND ')} ORDER BY value LIMIT ${params.add(limit)}`,
    params.values,
  );
  return rows.map((r) => r.value);
}

/** Every distinct place of a list (read points or business locations) among the events the principal may read, as written. */
export async function listPlacesAsWritten(db: EntityManager, principal: Principal, list: 'readPoints' | 'bizLocations'): Promise<string[]> {
  const column = `e.${DISCOVERY_LISTS[list]}`;
  const params = new SqlParams();
  const rows: { value: string }[] = await db.query(
    `SELECT DISTINCT ${column} AS value FROM events e WHERE ${column} IS NOT NULL AND ${visibleEvents(principal, params)}`,
    params.values,
  );
  return rows.map((r) => r.value);
}

/** The batch's own events, oldest first. */
export function loadBatchEvents(db: EntityManager, batchId: string): Promise<EpcisEventRow[]> {
  return db.query(
    `SELECT e.id, e.document, e.record_time FROM events e
      WHERE (e.id, e.record_time) IN (SELECT eb.event_id, eb.record_time FROM event_batches eb WHERE eb.batch_id = $1)
      ORDER BY e.event_time, e.record_time, e.id`,
    [batchId],
  );
}

/** The confirmed company prefixes the GTINs fall under (none starting `00000`), in one query. */
export function findGtinPrefixes(db: EntityManager, gtins: string[]): Promise<GtinPrefixRow[]> {
  return db.query(
    `SELECT g.gtin, c.prefix FROM unnest($1::text[]) AS g (gtin)
       JOIN business_gs1_prefixes c ON c.confirmed AND c.coverage @> substr(g.gtin, 2, 12)::int8 AND c.prefix NOT LIKE '00000%'`,
    [gtins],
  );
}

/** How far a subscription has read: the transaction that recorded the last event sent, and that event. */
export interface RecordingPosition {
  txid: string;
  eventId: string;
}

/** An event of a subscription's window, with the transaction that recorded it. */
export interface WindowEventRow extends EpcisEventRow {
  txid: string;
}

/** Where a subscription's window may end now, and whether a transaction still running holds it there. */
export interface RecordingHorizon {
  horizon: string;
  held: boolean;
}

/**
 * Where a window may end now: the oldest transaction still running in this database (its 32-bit
 * id as `pg_stat_activity` shows it, matched to the snapshot's running ids), else the next id to
 * be given. Every event of an older transaction has committed or never will. Transactions of other
 * databases on the same server are not waited for: they cannot record events here. Ask it first in
 * a transaction, before its snapshot.
 */
export async function findRecordingHorizon(db: EntityManager): Promise<RecordingHorizon> {
  const [row] = await db.query<{ running: string | null; next: string }[]>(
    `SELECT (SELECT min(running::text::bigint) FROM pg_snapshot_xip(now.snapshot) AS running
              WHERE running::text::bigint % 4294967296 IN (
                SELECT backend_xid::text::bigint FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL))::text AS running,
            pg_snapshot_xmax(now.snapshot)::text AS next
       FROM (SELECT pg_current_snapshot() AS snapshot) AS now`,
  );
  return { horizon: row!.running ?? row!.next, held: row!.running !== null };
}

/**
 * The events the query matches that the principal may read, recorded after `after` and before
 * `horizon` (by transaction, then id), at or after `recordedFrom`. Events recorded before
 * transactions were kept (txid NULL) count as the first.
 */
export function findEventsInWindow(
  db: EntityManager,
  principal: Principal,
  query: EventConditions,
  window: { after: RecordingPosition; horizon: string; recordedFrom: Date; limit: number },
): Promise<WindowEventRow[]> {
  const params = new SqlParams();
  const txid = `COALESCE(e.txid, '0'::xid8)`;
  const where = [
    visibleEvents(principal, params),
    ...eventConditions(query, params),
    `${txid} < ${params.add(window.horizon)}::xid8`,
    `(${txid}, e.id) > (${params.add(window.after.txid)}::xid8, ${params.add(window.after.eventId)}::uuid)`,
    `e.record_time >= ${params.add(window.recordedFrom)}`,
  ];
  // Past the first run, only events with a transaction id remain: the index reads from there.
  if (window.after.txid !== '0') where.push(`e.txid >= ${params.add(window.after.txid)}::xid8`);
  return db.query(
    `SELECT e.id, e.document, e.record_time, ${txid}::text AS txid FROM events e
      WHERE ${where.join(' AND ')}
      ORDER BY ${txid}, e.id
      LIMIT ${params.add(window.limit)}`,
    params.values,
  );
}
