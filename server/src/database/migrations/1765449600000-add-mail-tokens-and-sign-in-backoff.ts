import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proving a mailbox: confirmed addresses, single-use expiring tokens kept only as hashes (email
 * confirmation and invitations), per-account sign-in failures shared by every instance, and
 * notices meant for a business's owners only.
 */
export class AddMailTokensAndSignInBackoff1765449600000 implements MigrationInterface {
  name = 'AddMailTokensAndSignInBackoff1765449600000';

  async up(db: QueryRunner): Promise<void> {
    // Accounts made before confirmation existed keep working: they may already own businesses.
    await db.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await db.query(`UPDATE users SET email_verified_at = created_at`);

    await db.query(`
      CREATE TABLE email_verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX email_verifications_user_idx ON email_verifications (user_id, created_at DESC)`);

    // Invitations waiting from before have no token: an owner re-sends them to get one.
    await db.query(
      `ALTER TABLE business_invitations ADD COLUMN token_hash text UNIQUE, ADD COLUMN expires_at timestamptz, ADD COLUMN accepted_by uuid REFERENCES users (id)`,
    );
    await db.query(`UPDATE business_invitations SET expires_at = created_at + interval '7 days'`);
    await db.query(`ALTER TABLE business_invitations ALTER COLUMN expires_at SET NOT NULL`);

    await db.query(`
      CREATE TABLE sign_in_failures (
        email_key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failed_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    await db.query(
      `ALTER TABLE notifications ADD COLUMN for_role text CHECK (for_role IN ('owner', 'staff')), ADD COLUMN not_for_user uuid REFERENCES users (id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN for_role, DROP COLUMN not_for_user`);
    await db.query(`DROP TABLE sign_in_failures`);
    await db.query(`ALTER TABLE business_invitations DROP COLUMN token_hash, DROP COLUMN expires_at, DROP COLUMN accepted_by`);
    await db.query(`DROP TABLE email_verifications`);
    await db.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
