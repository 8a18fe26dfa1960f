import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * EPCIS page tokens deleted by their holder (`DELETE /epcis/nextPageToken/{token}`): tokens are
 * signed and hold no state, so a deleted one is refused by its signature, kept until the token
 * would have expired.
 */
export class RevokePageTokens1767000000000 implements MigrationInterface {
  name = 'RevokePageTokens1767000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE revoked_page_tokens (signature text PRIMARY KEY, expires_at timestamptz NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE revoked_page_tokens`);
  }
}
