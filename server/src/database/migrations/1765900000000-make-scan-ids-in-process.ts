import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scan ids become UUIDs the server makes itself (version 7: time first), so a scan can be answered,
 * with its token, before its row is written in the next batch of scans. Existing scans get a
 * version-7 id from their time and old number: the order by id stays the order of the scans.
 */
export class MakeScanIdsInProcess1765900000000 implements MigrationInterface {
  name = 'MakeScanIdsInProcess1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE scans ALTER COLUMN id DROP IDENTITY`);
    await db.query(`
      ALTER TABLE scans ALTER COLUMN id TYPE uuid USING (
        lpad(to_hex(floor(extract(epoch FROM scanned_at) * 1000)::bigint), 12, '0') || '7000' || '8' || lpad(to_hex(id), 15, '0')
      )::uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE scans ALTER COLUMN id TYPE bigint USING ('x' || lpad(right(replace(id::text, '-', ''), 15), 16, '0'))::bit(64)::bigint`,
    );
    await db.query(`ALTER TABLE scans ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY`);
    await db.query(`SELECT setval(pg_get_serial_sequence('scans', 'id'), coalesce((SELECT max(id) FROM scans), 0) + 1, false)`);
  }
}
