import type { EntityManager } from 'typeorm';

/** The rows an import's steps have written so far: where a rerun goes on. */
export async function recordWritten(tx: EntityManager, id: string, processedRows: number): Promise<void> {
  await tx.query(`UPDATE import_jobs SET processed_rows = $2 WHERE id = $1`, [id, processedRows]);
}

/** The batches of these lots (a product's lot code each), as an earlier run of the import registered them. */
export function findBatchesOfLots(
  tx: EntityManager,
  lots: { productId: string; lotCode: string }[],
): Promise<{ id: string; lotCode: string }[]> {
  return tx.query(
    `SELECT b.id, b.lot_code AS "lotCode" FROM batches b
      WHERE (b.product_id, b.lot_code) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    [lots.map((l) => l.productId), lots.map((l) => l.lotCode)],
  );
}
