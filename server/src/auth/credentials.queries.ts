import type { ApiKeyScope, MemberRole, UserRole } from '@nguon/shared';
import type { EntityManager } from 'typeorm';

/** The user of a live session. */
export interface SessionUserRow {
  id: string;
  email: string;
  display_name: string;
  role: UserRole;
  disabled_at: Date | null;
}

export interface MembershipRoleRow {
  business_id: string;
  role: MemberRole;
}

/** A key that is not revoked. */
export interface ApiKeyRow {
  id: string;
  business_id: string;
  secret_hash: string;
  scopes: ApiKeyScope[];
  last_used_at: Date | null;
}

/** The user of the session when it is theirs, not revoked and not expired. */
export async function findSessionUser(db: EntityManager, sessionId: string, userId: string): Promise<SessionUserRow | null> {
  const [row]: SessionUserRow[] = await db.query(
    `SELECT u.id, u.email, u.display_name, u.role, u.disabled_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [sessionId, userId],
  );
  return row ?? null;
}

export function loadMembershipRoles(db: EntityManager, userId: string): Promise<MembershipRoleRow[]> {
  return db.query(`SELECT business_id, role FROM business_members WHERE user_id = $1`, [userId]);
}

export async function findLiveApiKey(db: EntityManager, prefix: string): Promise<ApiKeyRow | null> {
  const [row]: ApiKeyRow[] = await db.query(
    `SELECT id, business_id, secret_hash, scopes, last_used_at FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL`,
    [prefix],
  );
  return row ?? null;
}

export async function touchApiKey(db: EntityManager, keyId: string): Promise<void> {
  await db.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [keyId]);
}

/** The user, unless disabled. */
export async function findActiveUser(db: EntityManager, userId: string): Promise<SessionUserRow | null> {
  const [row]: SessionUserRow[] = await db.query(
    `SELECT id, email, display_name, role, disabled_at FROM users WHERE id = $1 AND disabled_at IS NULL`,
    [userId],
  );
  return row ?? null;
}

/** The key, unless revoked. */
export async function findLiveApiKeyById(db: EntityManager, keyId: string): Promise<ApiKeyRow | null> {
  const [row]: ApiKeyRow[] = await db.query(
    `SELECT id, business_id, secret_hash, scopes, last_used_at FROM api_keys WHERE id = $1 AND revoked_at IS NULL`,
    [keyId],
  );
  return row ?? null;
}
