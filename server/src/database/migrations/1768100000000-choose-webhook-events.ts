import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook chooses what it hears of (recalls, the transparency log's daily checkpoints); those
 * made before hear of recalls, as they did. A day's checkpoint goes to a webhook once: a unique
 * index, whichever instance queues it.
 */
export class ChooseWebhookEvents1768100000000 implements MigrationInterface {
  name = 'ChooseWebhookEvents1768100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks ADD COLUMN events text[] NOT NULL DEFAULT '{recall.created,recall.lifted}'`);
    await db.query(`ALTER TABLE webhooks ALTER COLUMN events DROP DEFAULT`);
    await db.query(
      `CREATE UNIQUE INDEX webhook_deliveries_checkpoint_day_idx ON webhook_deliveries (webhook_id, (payload ->> 'day'))
        WHERE event_type = 'log.checkpoint'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX webhook_deliveries_checkpoint_day_idx`);
    await db.query(`ALTER TABLE webhooks DROP COLUMN events`);
  }
}
