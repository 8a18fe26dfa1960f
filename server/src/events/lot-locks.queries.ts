import type { EntityManager } from 'typeorm';

/**
 * Lots of one business share this many locks: an import of 10,000 new lots takes at most this
 * many (every transaction's locks share one table in the database's memory).
 */
const LOT_LOCK_BUCKETS = 256;

/**
 * Locks the business's lots named by these identifiers until the transaction ends, in one order
 * (by bucket), so that a capture naming a lot not registered yet and the lot's registration never
 * miss each other: whichever takes the lock second sees what the first committed (decision record
 * 0023). The business's id and a bucket of the identifier name each lock.
 */
export async function lockLots(tx: EntityManager, businessId: string, identifiers: string[]): Promise<void> {
  if (!identifiers.length) return;
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(hashtext($1), lots.bucket))
       FROM (SELECT DISTINCT abs(hashtext(identifier) % $3) AS bucket FROM unnest($2::text[]) AS identifier ORDER BY 1) AS lots`,
    [businessId, identifiers, LOT_LOCK_BUCKETS],
  );
}
