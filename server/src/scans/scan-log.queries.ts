import type { EntityManager } from 'typeorm';
import { rowsOf } from '../common/sql/returning.js';
import type { PendingScan } from './pending-scans.js';

/** A batch's stored scan count. */
export interface ScanCountRow {
  id: string;
  scan_count: number;
}

/**
 * Inserts the scans of batches that exist (a scan already written is skipped) and adds them to
 * `batches.scan_count`, in one statement; the new counts of the batches that gained any.
 */
export async function writeScans(db: EntityManager, scans: PendingScan[]): Promise<ScanCountRow[]> {
  // A batch is locked in id order, so two instances writing scans of the same batches cannot deadlock.
  // Each column goes as one comma-separated text, split by PostgreSQL: cheaper here than array parameters.
  const column = (value: (scan: PendingScan) => string | number) => scans.map(value).join(',');
  return rowsOf<ScanCountRow>(
    await db.query(
      `WITH written AS (
       INSERT INTO scans (id, batch_id, scanned_at, client_class)
       SELECT s.id, s.batch_id, to_timestamp(s.ms / 1000.0), s.client_class
         FROM unnest(string_to_array($1, ',')::uuid[], string_to_array($2, ',')::uuid[], string_to_array($3, ',')::float8[], string_to_array($4, ','))
              AS s (id, batch_id, ms, client_class)
        WHERE EXISTS (SELECT 1 FROM batches b WHERE b.id = s.batch_id)
       ON CONFLICT (id) DO NOTHING
       RETURNING batch_id),
     added AS (SELECT batch_id, count(*)::int AS n FROM written GROUP BY batch_id),
     locked AS (SELECT b.id, a.n FROM batches b JOIN added a ON a.batch_id = b.id ORDER BY b.id FOR UPDATE OF b)
     UPDATE batches b SET scan_count = b.scan_count + l.n FROM locked l WHERE b.id = l.id
     RETURNING b.id, b.scan_count`,
      [column((s) => s.id), column((s) => s.batchId), column((s) => s.at), column((s) => s.clientClass)],
    ),
  );
}

export function loadScanCounts(db: EntityManager, batchIds: string[]): Promise<ScanCountRow[]> {
  return db.query(`SELECT id, scan_count FROM batches WHERE id = ANY($1::uuid[])`, [batchIds]);
}
