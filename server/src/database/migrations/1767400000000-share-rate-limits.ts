import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits counted across instances: each instance adds its clients' hits of the current
 * minute here twice a second and reads every instance's totals back (RateLimitSync). Unlogged:
 * counts of a minute are not worth a write-ahead log, and a crash that empties the table only
 * forgives one minute's hits.
 */
export class ShareRateLimits1767400000000 implements MigrationInterface {
  name = 'ShareRateLimits1767400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limit_hits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit_hits`);
  }
}
