import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims an administrator confirms: a business's tax code and its GS1 company prefixes count
 * against others only once confirmed at verification, so a pending business blocks no one.
 * - Tax codes are unique among confirmed ones only (a partial unique index).
 * - Prefixes move to their own table; confirmed ones may not overlap (one the start of another):
 *   each prefix covers a range of GTIN-13 data digits, and an exclusion constraint refuses two
 *   confirmed ranges that meet, race-safe at the database.
 * - A GTIN is unique within its business; across businesses its confirmed prefix decides.
 * Existing verified (or suspended) businesses keep their tax code and prefix confirmed, except a
 * prefix that overlaps another verified business's: both wait for an administrator.
 */
export class ConfirmBusinessClaims1765795200000 implements MigrationInterface {
  name = 'ConfirmBusinessClaims1765795200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE businesses ADD COLUMN tax_code_confirmed boolean NOT NULL DEFAULT false`);
    await db.query(`UPDATE businesses SET tax_code_confirmed = status IN ('verified', 'suspended')`);
    await db.query(`ALTER TABLE businesses DROP CONSTRAINT businesses_tax_code_key`);
    await db.query(`CREATE UNIQUE INDEX businesses_confirmed_tax_code_key ON businesses (tax_code) WHERE tax_code_confirmed`);

    // The GTIN-13 data digits (a GTIN-14 without indicator and check digit) a prefix covers.
    await db.query(`
      CREATE FUNCTION nguon_gs1_prefix_range(prefix text) RETURNS int8range LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT int8range(rpad(prefix, 12, '0')::int8, rpad(prefix, 12, '0')::int8 + (10::numeric ^ (12 - length(prefix)))::int8) $$`);
    await db.query(`
      CREATE TABLE business_gs1_prefixes (
        business_id uuid NOT NULL REFERENCES businesses (id),
        prefix text NOT NULL CHECK (prefix ~ '^[0-9]{4,12}$'),
        confirmed boolean NOT NULL DEFAULT false,
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        coverage int8range NOT NULL GENERATED ALWAYS AS (nguon_gs1_prefix_range(prefix)) STORED,
        PRIMARY KEY (business_id, prefix),
        CONSTRAINT business_gs1_prefixes_confirmed_excl EXCLUDE USING gist (coverage WITH &&) WHERE (confirmed)
      )`);
    await db.query(`
      INSERT INTO business_gs1_prefixes (business_id, prefix)
      SELECT id, gs1_company_prefix FROM businesses WHERE gs1_company_prefix ~ '^[0-9]{4,12}$'`);
    await db.query(`
      UPDATE business_gs1_prefixes c SET confirmed = true, confirmed_at = now()
        FROM businesses b
       WHERE b.id = c.business_id AND b.status IN ('verified', 'suspended')
         AND NOT EXISTS (
           SELECT 1 FROM business_gs1_prefixes o JOIN businesses ob ON ob.id = o.business_id
            WHERE o.business_id <> c.business_id AND ob.status IN ('verified', 'suspended') AND o.coverage && c.coverage)`);
    await db.query(`ALTER TABLE businesses DROP COLUMN gs1_company_prefix`);

    await db.query(`ALTER TABLE products DROP CONSTRAINT products_gtin_key`);
    await db.query(`CREATE UNIQUE INDEX products_business_gtin_key ON products (business_id, gtin)`);
    await db.query(`CREATE INDEX products_gtin_idx ON products (gtin)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX products_gtin_idx`);
    await db.query(`DROP INDEX products_business_gtin_key`);
    await db.query(`ALTER TABLE products ADD CONSTRAINT products_gtin_key UNIQUE (gtin)`);
    await db.query(`ALTER TABLE businesses ADD COLUMN gs1_company_prefix text`);
    await db.query(`
      UPDATE businesses b SET gs1_company_prefix = (
        SELECT prefix FROM business_gs1_prefixes c WHERE c.business_id = b.id ORDER BY confirmed DESC, created_at LIMIT 1)`);
    await db.query(`DROP TABLE business_gs1_prefixes`);
    await db.query(`DROP FUNCTION nguon_gs1_prefix_range(text)`);
    await db.query(`DROP INDEX businesses_confirmed_tax_code_key`);
    await db.query(`ALTER TABLE businesses ADD CONSTRAINT businesses_tax_code_key UNIQUE (tax_code)`);
    await db.query(`ALTER TABLE businesses DROP COLUMN tax_code_confirmed`);
  }
}
