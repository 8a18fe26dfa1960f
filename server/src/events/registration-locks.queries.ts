import type { EntityManager } from 'typeorm';

/**
 * Identifiers of one business share this many locks: an import of 10,000 new lots takes at most
 * this many (every transaction's locks share one table in the database's memory).
 */
const BUCKETS = 256;

/**
 * Locks the registration of the business's lots and places that these identifiers name (a lot's
 * `…/01/{gtin}/10/{lot}`, a place's `…/414/{gln}`) until the transaction ends, in one order (by
 * bucket). A capture naming one not registered yet and its registration then never miss each
 * other: whichever takes the lock second sees what the first committed (decision records 0023 and
 * 0024). The business's id and a bucket of the identifier name each lock.
 */
export function lockRegistrations(tx: EntityManager, businessId: string, identifiers: string[]): Promise<void> {
  return lockBuckets(tx, businessId, identifiers, 'exclusive');
}

/** The namespace of the company prefixes' locks: a party's GLN is any business's to name. */
const PARTY_PREFIXES = 'nguon_party_prefixes';

/**
 * Locks the confirmation of these company prefixes until the transaction ends, in one order (by
 * bucket): exclusively for a confirmation, shared for captures (which need not wait for each
 * other). A capture naming a party under a prefix being confirmed, and that confirmation, then
 * never miss each other (decision record 0024).
 */
export function lockPartyPrefixes(tx: EntityManager, prefixes: string[], mode: LockMode): Promise<void> {
  return lockBuckets(tx, PARTY_PREFIXES, prefixes, mode);
}

type LockMode = 'shared' | 'exclusive';

/** Transaction locks named by the namespace and the bucket of each key, taken in bucket order. */
async function lockBuckets(tx: EntityManager, namespace: string, keys: string[], mode: LockMode): Promise<void> {
  if (!keys.length) return;
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(
    `SELECT count(${lock}(hashtext($1), named.bucket))
       FROM (SELECT DISTINCT abs(hashtext(key) % $3) AS bucket FROM unnest($2::text[]) AS key ORDER BY 1) AS named`,
    [namespace, keys, BUCKETS],
  );
}
