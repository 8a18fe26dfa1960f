import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files kept in PostgreSQL, so that a file uploaded through one instance is shown through
 * every other (before, each instance kept them on its own disk). Files already on an instance's disk
 * move in the first time they are asked for (DatabaseAttachmentStorage). Photos and PDFs are
 * compressed already: their bytes are stored as they are, not compressed again.
 */
export class KeepAttachmentFilesInTheDatabase1767500000000 implements MigrationInterface {
  name = 'KeepAttachmentFilesInTheDatabase1767500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE attachment_files (
        key text PRIMARY KEY,
        bytes bytea NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE attachment_files ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE attachment_files`);
  }
}
