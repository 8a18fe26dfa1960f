import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * EPCIS named queries and their subscriptions (issue #17).
 *
 * Each event keeps the id of the transaction that recorded it (`txid`). A subscription's position
 * is a transaction id and an event: everything below the oldest transaction still running in
 * this database has committed or never will, so reading up to there and storing how far
 * it read skips nothing and sends nothing twice, however transactions interleave. Events recorded
 * before this migration have none and are only read by a subscription's first run, by record time.
 *
 * A statement that records events tells every listener at commit (`nguon_events_recorded`), so
 * streaming subscriptions run as events come in, on whichever instance holds them.
 *
 * A subscription's webhook deliveries share the portal's delivery queue, signed and retried alike.
 */
export class AddNamedQueriesAndSubscriptions1767200000000 implements MigrationInterface {
  name = 'AddNamedQueriesAndSubscriptions1767200000000';

  async up(db: QueryRunner): Promise<void> {
    // Added without a default first, so the table is not rewritten: old rows keep NULL.
    await db.query(`ALTER TABLE events ADD COLUMN txid xid8`);
    await db.query(`ALTER TABLE events ALTER COLUMN txid SET DEFAULT pg_current_xact_id()`);
    await db.query(`CREATE INDEX events_txid_idx ON events (txid, id) WHERE txid IS NOT NULL`);
    await db.query(`
      CREATE FUNCTION notify_events_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('nguon_events_recorded', '');
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER events_recorded AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION notify_events_recorded()`);

    await db.query(`
      CREATE TABLE named_queries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid REFERENCES businesses (id),
        user_id uuid REFERENCES users (id),
        name text NOT NULL,
        query jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((business_id IS NULL) <> (user_id IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX named_queries_business_name ON named_queries (business_id, name) WHERE business_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX named_queries_user_name ON named_queries (user_id, name) WHERE user_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE query_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        query_id uuid NOT NULL REFERENCES named_queries (id) ON DELETE CASCADE,
        principal_kind text NOT NULL CHECK (principal_kind IN ('user', 'api_key')),
        principal_id uuid NOT NULL,
        dest text NOT NULL,
        signature_token text,
        stream boolean NOT NULL,
        schedule jsonb,
        report_if_empty boolean NOT NULL DEFAULT false,
        epc_format text NOT NULL,
        initial_record_time timestamptz NOT NULL,
        position_txid xid8 NOT NULL DEFAULT '0',
        position_event uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
        next_run_at timestamptz,
        last_run_at timestamptz,
        last_notified_at timestamptz,
        suspended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (stream = (schedule IS NULL)),
        CHECK (stream OR next_run_at IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX query_subscriptions_query_idx ON query_subscriptions (query_id)`);
    await db.query(`CREATE INDEX query_subscriptions_due_idx ON query_subscriptions (next_run_at) WHERE suspended_at IS NULL`);

    await db.query(`ALTER TABLE webhook_deliveries ALTER COLUMN webhook_id DROP NOT NULL`);
    await db.query(`ALTER TABLE webhook_deliveries ADD COLUMN subscription_id uuid REFERENCES query_subscriptions (id) ON DELETE CASCADE`);
    await db.query(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_one_target CHECK ((webhook_id IS NULL) <> (subscription_id IS NULL))`,
    );
    await db.query(
      `CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id) WHERE subscription_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM webhook_deliveries WHERE subscription_id IS NOT NULL`);
    await db.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_one_target`);
    await db.query(`ALTER TABLE webhook_deliveries DROP COLUMN subscription_id`);
    await db.query(`ALTER TABLE webhook_deliveries ALTER COLUMN webhook_id SET NOT NULL`);
    await db.query(`DROP TABLE query_subscriptions`);
    await db.query(`DROP TABLE named_queries`);
    await db.query(`DROP TRIGGER events_recorded ON events`);
    await db.query(`DROP FUNCTION notify_events_recorded()`);
    await db.query(`ALTER TABLE events DROP COLUMN txid`);
  }
}
