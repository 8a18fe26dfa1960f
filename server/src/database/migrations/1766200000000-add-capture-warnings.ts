import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A capture job keeps, beside its errors, the warnings of events it stored that are not the whole
 * story: an identifier that matched no batch here, a party not on the portal, a place not registered.
 */
export class AddCaptureWarnings1766200000000 implements MigrationInterface {
  name = 'AddCaptureWarnings1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE capture_jobs ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE capture_jobs DROP COLUMN warnings`);
  }
}
