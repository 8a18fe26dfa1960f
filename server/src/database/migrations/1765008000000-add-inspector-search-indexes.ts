import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inspector's batch search across every business: texts found with or without diacritics by
 * trigram indexes on the folded text (`nguon_fold`, from the directory search), lot codes and
 * tax codes by prefix, batches by production date and status.
 */
export class AddInspectorSearchIndexes1765008000000 implements MigrationInterface {
  name = 'AddInspectorSearchIndexes1765008000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX products_name_vi_fold_idx ON products USING gin (nguon_fold(name_vi) gin_trgm_ops)`);
    await db.query(`CREATE INDEX products_name_en_fold_idx ON products USING gin (nguon_fold(name_en) gin_trgm_ops)`);
    // Serves the inspector's search, the business list and the shipping directory alike.
    await db.query(`CREATE INDEX businesses_name_fold_idx ON businesses USING gin (nguon_fold(legal_name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX businesses_tax_code_prefix_idx ON businesses (tax_code text_pattern_ops)`);
    await db.query(`CREATE INDEX locations_name_fold_idx ON locations USING gin (nguon_fold(name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX batches_lot_code_fold_idx ON batches USING gin (nguon_fold(lot_code) gin_trgm_ops)`);
    await db.query(`CREATE INDEX batches_lot_code_prefix_idx ON batches (lot_code varchar_pattern_ops)`);
    await db.query(`CREATE INDEX batches_production_date_idx ON batches (production_date)`);
    await db.query(`CREATE INDEX batches_status_idx ON batches (status, production_date)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'batches_status_idx',
      'batches_production_date_idx',
      'batches_lot_code_prefix_idx',
      'batches_lot_code_fold_idx',
      'locations_name_fold_idx',
      'businesses_tax_code_prefix_idx',
      'businesses_name_fold_idx',
      'products_name_en_fold_idx',
      'products_name_vi_fold_idx',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
  }
}
