import type { EntityManager } from 'typeorm';
import { CaptureJobEntity, type CaptureRequest } from './capture-job.entity.js';

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
