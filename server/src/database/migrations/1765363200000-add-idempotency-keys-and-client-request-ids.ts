import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys: a write sent again with the same `Idempotency-Key` by the same user or API key
 * within a day gets the first answer back instead of running twice. The row is inserted before the
 * write runs (a concurrent twin meets the unique index and is refused), and holds the
 * answer once it succeeded. Audit entries also keep the X-Request-Id the client sent, beside ours.
 */
export class AddIdempotencyKeysAndClientRequestIds1765363200000 implements MigrationInterface {
  name = 'AddIdempotencyKeysAndClientRequestIds1765363200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        api_key_id uuid REFERENCES api_keys (id) ON DELETE CASCADE,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status integer,
        response_body text,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((user_id IS NULL) <> (api_key_id IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX idempotency_keys_user_key ON idempotency_keys (user_id, key) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX idempotency_keys_api_key_key ON idempotency_keys (api_key_id, key) WHERE api_key_id IS NOT NULL`);
    await db.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
    await db.query(`ALTER TABLE audit_log ADD COLUMN client_request_id text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log DROP COLUMN client_request_id`);
    await db.query(`DROP TABLE idempotency_keys`);
  }
}
