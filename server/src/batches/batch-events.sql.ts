/** SQL expressions about a batch's events, for the read queries that need them in a WHERE or SELECT. */

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
