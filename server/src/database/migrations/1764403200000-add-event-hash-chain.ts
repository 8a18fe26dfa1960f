import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tamper evidence (and TRUNCATE refused on the append-only tables): each event's record hash covers its stored content and, for every batch it
 * touches, the record hash of that batch's previous event (its place in the batch's chain).
 * Events stored before this migration have no hash and are reported as unchained.
 */
export class AddEventHashChain1764403200000 implements MigrationInterface {
  name = 'AddEventHashChain1764403200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events ADD COLUMN record_hash text`);
    await db.query(`ALTER TABLE event_batches ADD COLUMN seq integer, ADD COLUMN prev_hash text`);
    // One event per place in a batch's chain: two writers can never fork it.
    await db.query(`CREATE UNIQUE INDEX event_batches_chain_key ON event_batches (batch_id, seq) WHERE seq IS NOT NULL`);
    // TRUNCATE skips row triggers: refuse it on the append-only tables as well.
    await db.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`);
    await db.query(
      `CREATE TRIGGER event_batches_no_truncate BEFORE TRUNCATE ON event_batches FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`,
    );
    await db.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await db.query(`DROP TRIGGER event_batches_no_truncate ON event_batches`);
    await db.query(`DROP TRIGGER events_no_truncate ON events`);
    await db.query(`DROP INDEX event_batches_chain_key`);
    await db.query(`ALTER TABLE event_batches DROP COLUMN seq, DROP COLUMN prev_hash`);
    await db.query(`ALTER TABLE events DROP COLUMN record_hash`);
  }
}
