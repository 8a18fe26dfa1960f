import type { EntityManager } from 'typeorm';

/** How failures count and how long they lock (see SignInBackoff). */
export interface BackoffPolicy {
  forgetAfter: string;
  freeFailures: number;
  firstLockSeconds: number;
  longestLockSeconds: number;
}

/** Whole seconds the address is still locked for; null when it is not. */
export async function findLockedSeconds(db: EntityManager, emailKey: string): Promise<number | null> {
  const [row]: { seconds: number }[] = await db.query(
    `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM sign_in_failures WHERE email_key = $1 AND locked_until > now()`,
    [emailKey],
  );
  return row?.seconds ?? null;
}

/** Counts a failure in one statement (safe under concurrent attempts) and locks past the free ones. */
export async function countFailure(db: EntityManager, emailKey: string, policy: BackoffPolicy): Promise<void> {
  const count = `CASE WHEN f.last_failed_at < now() - $2::interval THEN 1 ELSE f.failures + 1 END`;
  await db.query(
    `INSERT INTO sign_in_failures AS f (email_key, failures, last_failed_at) VALUES ($1, 1, now())
     ON CONFLICT (email_key) DO UPDATE SET
       failures = ${count},
       last_failed_at = now(),
       locked_until = CASE WHEN ${count} >= $3::int
         THEN now() + least($4::int, $5::int * 2 ^ (${count} - $3::int)) * interval '1 second' END`,
    [emailKey, policy.forgetAfter, policy.freeFailures, policy.longestLockSeconds, policy.firstLockSeconds],
  );
}

export async function clearFailures(db: EntityManager, emailKey: string): Promise<void> {
  await db.query(`DELETE FROM sign_in_failures WHERE email_key = $1`, [emailKey]);
}
