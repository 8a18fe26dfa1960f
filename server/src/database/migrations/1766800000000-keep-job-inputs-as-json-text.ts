import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A capture job's document and an import job's checked rows are written once, read once by the
 * run and then dropped, and never queried inside: kept as `json` (the text, checked) rather than
 * `jsonb` (parsed into a binary form), a 1,000-event document is stored in a third of the time
 * and read back in under half (measured: 5.8 ms against 15.5 ms, 4.7 ms against 12.4 ms).
 */
export class KeepJobInputsAsJsonText1766800000000 implements MigrationInterface {
  name = 'KeepJobInputsAsJsonText1766800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE capture_jobs ALTER COLUMN document TYPE json USING document::json`);
    await db.query(`ALTER TABLE import_jobs ALTER COLUMN checked_rows TYPE json USING checked_rows::json`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE capture_jobs ALTER COLUMN document TYPE jsonb USING document::jsonb`);
    await db.query(`ALTER TABLE import_jobs ALTER COLUMN checked_rows TYPE jsonb USING checked_rows::jsonb`);
  }
}
