import { UNIT_SCALES } from '@nguon/shared';

/**
 * The event store's read rules as SQL, for the set-based queries of other modules that need them
 * in a WHERE, a JOIN or a SELECT. Questions asked on their own go through `RecordsService`.
 */

/**
 * SQL, for a FROM list: the event that row `link` names (its event_id and record_time), as `alias`,
 * looked up row by row in its month's partition alone. Joined plainly, PostgreSQL costs each lookup
 * as a probe of every month (run-time pruning is not in its estimates) and, for a few hundred rows
 * over two years' months, scans every month instead (P8: 950 ms instead of 15 for the consumer view's
 * events); LIMIT 1, true of a key, keeps it a lookup.
 */
export function eventNamedBySql(link: string, alias = 'e'): string {
  return `LATERAL (SELECT * FROM events ${alias} WHERE ${alias}.id = ${link}.event_id AND ${alias}.record_time = ${link}.record_time LIMIT 1) ${alias}`;
}

/** Whether an error declaration names event `alias`: then it did not happen as recorded. */
export function declaredWrongSql(alias: string): string {
  // One probe of event_ids' unique index, rather than one per monthly partition of the events.
  return `EXISTS (SELECT 1 FROM event_ids d WHERE d.event_id = ${alias}.event_id AND d.error_declared)`;
}

/** Whether event `alias` stands: it is not an error declaration, and none names it. */
export function standingEventSql(alias: string): string {
  return `(NOT ${alias}.error_declared AND NOT ${declaredWrongSql(alias)})`;
}

/** When batch `alias` last had an event (not declared wrong); null before any. */
export function lastEventAtSql(alias: string): string {
  return `(SELECT max(e.event_time) FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
            WHERE eb.batch_id = ${alias}.id AND ${standingEventSql('e')})`;
}

/**
 * When batch `alias`'s latest event was recorded (or imported), not declared wrong; null before any.
 * What "quiet for N days" counts from: an event recorded today about last month is news today.
 */
export function lastRecordedAtSql(alias: string): string {
  return `(SELECT max(e.record_time) FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
            WHERE eb.batch_id = ${alias}.id AND ${standingEventSql('e')})`;
}

/**
 * The one answer to "was this batch shipped to that business?", for every asker (who may record
 * on a batch, what a processor may use, who receives): shipping events naming a portal business
 * as the receiver that are neither an error declaration themselves nor declared wrong.
 * A relation for askers' SQL: (batch_id, business_id = the receiver, event_pk, record_time, event_id, shipper_id, event_time...).
 */
export const LIVE_SHIPMENTS = `(
  SELECT eb.batch_id, e.destination_business_id AS business_id, e.id AS event_pk, e.record_time, e.event_id, e.business_id AS shipper_id,
         e.event_time, e.event_time_zone_offset, e.document, eb.quantity, eb.unit
    FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
   WHERE e.biz_step = 'shipping' AND e.destination_business_id IS NOT NULL AND ${standingEventSql('e')})`;

/**
 * Receiving events that still stand: (shipment_event_id when the receipt names the shipment it
 * confirms in `nguon:shipment`, batch_id, business_id = the receiver, event_pk, record_time, event_time).
 */
export const LIVE_RECEIPTS = `(
  SELECT r.document ->> 'nguon:shipment' AS shipment_event_id, rb.batch_id, r.business_id, r.id AS event_pk, r.record_time, r.event_time
    FROM events r JOIN event_batches rb ON rb.event_id = r.id AND rb.record_time = r.record_time AND rb.role = 'subject'
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

/** SQL: the base unit of a unit column (its family's, see `UNIT_SCALES`), and the factor into it. */
function unitFamilySql(column: string): { base: string; factor: string } {
  const scales = Object.entries(UNIT_SCALES);
  return {
    base: `CASE ${scales.map(([unit, s]) => `WHEN ${column} = '${unit}' THEN '${s.base}'`).join(' ')} ELSE ${column} END`,
    factor: `CASE ${scales.map(([unit, s]) => `WHEN ${column} = '${unit}' THEN ${s.factor}`).join(' ')} ELSE 1 END`,
  };
}

/** What a business's event does to its holding of a batch, by the batch's role in it (`eb`, `e`, the batch `b`). */
const MOVES = {
  /** Made (registered, or output of processing), or received from another business. */
  inflow: `(eb.role = 'output' OR (eb.role = 'subject' AND (e.action = 'ADD' OR (e.biz_step = 'receiving' AND e.business_id <> b.business_id))))`,
  /** Gone from it: shipped, sold, destroyed, or used as an input. */
  outflow: `(eb.role = 'input' OR (eb.role = 'subject' AND e.action IS DISTINCT FROM 'ADD'
             AND (e.action = 'DELETE' OR e.biz_step IN ('shipping', 'retail_selling', 'destroying', 'decommissioning'))))`,
};

/**
 * Mass balance, the one rule for the stage forms' check and the inspectors' flag: per batch, the
 * business holding it and base unit (`unitFamilySql`), what it held against what left it. Held is
 * what was made or received (summed), or, when larger, the most any other record of that business
 * stated (a harvest, a packing into cartons: restating the lot, not adding to it); what left is
 * summed. Only standing events with a quantity count. `where` narrows the rows (on `eb`, `e`, `b`)
 * before grouping. Columns: batch_id, business_id, base_unit, held (null when nothing says what
 * it held in that unit), used, stated_unit (the unit last stated in), stated_at (when), last_outflow
 * (the portal id of the latest event that took from it) and last_outflow_recorded (its record time).
 */
export function batchBalancesSql(where: string): string {
  const { base, factor } = unitFamilySql('eb.unit');
  const holding = `(${MOVES.inflow} OR NOT ${MOVES.outflow})`;
  return `(
  SELECT eb.batch_id, e.business_id, ${base} AS base_unit,
         CASE WHEN bool_or(${holding})
              THEN greatest(coalesce(sum(eb.quantity * ${factor}) FILTER (WHERE ${MOVES.inflow}), 0),
                            coalesce(max(eb.quantity * ${factor}) FILTER (WHERE eb.role = 'subject' AND NOT ${MOVES.inflow} AND NOT ${MOVES.outflow}), 0))
         END AS held,
         coalesce(sum(eb.quantity * ${factor}) FILTER (WHERE ${MOVES.outflow}), 0) AS used,
         (array_agg(eb.unit ORDER BY e.event_time DESC, e.record_time DESC) FILTER (WHERE ${holding}))[1] AS stated_unit,
         max(e.event_time) FILTER (WHERE ${holding}) AS stated_at,
         (array_agg(e.id ORDER BY e.record_time DESC) FILTER (WHERE ${MOVES.outflow}))[1] AS last_outflow,
         max(e.record_time) FILTER (WHERE ${MOVES.outflow}) AS last_outflow_recorded
    FROM event_batches eb
    JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
    JOIN batches b ON b.id = eb.batch_id
   WHERE eb.quantity IS NOT NULL AND e.business_id IS NOT NULL AND eb.role IN ('subject', 'input', 'output')
     AND ${standingEventSql('e')} AND (${where})
   GROUP BY eb.batch_id, e.business_id, ${base})`;
}
