import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On the embedded database a capture job's run commits in steps, each recording the job's result
 * so far, so that a run cut off goes on where it stood: the warnings beyond those listed are
 * counted too, to be said at the end.
 */
export class CountUnlistedCaptureWarnings1766900000000 implements MigrationInterface {
  name = 'CountUnlistedCaptureWarnings1766900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE capture_jobs ADD COLUMN unlisted_warnings integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE capture_jobs DROP COLUMN unlisted_warnings`);
  }
}
