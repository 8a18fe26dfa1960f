import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The EPCIS query parameters that look inside an event's lists (`EQ_bizTransaction_{type}`,
 * `EQ_source_{type}`, `EQ_destination_{type}`, `EQ_persistentDisposition_set/unset`) and at its
 * transformationID, each through an index. Partial: only the events that have the list are in
 * it, so the many that do not cost nothing more to store.
 */
export class IndexEventListsForQueries1767100000000 implements MigrationInterface {
  name = 'IndexEventListsForQueries1767100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const [index, list] of LISTS) {
      await db.query(`CREATE INDEX ${index} ON events USING gin ((document->'${list}') jsonb_path_ops) WHERE document ? '${list}'`);
    }
    await db.query(
      `CREATE INDEX events_transformation_ids_idx ON events ((document->>'transformationID')) WHERE document ? 'transformationID'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [index] of LISTS) await db.query(`DROP INDEX ${index}`);
    await db.query(`DROP INDEX events_transformation_ids_idx`);
  }
}

const LISTS = [
  ['events_biz_transactions_idx', 'bizTransactionList'],
  ['events_sources_idx', 'sourceList'],
  ['events_destinations_idx', 'destinationList'],
  ['events_persistent_dispositions_idx', 'persistentDisposition'],
] as const;
