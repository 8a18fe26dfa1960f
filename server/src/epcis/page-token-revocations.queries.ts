import type { EntityManager } from 'typeorm';

/** Keeps a deleted page token's signature until it would expire; those already expired go at the same time. */
export async function revokePageToken(db: EntityManager, signature: string, expiresAt: Date): Promise<void> {
  await db.query(
    `WITH expired AS (DELETE FROM revoked_page_tokens WHERE expires_at < now())
     INSERT INTO revoked_page_tokens (signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING`,
    [signature, expiresAt],
  );
}

/** Whether a page token was deleted: one lookup by its signature. */
export async function isPageTokenRevoked(db: EntityManager, signature: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM revoked_page_tokens WHERE signature = $1`, [signature]);
  return rows.length > 0;
}
