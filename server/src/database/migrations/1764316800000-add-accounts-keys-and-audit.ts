import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and tenancy: sign-in sessions that can be revoked, business verification decisions,
 * staff invitations, API keys for machines, and the append-only audit log of every write.
 */
export class AddAccountsKeysAndAudit1764316800000 implements MigrationInterface {
  name = 'AddAccountsKeysAndAudit1764316800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);

    await db.query(`ALTER TABLE businesses DROP CONSTRAINT businesses_status_check`);
    await db.query(
      `ALTER TABLE businesses ADD CONSTRAINT businesses_status_check CHECK (status IN ('pending', 'verified', 'rejected', 'suspended'))`,
    );
    await db.query(
      `ALTER TABLE businesses ADD COLUMN status_reason text, ADD COLUMN status_changed_at timestamptz, ADD COLUMN status_changed_by uuid REFERENCES users (id)`,
    );
    await db.query(`CREATE INDEX businesses_status_idx ON businesses (status, created_at)`);

    await db.query(`
      CREATE TABLE business_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'staff')),
        invited_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX business_invitations_open_key ON business_invitations (business_id, lower(email)) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX business_invitations_email_idx ON business_invitations (lower(email)) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_keys_business_idx ON api_keys (business_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        user_id uuid REFERENCES users (id),
        api_key_id uuid REFERENCES api_keys (id),
        business_id uuid REFERENCES businesses (id),
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        client_address text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_log_business_idx ON audit_log (business_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_log_user_idx ON audit_log (user_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_id, occurred_at DESC)`);
    await db.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION refuse_audit_change()`);
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE business_invitations`);
    await db.query(`DROP INDEX businesses_status_idx`);
    await db.query(`ALTER TABLE businesses DROP COLUMN status_reason, DROP COLUMN status_changed_at, DROP COLUMN status_changed_by`);
    await db.query(`ALTER TABLE businesses DROP CONSTRAINT businesses_status_check`);
    await db.query(`ALTER TABLE businesses ADD CONSTRAINT businesses_status_check CHECK (status IN ('pending', 'verified', 'suspended'))`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`ALTER TABLE users DROP COLUMN disabled_at`);
  }
}
