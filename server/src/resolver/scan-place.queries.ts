import type { EntityManager } from 'typeorm';
import { rowsOf } from '../common/sql/returning.js';

/** Places a scan not placed yet, once; the scans it placed (none when it was placed or is not this batch's). */
export async function placeScan(
  db: EntityManager,
  scanId: string,
  batchId: string,
  latitude: number,
  longitude: number,
): Promise<{ id: string }[]> {
  return rowsOf<{ id: string }>(
    await db.query(`UPDATE scans SET latitude = $3, longitude = $4 WHERE id = $1 AND batch_id = $2 AND latitude IS NULL RETURNING id`, [
      scanId,
      batchId,
      latitude,
      longitude,
    ]),
  );
}
