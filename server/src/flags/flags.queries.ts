import type { FlagKind, FlagStatus, ReportCategory } from '@nguon/shared';
import type { DataSource, EntityManager } from 'typeorm';

export interface FlagRow {
  id: string;
  kind: FlagKind;
  status: FlagStatus;
  detected_at: Date;
  updated_at: Date;
  details: Record<string, unknown>;
  event_id: string | null;
  batch_id: string | null;
  lot_code: string | null;
  name_vi: string | null;
  name_en: string | null;
  business_id: string | null;
  legal_name: string | null;
  report_id: string | null;
  category: ReportCategory | null;
  message: string | null;
  contact: string | null;
  photo_key: string | null;
}

export interface NoteRow {
  id: string;
  flag_id: string;
  author: string;
  status: FlagStatus | null;
  text: string;
  created_at: Date;
}

const FLAG_COLUMNS = `
  f.id, f.kind, f.status, f.detected_at, f.updated_at, f.details, ev.event_id, f.batch_id, b.lot_code, p.name_vi, p.name_en,
  f.business_id, bu.legal_name, f.report_id, r.category, r.message, r.contact, r.photo_key`;

const FLAG_JOINS = `
  FROM flags f
  LEFT JOIN events ev ON ev.id = f.event_id AND ev.record_time = f.event_record_time
  LEFT JOIN batches b ON b.id = f.batch_id
  LEFT JOIN products p ON p.id = b.product_id
  LEFT JOIN businesses bu ON bu.id = f.business_id
  LEFT JOIN consumer_reports r ON r.id = f.report_id`;

export async function loadFlags(
  db: DataSource,
  filter: { id?: string; status?: FlagStatus; kind?: FlagKind; batchId?: string; limit: number; offset: number },
): Promise<{ rows: FlagRow[]; total: number }> {
  const where = `($1::uuid IS NULL OR f.id = $1) AND ($2::text IS NULL OR f.status = $2) AND ($3::text IS NULL OR f.kind = $3) AND ($4::uuid IS NULL OR f.batch_id = $4)`;
  const params = [filter.id ?? null, filter.status ?? null, filter.kind ?? null, filter.batchId ?? null];
  const [rows, [{ total }]] = await Promise.all([
    db.query(`SELECT ${FLAG_COLUMNS} ${FLAG_JOINS} WHERE ${where} ORDER BY f.detected_at DESC, f.id LIMIT $5 OFFSET $6`, [
      ...params,
      filter.limit,
      filter.offset,
    ]),
    db.query(`SELECT count(*)::int AS total FROM flags f WHERE ${where}`, params),
  ]);
  return { rows, total };
}

export function loadNotes(db: DataSource, flagIds: string[]): Promise<NoteRow[]> {
  return db.query(
    `SELECT n.id, n.flag_id, u.display_name AS author, n.status, n.text, n.created_at
       FROM flag_notes n JOIN users u ON u.id = n.author_id WHERE n.flag_id = ANY($1::uuid[]) ORDER BY n.created_at`,
    [flagIds],
  );
}

export interface FlagCountsRow {
  open: number;
  in_review: number;
}

/** How many flags are open and in review, over all businesses. */
export async function countFlagsByStatus(db: EntityManager): Promise<FlagCountsRow> {
  const [row]: FlagCountsRow[] = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'in_review')::int AS in_review
       FROM flags WHERE status IN ('open', 'in_review')`,
  );
  return row!;
}

/** One scan at a time across instances: false when another holds the scan's lock (until its transaction ends). */
export async function tryScanLock(tx: EntityManager, lockKey: number): Promise<boolean> {
  const [lock]: { locked: boolean }[] = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [lockKey]);
  return lock?.locked === true;
}

/** A flag's status, the flag locked for the change. */
export function lockFlagStatus(tx: EntityManager, id: string): Promise<{ status: FlagStatus }[]> {
  return tx.query(`SELECT status FROM flags WHERE id = $1 FOR UPDATE`, [id]);
}

export async function setFlagStatus(tx: EntityManager, id: string, status: FlagStatus): Promise<void> {
  await tx.query(`UPDATE flags SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
}

export async function addFlagNote(
  tx: EntityManager,
  flagId: string,
  authorId: string,
  status: FlagStatus | null,
  text: string,
): Promise<void> {
  await tx.query(`INSERT INTO flag_notes (flag_id, author_id, status, text) VALUES ($1, $2, $3, $4)`, [flagId, authorId, status, text]);
}

/** The photo of the consumer report a flag was raised for. */
export function findReportPhoto(db: EntityManager, flagId: string): Promise<{ photo_key: string | null; photo_type: string | null }[]> {
  return db.query(`SELECT r.photo_key, r.photo_type FROM flags f JOIN consumer_reports r ON r.id = f.report_id WHERE f.id = $1`, [flagId]);
}
