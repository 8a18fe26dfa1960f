import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipping and receiving between businesses: names are searched with or without diacritics
 * through an immutable folding function (so that indexes can use it: see the search indexes),
 * and a receiving event names the shipment it confirms (`nguon:shipment`), found by index.
 */
export class AddShipmentAndDirectorySearch1764835200000 implements MigrationInterface {
  name = 'AddShipmentAndDirectorySearch1764835200000';

  async up(db: QueryRunner): Promise<void> {
    // unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the fold fixed.
    await db.query(`
      CREATE FUNCTION nguon_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);
    await db.query(
      `CREATE INDEX events_received_shipment_idx ON events ((document ->> 'nguon:shipment')) WHERE biz_step = 'receiving' AND NOT error_declared`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_received_shipment_idx`);
    await db.query(`DROP FUNCTION nguon_fold(text)`);
  }
}
