import type { EntityManager } from 'typeorm';

/** The business's own id when it exists. */
export async function findBusinessId(db: EntityManager, businessId: string): Promise<string | null> {
  const [row]: { id: string }[] = await db.query(`SELECT id FROM businesses WHERE id = $1`, [businessId]);
  return row?.id ?? null;
}

/** The business a product belongs to; null when there is no such product. */
export async function findProductOwner(db: EntityManager, productId: string): Promise<string | null> {
  const [row]: { business_id: string }[] = await db.query(`SELECT business_id FROM products WHERE id = $1`, [productId]);
  return row?.business_id ?? null;
}

/** The business a location belongs to; null when there is no such location. */
export async function findLocationOwner(db: EntityManager, locationId: string): Promise<string | null> {
  const [row]: { business_id: string }[] = await db.query(`SELECT business_id FROM locations WHERE id = $1`, [locationId]);
  return row?.business_id ?? null;
}

/** The businesses owning the ids, each either a batch or a product. */
export async function findBatchOrProductOwners(db: EntityManager, ids: string[]): Promise<string[]> {
  const rows: { business_id: string }[] = await db.query(
    `SELECT business_id FROM batches WHERE id = ANY($1::uuid[]) UNION SELECT business_id FROM products WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((r) => r.business_id);
}

/** A batch's producer first, then every other business that recorded events on it; none when there is no such batch. */
export async function findBatchRecorders(db: EntityManager, batchId: string): Promise<string[]> {
  const rows: { business_id: string }[] = await db.query(
    `SELECT business_id FROM (
       SELECT b.business_id, 0 AS rank FROM batches b WHERE b.id = $1
       UNION
       SELECT e.business_id, 1 FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time WHERE eb.batch_id = $1 AND e.business_id IS NOT NULL
     ) r ORDER BY rank`,
    [batchId],
  );
  return [...new Set(rows.map((r) => r.business_id))];
}

/** The business that started an import job; null when there is no such job. */
export async function findImportOwner(db: EntityManager, jobId: string): Promise<string | null> {
  const [row]: { business_id: string }[] = await db.query(`SELECT business_id FROM import_jobs WHERE id = $1`, [jobId]);
  return row?.business_id ?? null;
}

/** A business and its status. */
export interface BusinessStatusRow {
  id: string;
  status: string;
}

/** The business a public read shows and its status: the business itself, or a place's owner; null when there is none. */
export async function findShownBusiness(db: EntityManager, kind: 'business' | 'location', id: string): Promise<BusinessStatusRow | null> {
  const sql =
    kind === 'business'
      ? `SELECT id, status FROM businesses WHERE id = $1`
      : `SELECT b.id, b.status FROM locations l JOIN businesses b ON b.id = l.business_id WHERE l.id = $1`;
  const [row]: BusinessStatusRow[] = await db.query(sql, [id]);
  return row ?? null;
}

/** The business an EPCIS capture job captured for; null when there is no such job (or it named none). */
export async function findCaptureJobOwner(db: EntityManager, jobId: string): Promise<string | null> {
  const [row]: { business_id: string | null }[] = await db.query(`SELECT business_id FROM capture_jobs WHERE id = $1`, [jobId]);
  return row?.business_id ?? null;
}
