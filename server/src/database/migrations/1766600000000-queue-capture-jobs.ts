import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** pg-boss's schema; its version is checked at start (decision record 0025). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * Capture jobs run on a job queue (pg-boss) instead of inside their request: the job keeps the
 * document until it is captured, who sent it (for the audit entry), its progress and its runs.
 *
 * pg-boss's own schema is installed here, so that the schema changes only by migrations: its plan
 * is one script with its own BEGIN/COMMIT and lock, so this migration runs outside TypeORM's
 * transaction, and each step may run again (a run cut off after the script committed).
 */
export class QueueCaptureJobs1766600000000 implements MigrationInterface {
  name = 'QueueCaptureJobs1766600000000';
  transaction = false;

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE capture_jobs
        ADD COLUMN IF NOT EXISTS document jsonb,
        ADD COLUMN IF NOT EXISTS request jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN IF NOT EXISTS processed_count integer NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS owner_instance uuid,
        ADD COLUMN IF NOT EXISTS started_at timestamptz`);
    // GET /epcis/capture: a business's jobs, newest first.
    await db.query(`CREATE INDEX IF NOT EXISTS capture_jobs_business_created_idx ON capture_jobs (business_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX IF NOT EXISTS capture_jobs_running_idx ON capture_jobs (started_at) WHERE status = 'running'`);
    const [installed] = await db.query(`SELECT to_regclass('${JOB_QUEUE_SCHEMA}.version') IS NOT NULL AS yes`);
    if (!installed.yes) await db.query(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA IF EXISTS ${JOB_QUEUE_SCHEMA} CASCADE`);
    await db.query(`DROP INDEX IF EXISTS capture_jobs_running_idx`);
    await db.query(`DROP INDEX IF EXISTS capture_jobs_business_created_idx`);
    await db.query(`
      ALTER TABLE capture_jobs
        DROP COLUMN IF EXISTS document,
        DROP COLUMN IF EXISTS request,
        DROP COLUMN IF EXISTS processed_count,
        DROP COLUMN IF EXISTS attempts,
        DROP COLUMN IF EXISTS owner_instance,
        DROP COLUMN IF EXISTS started_at`);
  }
}
