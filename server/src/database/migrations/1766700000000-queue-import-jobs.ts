import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a job cut off before this migration says (the words of RULE_MESSAGES.imports.interrupted then). */
const INTERRUPTED = {
  row: null,
  message: {
    vi: 'Lượt nhập bị ngắt giữa chừng vì máy chủ chạy nó đã dừng; không dòng nào được lưu. Hãy nhập lại tệp.',
    en: 'The import was cut off because the server running it stopped; no row was stored. Import the file again.',
  },
};

/**
 * Import jobs run on the job queue, as capture jobs do (decision record 0025): the job keeps the
 * file's checked rows until its run ends, who sent it (for the audit entries), and its runs. A
 * run's liveness is its lock, not a heartbeat, so `heartbeat_at` goes; the sweep looks for runs
 * by when they started.
 *
 * A job still running when this runs was started by a process before it, which kept no rows to
 * run it from: it is failed as that process's sweep would have failed it.
 */
export class QueueImportJobs1766700000000 implements MigrationInterface {
  name = 'QueueImportJobs1766700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `UPDATE import_jobs SET status = 'failed', processed_rows = 0, failure = $1, finished_at = now(), owner_instance = NULL
        WHERE status = 'running'`,
      [JSON.stringify(INTERRUPTED)],
    );
    await db.query(`
      ALTER TABLE import_jobs
        ADD COLUMN checked_rows jsonb,
        ADD COLUMN request jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN started_at timestamptz`);
    await db.query(`DROP INDEX import_jobs_running_idx`);
    await db.query(`ALTER TABLE import_jobs DROP COLUMN heartbeat_at`);
    await db.query(`CREATE INDEX import_jobs_running_idx ON import_jobs (started_at) WHERE status = 'running'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX import_jobs_running_idx`);
    await db.query(`ALTER TABLE import_jobs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`CREATE INDEX import_jobs_running_idx ON import_jobs (heartbeat_at) WHERE status = 'running'`);
    await db.query(`
      ALTER TABLE import_jobs
        DROP COLUMN checked_rows,
        DROP COLUMN request,
        DROP COLUMN attempts,
        DROP COLUMN started_at`);
  }
}
