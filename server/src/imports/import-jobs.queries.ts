import type { ImportJobView } from '@nguon/shared';
import type { EntityManager } from 'typeorm';

/** A job the sweep marked failed, and the instance that ran it. */
export interface InterruptedJobRow {
  id: string;
  business_id: string;
  kind: string;
  total_rows: number;
  owner_instance: string | null;
}

/** Writes the heartbeat and progress of these running jobs, in one statement. */
export async function writeHeartbeats(db: EntityManager, runs: { id: string; processed: number }[]): Promise<void> {
  await db.query(
    `UPDATE import_jobs j SET heartbeat_at = now(), processed_rows = r.processed
     FROM unnest($1::uuid[], $2::int[]) AS r (id, processed) WHERE j.id = r.id AND j.status = 'running'`,
    [runs.map((r) => r.id), runs.map((r) => r.processed)],
  );
}

/**
 * Marks failed, in one conditional UPDATE, the running jobs of other owners whose heartbeat is
 * `staleSeconds` old, skipping those a run transaction still holds (FOR UPDATE SKIP LOCKED).
 */
export async function failAbandonedJobs(
  tx: EntityManager,
  owner: string,
  staleSeconds: number,
  failure: NonNullable<ImportJobView['failure']>,
): Promise<InterruptedJobRow[]> {
  const [rows] = (await tx.query(
    `UPDATE import_jobs SET status = 'failed', processed_rows = 0, failure = $3, finished_at = now()
     WHERE id IN (SELECT id FROM import_jobs WHERE status = 'running' AND owner_instance IS DISTINCT FROM $1
                    AND heartbeat_at <= now() - make_interval(secs => $2) FOR UPDATE SKIP LOCKED)
     RETURNING id, business_id, kind, total_rows, owner_instance`,
    [owner, staleSeconds, JSON.stringify(failure)],
  )) as [InterruptedJobRow[], number];
  return rows;
}

/** Holds the job's row until the transaction ends, so the sweep leaves the job alone meanwhile. */
export async function holdJob(tx: EntityManager, jobId: string): Promise<void> {
  await tx.query(`SELECT 1 FROM import_jobs WHERE id = $1 FOR KEY SHARE`, [jobId]);
}
