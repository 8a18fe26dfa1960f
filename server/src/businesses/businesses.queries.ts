import type { EntityManager } from 'typeorm';

export interface DirectoryRow {
  id: string;
  legal_name: string;
  province: string;
  tax_code: string;
}

/** Whether the user proved their mailbox; null when there is no such user. */
export async function findEmailVerified(db: EntityManager, userId: string): Promise<boolean | null> {
  const [row]: { verified: boolean }[] = await db.query(`SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1`, [
    userId,
  ]);
  return row?.verified ?? null;
}

/** The GTINs of the business's products, each once. */
export async function findProductGtins(db: EntityManager, businessId: string): Promise<string[]> {
  const rows: { gtin: string }[] = await db.query(`SELECT DISTINCT gtin FROM products WHERE business_id = $1 AND gtin IS NOT NULL`, [
    businessId,
  ]);
  return rows.map((r) => r.gtin);
}

/** Up to ten verified businesses whose folded name contains `name` or whose tax code starts with `digits`, best first. */
export function searchVerifiedBusinesses(db: EntityManager, name: string, digits: string): Promise<DirectoryRow[]> {
  return db.query(
    `SELECT id, legal_name, province, tax_code FROM businesses
      WHERE status = 'verified' AND (nguon_fold(legal_name) LIKE '%' || $1 || '%' OR ($2 ~ '^[0-9]{3,}$' AND tax_code LIKE $2 || '%'))
      ORDER BY nguon_fold(legal_name) LIKE $1 || '%' DESC, legal_name
      LIMIT 10`,
    [name, digits],
  );
}

/** The business's batches, oldest first. */
export async function findBatchIds(db: EntityManager, businessId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM batches WHERE business_id = $1 ORDER BY created_at, id`, [businessId]);
  return rows.map((r) => r.id);
}

/** The holder's batches: all the business's, or (with a product) that product's. */
export async function findHolderBatchIds(db: EntityManager, businessId: string, productId: string | null): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM batches WHERE business_id = $1 AND ($2::uuid IS NULL OR product_id = $2)`, [
    businessId,
    productId,
  ]);
  return rows.map((r) => r.id);
}
