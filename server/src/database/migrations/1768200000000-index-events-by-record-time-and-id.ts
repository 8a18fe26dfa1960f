import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rows that name an event find it by id and record time (decision record 0035), and a captured
 * document's events share one record time. Statistics that took record times for unique (taken
 * before a large document) made PostgreSQL find such an event through the record-time index and
 * read every event of that record time: each chain head of a capture read a whole document's
 * events. An index on both columns answers both. The record-time index stays: without it the
 * planner joined the shipments of a trace by hashing every month's events.
 */
export class IndexEventsByRecordTimeAndId1768200000000 implements MigrationInterface {
  name = 'IndexEventsByRecordTimeAndId1768200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX events_record_time_id_idx ON events (record_time, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_record_time_id_idx`);
  }
}
