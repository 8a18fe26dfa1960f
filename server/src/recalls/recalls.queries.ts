import type { EntityManager } from 'typeorm';

export interface RecalledBatchRow {
  id: string;
  lot_code: string;
  gtin: string | null;
  short_code: string;
  expiry_date: string | null;
  name_vi: string;
  name_en: string;
  business_id: string;
  legal_name: string;
}

/** The batches with their product and producer, as a recall names them. */
export function loadRecallBatches(db: EntityManager, ids: string[]): Promise<RecalledBatchRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, p.gtin, b.short_code, b.expiry_date::text, p.name_vi, p.name_en, b.business_id, bu.legal_name
       FROM batches b JOIN products p ON p.id = b.product_id JOIN businesses bu ON bu.id = b.business_id
      WHERE b.id = ANY($1::uuid[])`,
    [ids],
  );
}

/** A batch reached from a recalled one through processing, and how far. */
export interface AffectedBatchRow {
  recall_id: string;
  batch_id: string;
  depth: number;
}

/** A business told of a recall, and whether (when, by whom) one of its members acknowledged it. */
export interface NotifiedRow {
  recall_id: string;
  id: string;
  name: string;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

export interface UserNameRow {
  id: string;
  display_name: string;
}

/** Marks the batch recalled unless it already is; false when it is (or there is no such batch). */
export async function markBatchRecalled(
  tx: EntityManager,
  batchId: string,
  recall: { reason: string; reasonCategory: string; severity: string; at: Date },
): Promise<boolean> {
  const [updated]: [{ id: string }[]] = await tx.query(
    `UPDATE batches SET status = 'recalled', recall_reason = $2, recall_reason_category = $3, recall_severity = $4, recalled_at = $5
      WHERE id = $1 AND status <> 'recalled' RETURNING id`,
    [batchId, recall.reason, recall.reasonCategory, recall.severity, recall.at],
  );
  return updated.length > 0;
}

export async function markBatchActive(tx: EntityManager, batchId: string): Promise<void> {
  await tx.query(
    `UPDATE batches SET status = 'active', recall_reason = NULL, recall_reason_category = NULL, recall_severity = NULL, recalled_at = NULL WHERE id = $1`,
    [batchId],
  );
}

export async function batchExists(tx: EntityManager, batchId: string): Promise<boolean> {
  const [exists]: unknown[] = await tx.query(`SELECT 1 FROM batches WHERE id = $1`, [batchId]);
  return exists !== undefined;
}

/** Records the batches downstream of the recalled one, each with its depth. */
export async function insertAffectedBatches(
  tx: EntityManager,
  recallId: string,
  downstream: { batch_id: string; depth: number }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO recall_batches (recall_id, batch_id, depth) SELECT $1, d.batch_id, d.depth FROM unnest($2::uuid[], $3::int[]) AS d(batch_id, depth)`,
    [recallId, downstream.map((d) => d.batch_id), downstream.map((d) => d.depth)],
  );
}

export async function findAffectedBatchIds(tx: EntityManager, recallId: string): Promise<string[]> {
  const rows: { batch_id: string }[] = await tx.query(`SELECT batch_id FROM recall_batches WHERE recall_id = $1`, [recallId]);
  return rows.map((r) => r.batch_id);
}

/** The batches downstream of these recalls, nearest first. */
export function loadAffectedBatches(db: EntityManager, recallIds: string[]): Promise<AffectedBatchRow[]> {
  return db.query(`SELECT recall_id, batch_id, depth FROM recall_batches WHERE recall_id = ANY($1::uuid[]) ORDER BY depth`, [recallIds]);
}

/** The businesses notified of these recalls, by name, with their acknowledgement (the first, should there be several notices). */
export function loadNotifiedBusinesses(db: EntityManager, recallIds: string[]): Promise<NotifiedRow[]> {
  return db.query(
    `SELECT DISTINCT ON (n.recall_id, b.legal_name, b.id) n.recall_id, b.id, b.legal_name AS name, n.acknowledged_at, u.display_name AS acknowledged_by
       FROM notifications n JOIN businesses b ON b.id = n.business_id LEFT JOIN users u ON u.id = n.acknowledged_by
      WHERE n.recall_id = ANY($1::uuid[]) AND n.kind = 'recall'
      ORDER BY n.recall_id, b.legal_name, b.id, n.acknowledged_at NULLS LAST`,
    [recallIds],
  );
}

export function loadBusinessNames(db: EntityManager, businessIds: string[]): Promise<{ id: string; legal_name: string }[]> {
  return db.query(`SELECT id, legal_name FROM businesses WHERE id = ANY($1::uuid[])`, [businessIds]);
}

export function loadUserNames(db: EntityManager, userIds: string[]): Promise<UserNameRow[]> {
  return db.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [userIds]);
}

/** The user's role; null when there is no such user. */
export async function findUserRole(tx: EntityManager, userId: string): Promise<string | null> {
  const [user]: { role: string }[] = await tx.query(`SELECT role FROM users WHERE id = $1`, [userId]);
  return user?.role ?? null;
}
