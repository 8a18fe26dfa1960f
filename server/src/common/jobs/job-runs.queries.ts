import type { EntityManager } from 'typeorm';
import { rowsOf } from '../sql/returning.js';

/**
 * A table of queued jobs (capture_jobs, import_jobs): each row is `running` until its run ends,
 * and has `attempts`, `started_at`, `owner_instance` and a progress column. Names come from code,
 * never from a request.
 */
export interface JobTable {
  table: string;
  /** Names the advisory lock one run of a job holds: `<lock>:<id>`. */
  lock: string;
  /** The column a run's progress is written to. */
  progress: string;
}

/** The lock one run of a job holds for its transaction: two runs of a job never overlap. */
const runLock = (jobs: JobTable) => `hashtextextended('${jobs.lock}:' || $1::text, 0)`;

/**
 * Starts a run of a job still running: counts the attempt and names this instance as its owner,
 * committed at once so that the sweep of another instance sees it. Null when the job is done
 * already (the queue ran a finished job again).
 */
export async function claimRun(manager: EntityManager, jobs: JobTable, id: string, owner: string): Promise<number | null> {
  const [row] = rowsOf<{ attempts: number }>(
    await manager.query(
      `UPDATE ${jobs.table} SET attempts = attempts + 1, started_at = now(), owner_instance = $2
        WHERE id = $1 AND status = 'running' RETURNING attempts`,
      [id, owner],
    ),
  );
  return row?.attempts ?? null;
}

/** Waits until no other run of the job holds it (one that outlived its expiry), then holds it until the transaction ends. */
export async function lockRun(tx: EntityManager, jobs: JobTable, id: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${runLock(jobs)})`, [id]);
}

/** True when no run holds the job: its worker is gone (its transaction died with its connection). */
export async function tryLockRun(tx: EntityManager, jobs: JobTable, id: string): Promise<boolean> {
  const [row] = await tx.query<{ free: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${runLock(jobs)}) AS free`, [id]);
  return row!.free;
}

/** The progress of this instance's runs, in one statement; a job that finished meanwhile keeps its final count. */
export async function writeProgress(manager: EntityManager, jobs: JobTable, runs: { id: string; processed: number }[]): Promise<void> {
  await manager.query(
    `UPDATE ${jobs.table} j SET ${jobs.progress} = r.processed
       FROM unnest($1::uuid[], $2::int[]) AS r (id, processed)
      WHERE j.id = r.id AND j.status = 'running'`,
    [runs.map((run) => run.id), runs.map((run) => run.processed)],
  );
}

/**
 * Jobs started by another instance more than `staleSeconds` ago and still running, taken for
 * this transaction (a sweep of another instance skips them). Whether their run is alive is then
 * asked of its lock.
 */
export async function findStartedRuns(
  tx: EntityManager,
  jobs: JobTable,
  owner: string,
  staleSeconds: number,
): Promise<{ id: string; attempts: number; owner_instance: string | null }[]> {
  return tx.query(
    `SELECT id, attempts, owner_instance FROM ${jobs.table}
      WHERE status = 'running' AND started_at < now() - make_interval(secs => $2)
        AND owner_instance IS DISTINCT FROM $1
      ORDER BY started_at
      FOR UPDATE SKIP LOCKED`,
    [owner, staleSeconds],
  );
}

/** The job waits for a worker again. */
export async function releaseRun(tx: EntityManager, jobs: JobTable, id: string): Promise<void> {
  await tx.query(`UPDATE ${jobs.table} SET started_at = NULL, owner_instance = NULL WHERE id = $1`, [id]);
}
