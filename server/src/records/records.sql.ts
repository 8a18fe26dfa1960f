/**
 * The event store's read rules as SQL, for the set-based queries of other modules that need them
 * in a WHERE, a JOIN or a SELECT. Questions asked on their own go through `RecordsService`.
 */

/** Whether an error declaration names event `alias`: then it did not happen as recorded. */
export function declaredWrongSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM events d WHERE d.event_id = ${alias}.event_id AND d.error_declared)`;
}

/** Whether event `alias` stands: it is not an error declaration, and none names it. */
export function standingEventSql(alias: string): string {
  return `(NOT ${alias}.error_declared AND NOT ${declaredWrongSql(alias)})`;
}

/** When batch `alias` last had an event (not declared wrong); null before any. */
export function lastEventAtSql(alias: string): string {
  return `(SELECT max(e.event_time) FROM event_batches eb JOIN events e ON e.id = eb.event_id
            WHERE eb.batch_id = ${alias}.id AND ${standingEventSql('e')})`;
}

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
