import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A capture job may run with `GS1-Capture-Error-Behaviour: all`: every event checked and every
 * error reported, then nothing stored if there was one.
 */
export class AllowCaptureBehaviourAll1766300000000 implements MigrationInterface {
  name = 'AllowCaptureBehaviourAll1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE capture_jobs DROP CONSTRAINT capture_jobs_error_behaviour_check`);
    await db.query(
      `ALTER TABLE capture_jobs ADD CONSTRAINT capture_jobs_error_behaviour_check CHECK (error_behaviour IN ('rollback', 'proceed', 'all'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM capture_jobs WHERE error_behaviour = 'all'`);
    await db.query(`ALTER TABLE capture_jobs DROP CONSTRAINT capture_jobs_error_behaviour_check`);
    await db.query(
      `ALTER TABLE capture_jobs ADD CONSTRAINT capture_jobs_error_behaviour_check CHECK (error_behaviour IN ('rollback', 'proceed'))`,
    );
  }
}
