import type { EntityManager } from 'typeorm';

/** A stored consumer report. */
export interface ConsumerReportRow {
  id: string;
  created_at: Date;
}

/** What a consumer reports about a batch, as stored (the photo by its storage key). */
export interface NewConsumerReport {
  batchId: string;
  category: string;
  message: string;
  contact: string | null;
  photoKey: string | null;
  photoType: string | null;
  locale: string;
}

/** The business that produced the batch; null when there is no such batch. */
export async function findBatchProducer(db: EntityManager, batchId: string): Promise<string | null> {
  const [batch]: { business_id: string }[] = await db.query(`SELECT business_id FROM batches WHERE id = $1`, [batchId]);
  return batch?.business_id ?? null;
}

export async function insertConsumerReport(tx: EntityManager, report: NewConsumerReport): Promise<ConsumerReportRow> {
  const [row]: ConsumerReportRow[] = await tx.query(
    `INSERT INTO consumer_reports (batch_id, category, message, contact, photo_key, photo_type, locale) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
    [report.batchId, report.category, report.message, report.contact, report.photoKey, report.photoType, report.locale],
  );
  return row!;
}

/** Flags the report for inspectors, on the batch and its producer. */
export async function flagConsumerReport(tx: EntityManager, batchId: string, reportId: string): Promise<void> {
  await tx.query(
    `INSERT INTO flags (kind, dedupe_key, batch_id, business_id, report_id)
     SELECT 'consumer_report', 'consumer_report:' || $2, b.id, b.business_id, $2::uuid FROM batches b WHERE b.id = $1`,
    [batchId, reportId],
  );
}
