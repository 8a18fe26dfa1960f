import type { EntityManager } from 'typeorm';

export interface ScopeProductRow {
  id: string;
  gtin: string | null;
}

export interface ScopeBatchRow {
  id: string;
  lot_code: string;
}

/** A lot's place in the list asked for, and a batch it matches. */
export interface LotMatchRow {
  position: number;
  id: string;
}

/**
 * SQL: whether batch `b` is among a business's records: it produced it, or recorded events on it
 * (what `GET /api/batches/{id}/events` lets it read). `true` when the export is not restricted.
 */
function readable(businessParam: string | null): string {
  if (!businessParam) return 'true';
  return `(b.business_id = ${businessParam}::uuid OR b.id IN (
    SELECT eb.batch_id FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time WHERE e.business_id = ${businessParam}::uuid))`;
}

/** The product with this GTIN-14 (or, without one, this id). */
export async function findScopeProduct(
  db: EntityManager,
  by: { gtin14: string } | { id: string | undefined },
): Promise<ScopeProductRow | null> {
  const [product]: ScopeProductRow[] = await db.query(
    // A GTIN names the product of the business whose prefix for it is confirmed, before any pending claim.
    `SELECT id, gtin FROM products p WHERE ${'gtin14' in by ? 'gtin = $1::bpchar' : 'id = $1::uuid'}
      ORDER BY EXISTS (SELECT 1 FROM business_gs1_prefixes c WHERE c.business_id = p.business_id AND c.confirmed AND c.coverage @> substr(p.gtin, 2, 12)::int8) DESC
      LIMIT 1`,
    ['gtin14' in by ? by.gtin14 : by.id],
  );
  return product ?? null;
}

/** The product's batches among the business's records (all of them without a business). */
export async function findReadableBatchesOfProduct(db: EntityManager, productId: string, businessId: string | null): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT b.id FROM batches b WHERE b.product_id = $1 AND ${readable(businessId ? '$2' : null)}`,
    [productId, ...(businessId ? [businessId] : [])],
  );
  return rows.map((r) => r.id);
}

export async function findReadableBatch(db: EntityManager, id: string, businessId: string | null): Promise<ScopeBatchRow | null> {
  const [row]: ScopeBatchRow[] = await db.query(
    `SELECT b.id, b.lot_code FROM batches b WHERE b.id = $1 AND ${readable(businessId ? '$2' : null)}`,
    businessId ? [id, businessId] : [id],
  );
  return row ?? null;
}

/** The readable batches each lot (a lot code, with its GTIN-14 when known) matches, in one query. */
export function matchReadableLots(
  db: EntityManager,
  lotCodes: string[],
  gtins: (string | null)[],
  businessId: string | null,
): Promise<LotMatchRow[]> {
  return db.query(
    `SELECT r.position::int AS position, b.id
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(lot_code, gtin, position)
       JOIN batches b ON b.lot_code = r.lot_code
       JOIN products p ON p.id = b.product_id AND (r.gtin IS NULL OR p.gtin = r.gtin::bpchar)
      WHERE ${readable(businessId ? '$3' : null)}`,
    [lotCodes, gtins, ...(businessId ? [businessId] : [])],
  );
}

/** Of these batches, those among the business's records. */
export async function keepReadableBatches(db: EntityManager, ids: string[], businessId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT b.id FROM batches b WHERE b.id = ANY($1::uuid[]) AND ${readable('$2')}`, [
    ids,
    businessId,
  ]);
  return rows.map((r) => r.id);
}
