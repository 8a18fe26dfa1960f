import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows name an event, always: written in the same statement as their event. */
const NAMING = ['event_batches', 'event_identifiers', 'event_place_links'];

/**
 * Rows that name an event by id carry its record time too (decision record 0035): the events are
 * partitioned by month on it, and a join on the id alone probes every month's index for each row,
 * where a join on both finds the month first (run-time partition pruning). Existing rows take their
 * event's time, one UPDATE per table (the append-only triggers set aside for it), which rewrites
 * those tables: it takes a while on a large database. A flag names an event only for some kinds:
 * its time is there exactly when its event is.
 */
export class CarryEventRecordTimes1767700000000 implements MigrationInterface {
  name = 'CarryEventRecordTimes1767700000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of NAMING) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN record_time timestamptz`);
      await db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
      await db.query(`UPDATE ${table} x SET record_time = e.record_time FROM events e WHERE e.id = x.event_id`);
      await db.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
      await db.query(`ALTER TABLE ${table} ALTER COLUMN record_time SET NOT NULL`);
      await db.query(`ANALYZE ${table}`);
    }
    await db.query(`ALTER TABLE flags ADD COLUMN event_record_time timestamptz`);
    await db.query(`UPDATE flags f SET event_record_time = e.record_time FROM events e WHERE e.id = f.event_id`);
    await db.query(
      `ALTER TABLE flags ADD CONSTRAINT flags_event_record_time_check CHECK ((event_id IS NULL) = (event_record_time IS NULL))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE flags DROP COLUMN event_record_time`);
    for (const table of NAMING) await db.query(`ALTER TABLE ${table} DROP COLUMN record_time`);
  }
}
