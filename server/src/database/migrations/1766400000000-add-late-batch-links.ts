import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A batch registered after events that named it is linked to them then: such a link is a record
 * of its own in the batch's chain, with when it was made and its own hash (the event's record
 * hash covers only the links it was stored with, which never change).
 */
export class AddLateBatchLinks1766400000000 implements MigrationInterface {
  name = 'AddLateBatchLinks1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_batches ADD COLUMN linked_at timestamptz, ADD COLUMN link_hash text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_batches DROP COLUMN linked_at, DROP COLUMN link_hash`);
  }
}
