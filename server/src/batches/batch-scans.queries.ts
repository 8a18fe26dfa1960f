import { vietnamDay, VIETNAM_OFFSET, type ScanDay } from '@nguon/shared';
import type { DataSource } from 'typeorm';

/** Scans are counted by day in Vietnam's calendar, whatever the server's time zone (SCAN_DAY in SQL). */
const VIETNAM_OFFSET_HOURS = 7;
const DAY_MS = 86_400_000;
export const SCAN_WINDOW_DAYS = 7;

/** The last `SCAN_WINDOW_DAYS` calendar days (YYYY-MM-DD, today last) and the instant the first began. */
export function scanWindow(now = new Date()): { days: string[]; since: Date } {
  const today = vietnamDay(now);
  const first = Date.parse(`${today}T00:00:00Z`) - (SCAN_WINDOW_DAYS - 1) * DAY_MS;
  const days = Array.from({ length: SCAN_WINDOW_DAYS }, (_, n) => new Date(first + n * DAY_MS).toISOString().slice(0, 10));
  return { days, since: new Date(`${days[0]}T00:00:00${VIETNAM_OFFSET}`) };
}

/** Every day of the window with its count, days without scans as 0. */
export function fillScanDays(days: string[], rows: { day: string; count: number }[]): ScanDay[] {
  const counts = new Map(rows.map((r) => [r.day, r.count]));
  return days.map((date) => ({ date, count: counts.get(date) ?? 0 }));
}

/** The Vietnamese calendar day of a scan, in SQL. */
const SCAN_DAY = `((s.scanned_at AT TIME ZONE 'UTC') + interval '${VIETNAM_OFFSET_HOURS} hours')::date::text`;

/** Scans per day since `since`, of one batch or of all a business's batches. */
export async function countScansByDay(
  db: DataSource,
  of: { batchId: string } | { businessId: string },
  since: Date,
): Promise<{ day: string; count: number }[]> {
  const [filter, id] = 'batchId' in of ? ['b.id = $1', of.batchId] : ['b.business_id = $1', of.businessId];
  return db.query(
    `SELECT ${SCAN_DAY} AS day, count(*)::int AS count
       FROM batches b JOIN scans s ON s.batch_id = b.id
      WHERE ${filter} AND s.scanned_at >= $2
      GROUP BY 1`,
    [id, since],
  );
}

/** A batch's scans in all, and the first and last of them. */
export async function loadScanTotals(db: DataSource, batchId: string): Promise<{ total: number; first: Date | null; last: Date | null }> {
  const [row] = await db.query(
    `SELECT count(*)::int AS total, min(scanned_at) AS first, max(scanned_at) AS last FROM scans WHERE batch_id = $1`,
    [batchId],
  );
  return row as { total: number; first: Date | null; last: Date | null };
}
