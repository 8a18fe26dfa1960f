import type { EntityManager } from 'typeorm';

/** A batch or product found for a printed code. */
export interface FoundIdRow {
  id: string;
}

export function findBatchByGtinAndLot(db: EntityManager, gtin14: string, lot: string): Promise<FoundIdRow[]> {
  return db.query(`SELECT b.id FROM batches b JOIN products p ON p.id = b.product_id WHERE p.gtin = $1 AND b.lot_code = $2`, [gtin14, lot]);
}

export function findBatchByShortCode(db: EntityManager, code: string): Promise<FoundIdRow[]> {
  return db.query(`SELECT id FROM batches WHERE short_code = $1`, [code]);
}

/** The product of the GTIN whose business holds a confirmed prefix covering it: a pending claim finds nothing. */
export function findClaimedProduct(db: EntityManager, gtin14: string): Promise<FoundIdRow[]> {
  return db.query(
    `SELECT p.id FROM products p JOIN business_gs1_prefixes c ON c.business_id = p.business_id AND c.confirmed AND c.coverage @> substr(p.gtin, 2, 12)::int8
      WHERE p.gtin = $1`,
    [gtin14],
  );
}
