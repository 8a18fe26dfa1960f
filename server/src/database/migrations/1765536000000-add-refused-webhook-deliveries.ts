import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A webhook delivery can be refused (its address turned out internal: never retried), and each
 * keeps when it was last tried, so owners see what became of it without the receiver's status.
 */
export class AddRefusedWebhookDeliveries1765536000000 implements MigrationInterface {
  name = 'AddRefusedWebhookDeliveries1765536000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await db.query(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'refused', 'failed'))`,
    );
    await db.query(`ALTER TABLE webhook_deliveries ADD COLUMN last_attempt_at timestamptz`);
    await db.query(`UPDATE webhook_deliveries SET last_attempt_at = coalesce(delivered_at, next_attempt_at) WHERE attempts > 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE webhook_deliveries SET status = 'failed' WHERE status = 'refused'`);
    await db.query(`ALTER TABLE webhook_deliveries DROP COLUMN last_attempt_at`);
    await db.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await db.query(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'failed'))`,
    );
  }
}
