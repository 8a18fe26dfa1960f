import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recalls and what they set off: the batches downstream of a recalled one, notices to the
 * businesses affected, and webhook deliveries queued in PostgreSQL (the one store) until sent.
 */
export class AddRecallsNotificationsWebhooks1764921600000 implements MigrationInterface {
  name = 'AddRecallsNotificationsWebhooks1764921600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE batches ADD COLUMN recall_severity text CHECK (recall_severity IN ('class_i', 'class_ii', 'class_iii'))`);
    await db.query(`
      CREATE TABLE recalls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES batches (id),
        severity text NOT NULL CHECK (severity IN ('class_i', 'class_ii', 'class_iii')),
        reason text NOT NULL,
        recalled_by uuid NOT NULL REFERENCES users (id),
        recalled_at timestamptz NOT NULL DEFAULT now(),
        lifted_by uuid REFERENCES users (id),
        lifted_at timestamptz,
        lift_reason text
      )`);
    // At most one recall in force per batch.
    await db.query(`CREATE UNIQUE INDEX recalls_active_key ON recalls (batch_id) WHERE lifted_at IS NULL`);
    await db.query(`CREATE INDEX recalls_recalled_at_idx ON recalls (recalled_at DESC)`);
    await db.query(`
      CREATE TABLE recall_batches (
        recall_id uuid NOT NULL REFERENCES recalls (id),
        batch_id uuid NOT NULL REFERENCES batches (id),
        depth integer NOT NULL CHECK (depth > 0),
        PRIMARY KEY (recall_id, batch_id)
      )`);
    await db.query(`CREATE INDEX recall_batches_batch_idx ON recall_batches (batch_id)`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        kind text NOT NULL,
        title jsonb NOT NULL,
        body jsonb NOT NULL,
        batch_id uuid REFERENCES batches (id),
        recall_id uuid REFERENCES recalls (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX notifications_business_idx ON notifications (business_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        url text NOT NULL,
        secret text NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    await db.query(`CREATE INDEX webhooks_business_idx ON webhooks (business_id) WHERE disabled_at IS NULL`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id),
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await db.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['webhook_deliveries', 'webhooks', 'notifications', 'recall_batches', 'recalls'])
      await db.query(`DROP TABLE ${table}`);
    await db.query(`ALTER TABLE batches DROP COLUMN recall_severity`);
  }
}
