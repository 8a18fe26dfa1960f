import type { EntityManager } from 'typeorm';

/** How many batches a product has. */
export interface BatchCountRow {
  product_id: string;
  count: number;
}

export async function findBatchIdsOfProduct(tx: EntityManager, productId: string): Promise<string[]> {
  const rows: { id: string }[] = await tx.query(`SELECT id FROM batches WHERE product_id = $1`, [productId]);
  return rows.map((r) => r.id);
}

/** The batch count of each of the products that has any. */
export function countBatchesByProduct(db: EntityManager, productIds: string[]): Promise<BatchCountRow[]> {
  return db.query(`SELECT product_id, count(*)::int AS count FROM batches WHERE product_id = ANY($1::uuid[]) GROUP BY product_id`, [
    productIds,
  ]);
}
