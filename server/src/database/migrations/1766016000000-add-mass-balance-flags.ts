import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['unreceived_shipment', 'outputs_exceed_inputs', 'missing_data', 'consumer_report', 'improbable_scans'];

/** Inspectors' flags gain a kind: more left a batch (shipped, used, sold) than its holder had of it. */
export class AddMassBalanceFlags1766016000000 implements MigrationInterface {
  name = 'AddMassBalanceFlags1766016000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE flags DROP CONSTRAINT flags_kind_check`);
    await db.query(
      `ALTER TABLE flags ADD CONSTRAINT flags_kind_check CHECK (kind IN (${[...KINDS, 'mass_balance_exceeded'].map((k) => `'${k}'`).join(', ')}))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM flag_notes WHERE flag_id IN (SELECT id FROM flags WHERE kind = 'mass_balance_exceeded')`);
    await db.query(`DELETE FROM flags WHERE kind = 'mass_balance_exceeded'`);
    await db.query(`ALTER TABLE flags DROP CONSTRAINT flags_kind_check`);
    await db.query(`ALTER TABLE flags ADD CONSTRAINT flags_kind_check CHECK (kind IN (${KINDS.map((k) => `'${k}'`).join(', ')}))`);
  }
}
