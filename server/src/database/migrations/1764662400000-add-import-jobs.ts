import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk imports from spreadsheets: one job per file (its outcome stays readable after the run),
 * and an index for resolving a file's lot codes in one query.
 */
export class AddImportJobs1764662400000 implements MigrationInterface {
  name = 'AddImportJobs1764662400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        kind text NOT NULL CHECK (kind IN ('batches', 'events')),
        status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        total_rows integer NOT NULL,
        processed_rows integer NOT NULL DEFAULT 0,
        batches jsonb NOT NULL DEFAULT '[]',
        failure jsonb,
        created_by_user_id uuid REFERENCES users (id),
        created_by_api_key_id uuid REFERENCES api_keys (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX import_jobs_business_idx ON import_jobs (business_id, created_at DESC)`);
    await db.query(`CREATE INDEX batches_lot_code_idx ON batches (lot_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX batches_lot_code_idx`);
    await db.query(`DROP TABLE import_jobs`);
  }
}
