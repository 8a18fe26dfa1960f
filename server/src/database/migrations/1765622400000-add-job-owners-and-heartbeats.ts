import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import jobs name the instance running them and carry its heartbeat, so a job whose process
 * died (kill -9, a crash, a lost machine) is found and failed instead of staying `running`.
 * A job already running when this runs gets the time of the migration as its heartbeat: if its
 * process is gone, the sweep fails it once that heartbeat is stale. An interrupted job's failure
 * names no row.
 */
export class AddJobOwnersAndHeartbeats1765622400000 implements MigrationInterface {
  name = 'AddJobOwnersAndHeartbeats1765622400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE import_jobs ADD COLUMN owner_instance uuid`);
    await db.query(`ALTER TABLE import_jobs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`CREATE INDEX import_jobs_running_idx ON import_jobs (heartbeat_at) WHERE status = 'running'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX import_jobs_running_idx`);
    await db.query(`ALTER TABLE import_jobs DROP COLUMN heartbeat_at`);
    await db.query(`ALTER TABLE import_jobs DROP COLUMN owner_instance`);
  }
}
