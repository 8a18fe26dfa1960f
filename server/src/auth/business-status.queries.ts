import type { EntityManager } from 'typeorm';

/**
 * The business's status; null when there is no such business. Read by the access guard (a
 * suspended business's pages stay as they were), by the claim rules of businesses/ (which
 * prefixes a GTIN must fall under) and by imports/ (only a verified business imports), so it
 * lives here, below them.
 */
export async function findBusinessStatus(db: EntityManager, businessId: string): Promise<string | null> {
  const [row]: { status: string }[] = await db.query(`SELECT status FROM businesses WHERE id = $1`, [businessId]);
  return row?.status ?? null;
}
