import type { EntityManager } from 'typeorm';
import { rowsOf } from '../common/sql/returning.js';
import { CaptureJobEntity, type CaptureRequest } from './capture-job.entity.js';

/** The lock one run of a job holds for its transaction: two runs of a job never overlap. */
const RUN_LOCK = `hashtextextended('capture_job:' || $1::text, 0)`;

/**
 * Starts a run of a job still running: counts the attempt and names this instance as its owner,
 * committed at once so that the sweep of another instance sees it. Null when the job is done
 * already (the queue ran a finished job again).
 */
export async function claimRun(manager: EntityManager, id: string, owner: string): Promise<number | null> {
  const [row] = rowsOf<{ attempts: number }>(
    await manager.query(
      `UPDATE capture_jobs SET attempts = attempts + 1, started_at = now(), owner_instance = $2
        WHERE id = $1 AND status = 'running' RETURNING attempts`,
      [id, owner],
    ),
  );
  return row?.attempts ?? null;
}

/** Waits until no other run of the job holds it (one that outlived its expiry), then holds it until the transaction ends. */
export async function lockRun(tx: EntityManager, id: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${RUN_LOCK})`, [id]);
}

/** True when no run holds the job: its worker is gone (its transaction died with its connection). */
export async function tryLockRun(tx: EntityManager, id: string): Promise<boolean> {
  const [row] = await tx.query<{ free: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${RUN_LOCK}) AS free`, [id]);
  return row!.free;
}

export interface RunInput {
  status: CaptureJobEntity['status'];
  document: unknown;
  error_behaviour: CaptureJobEntity['errorBehaviour'];
  business_id: string;
  user_id: string | null;
  api_key_id: string | null;
  request: Partial<CaptureRequest>;
}

/** What a run needs, read after taking the job's lock: a run that waited finds the job done. */
export async function loadRun(tx: EntityManager, id: string): Promise<RunInput | undefined> {
  const [row] = await tx.query<RunInput[]>(
    `SELECT status, document, error_behaviour, business_id, user_id, api_key_id, request FROM capture_jobs WHERE id = $1`,
    [id],
  );
  return row;
}

/** The progress of this instance's runs, in one statement; a job that finished meanwhile keeps its final count. */
export async function writeProgress(manager: EntityManager, runs: { id: string; processed: number }[]): Promise<void> {
  await manager.query(
    `UPDATE capture_jobs j SET processed_count = r.processed
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
  owner: string,
  staleSeconds: number,
): Promise<{ id: string; attempts: number; business_id: string; owner_instance: string | null }[]> {
  return tx.query(
    `SELECT id, attempts, business_id, owner_instance FROM capture_jobs
      WHERE status = 'running' AND started_at < now() - make_interval(secs => $2)
        AND owner_instance IS DISTINCT FROM $1
      ORDER BY started_at
      FOR UPDATE SKIP LOCKED`,
    [owner, staleSeconds],
  );
}

/** The job waits for a worker again. */
export async function releaseRun(tx: EntityManager, id: string): Promise<void> {
  await tx.query(`UPDATE capture_jobs SET started_at = NULL, owner_instance = NULL WHERE id = $1`, [id]);
}

/**
 * A page of a business's jobs, newest first, after the position a page token names; with each
 * its creation time at full precision (a Date keeps only milliseconds), for the next token.
 */
export async function findJobPage(
  manager: EntityManager,
  businessId: string,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<{ job: CaptureJobEntity; sortKey: string }[]> {
  const query = manager
    .getRepository(CaptureJobEntity)
    .createQueryBuilder('job')
    .addSelect('job.created_at::text', 'sort_key')
    .where('job.business_id = :businessId', { businessId })
    .orderBy('job.created_at', 'DESC')
    .addOrderBy('job.id', 'DESC')
    .limit(limit);
  if (after) query.andWhere('(job.created_at, job.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', after);
  const { entities, raw } = await query.getRawAndEntities<{ sort_key: string }>();
  return entities.map((job, n) => ({ job, sortKey: raw[n]!.sort_key }));
}
