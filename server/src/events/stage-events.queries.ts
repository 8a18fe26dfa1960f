import type { EntityManager } from 'typeorm';

/**
 * Locks the batches (in id order, so writers never deadlock; the event store takes its locks here too)
 * until the transaction ends: what is checked against a batch's records before writing stays true until written.
 */
export async function lockBatches(db: EntityManager, batchIds: string[]): Promise<void> {
  const ids = [...new Set(batchIds)].sort();
  if (ids.length) await db.query(`SELECT id FROM batches WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
}

/**
 * The business's usual place for a stage: where it last recorded that stage (standing or not: a
 * place is a habit, not a record), else its first place as its list shows them (by name, as the
 * forms offer them first); null when it has none.
 */
export async function findUsualPlace(db: EntityManager, businessId: string, bizStep: string): Promise<string | null> {
  const [row]: { id: string }[] = await db.query(
    `SELECT l.id FROM locations l
       LEFT JOIN LATERAL (SELECT max(e.record_time) AS at FROM events e
                           WHERE e.location_id = l.id AND e.business_id = $1 AND e.biz_step = $2) used ON true
      WHERE l.business_id = $1
      ORDER BY used.at DESC NULLS LAST, l.name, l.id
      LIMIT 1`,
    [businessId, bizStep],
  );
  return row?.id ?? null;
}

/** Which of these lots (product and lot code) exist already, as `productId lotCode`: one query by the batches' unique key. */
export async function findTakenLots(db: EntityManager, lots: { productId: string; lotCode: string }[]): Promise<Set<string>> {
  const rows: { product_id: string; lot_code: string }[] = await db.query(
    `SELECT b.product_id, b.lot_code FROM batches b
      WHERE (b.product_id, b.lot_code) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    [lots.map((l) => l.productId), lots.map((l) => l.lotCode)],
  );
  return new Set(rows.map((r) => `${r.product_id} ${r.lot_code}`));
}
