import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What inspectors work through, and their audit trail of a batch: consumers' reports, and flags raised on records that look wrong
 * (each found once, by a key naming what it is about), with a status and notes. Scans may carry a
 * coarse place (about 10 km) when the visitor chose to share it, to spot copied codes.
 */
export class AddFlagsReportsAuditByBatch1765190400000 implements MigrationInterface {
  name = 'AddFlagsReportsAuditByBatch1765190400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE scans ADD COLUMN latitude numeric(4, 1) CHECK (latitude BETWEEN -90 AND 90)`);
    await db.query(`ALTER TABLE scans ADD COLUMN longitude numeric(4, 1) CHECK (longitude BETWEEN -180 AND 180)`);
    await db.query(`CREATE INDEX scans_placed_idx ON scans (scanned_at) WHERE latitude IS NOT NULL`);

    await db.query(`
      CREATE TABLE consumer_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES batches (id),
        category text NOT NULL CHECK (category IN ('counterfeit', 'quality', 'labelling', 'expired', 'other')),
        message text NOT NULL,
        contact text,
        photo_key text,
        photo_type text,
        locale text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX consumer_reports_batch_idx ON consumer_reports (batch_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('unreceived_shipment', 'outputs_exceed_inputs', 'missing_data', 'consumer_report', 'improbable_scans')),
        dedupe_key text NOT NULL UNIQUE,
        batch_id uuid REFERENCES batches (id),
        business_id uuid REFERENCES businesses (id),
        event_id uuid REFERENCES events (id),
        report_id uuid REFERENCES consumer_reports (id),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_review', 'closed')),
        detected_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX flags_status_idx ON flags (status, detected_at DESC)`);
    await db.query(`CREATE INDEX flags_batch_idx ON flags (batch_id)`);
    await db.query(`
      CREATE TABLE flag_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        flag_id uuid NOT NULL REFERENCES flags (id),
        author_id uuid NOT NULL REFERENCES users (id),
        status text CHECK (status IN ('open', 'in_review', 'closed')),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX flag_notes_flag_idx ON flag_notes (flag_id, created_at)`);
    // Shipping events waiting for their receipt: what the unreceived-shipment check reads.
    await db.query(
      `CREATE INDEX events_shipping_destination_idx ON events (event_time) WHERE biz_step = 'shipping' AND destination_business_id IS NOT NULL`,
    );
    // The audit trail of a batch: entries of events recorded on it name it in details.batches.
    await db.query(`CREATE INDEX audit_log_batches_idx ON audit_log USING gin ((details->'batches') jsonb_path_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_log_batches_idx`);
    await db.query(`DROP INDEX events_shipping_destination_idx`);
    for (const table of ['flag_notes', 'flags', 'consumer_reports']) await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP INDEX scans_placed_idx`);
    await db.query(`ALTER TABLE scans DROP COLUMN latitude, DROP COLUMN longitude`);
  }
}
