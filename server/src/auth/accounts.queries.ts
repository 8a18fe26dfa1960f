import type { BusinessStatus, MemberRole } from '@nguon/shared';
import type { EntityManager } from 'typeorm';

/** A business the user works for, as the caller's account shows it. */
export interface MembershipRow {
  business_id: string;
  business_name: string;
  business_status: BusinessStatus;
  role: MemberRole;
}

/** The user's businesses, by name. */
export function loadMemberships(db: EntityManager, userId: string): Promise<MembershipRow[]> {
  return db.query(
    `SELECT m.business_id, b.legal_name AS business_name, b.status AS business_status, m.role
       FROM business_members m JOIN businesses b ON b.id = m.business_id
      WHERE m.user_id = $1 ORDER BY b.legal_name`,
    [userId],
  );
}

export async function hasMemberships(tx: EntityManager, userId: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM business_members WHERE user_id = $1 LIMIT 1`, [userId])).length > 0;
}

/** Stores a confirmation token (hashed) that expires after `ttl` (an interval). */
export async function insertEmailVerification(tx: EntityManager, userId: string, tokenHash: string, ttl: string): Promise<void> {
  await tx.query(`INSERT INTO email_verifications (user_id, token_hash, expires_at) VALUES ($1, $2, now() + $3::interval)`, [
    userId,
    tokenHash,
    ttl,
  ]);
}

/** Uses up the user's unused confirmation tokens. */
export async function useUpEmailVerifications(tx: EntityManager, userId: string): Promise<void> {
  await tx.query(`UPDATE email_verifications SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
}

/** Uses the unused, unexpired token with this hash; returns its user, or null when there is none. */
export async function useEmailVerification(tx: EntityManager, tokenHash: string): Promise<string | null> {
  const [[used]]: [{ user_id: string }[], number] = await tx.query(
    `UPDATE email_verifications SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
    [tokenHash],
  );
  return used?.user_id ?? null;
}

/** Seconds until the user may ask for another confirmation mail, when one was sent within `interval`; else null. */
export async function findResendWait(tx: EntityManager, userId: string, interval: string): Promise<number | null> {
  const [recent]: { wait: number }[] = await tx.query(
    `SELECT ceil(extract(epoch FROM created_at + $2::interval - now()))::int AS wait FROM email_verifications
      WHERE user_id = $1 AND created_at > now() - $2::interval ORDER BY created_at DESC LIMIT 1`,
    [userId, interval],
  );
  return recent?.wait ?? null;
}
