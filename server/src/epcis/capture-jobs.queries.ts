import type { EntityManager } from 'typeorm';
import { CaptureJobEntity, type CaptureError, type CaptureRequest, type CaptureWarning } from './capture-job.entity.js';
import type { CaptureRecord } from './capture-tally.js';

export interface RunInput {
  status: CaptureJobEntity['status'];
  document: unknown;
  error_behaviour: CaptureJobEntity['errorBehaviour'];
  business_id: string;
  user_id: string | null;
  api_key_id: string | null;
  request: Partial<CaptureRequest>;
  /** What earlier runs' committed steps did (on the embedded database; else nothing). */
  processed_count: number;
  captured_count: number;
  errors: CaptureError[];
  warnings: CaptureWarning[];
  unlisted_warnings: number;
}

/**
 * What a run needs, read after taking the job's lock: a run that waited finds the job done. The
 * document only when asked for (null otherwise): the instance that took the POST has it already.
 */
export async function loadRun(tx: EntityManager, id: string, withDocument: boolean): Promise<RunInput | undefined> {
  const [row] = await tx.query<RunInput[]>(
    `SELECT status, CASE WHEN $2 THEN document END AS document, error_behaviour, business_id, user_id, api_key_id, request,
            processed_count, captured_count, errors, warnings, unlisted_warnings
       FROM capture_jobs WHERE id = $1`,
    [id, withDocument],
  );
  return row;
}

/**
 * A committed step's part of the job's result, for a run that goes on after it: the counts, and
 * the errors and warnings it added (appended, so that a step does not write the lists again).
 */
export async function recordStep(tx: EntityManager, id: string, processed: number, step: CaptureRecord): Promise<void> {
  await tx.query(
    `UPDATE capture_jobs
        SET processed_count = $2, captured_count = $3, unlisted_warnings = $4,
            errors = CASE WHEN $5::jsonb = '[]' THEN errors ELSE errors || $5::jsonb END,
            warnings = CASE WHEN $6::jsonb = '[]' THEN warnings ELSE warnings || $6::jsonb END
      WHERE id = $1`,
    [id, processed, step.capturedCount, step.unlistedWarnings, JSON.stringify(step.newErrors), JSON.stringify(step.newWarnings)],
  );
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
