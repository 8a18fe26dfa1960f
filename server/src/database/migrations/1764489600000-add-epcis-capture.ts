import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The EPCIS 2.0 interface: every identifier an event names (normalised, so a query finds it in
 * whichever form it was captured), capture jobs, and error declarations, which repeat the
 * eventID of the event they declare wrong.
 */
export class AddEpcisCapture1764489600000 implements MigrationInterface {
  name = 'AddEpcisCapture1764489600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events ADD COLUMN error_declared boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE events DROP CONSTRAINT events_event_id_key`);
    await db.query(`CREATE UNIQUE INDEX events_event_id_key ON events (event_id) WHERE NOT error_declared`);
    await db.query(`CREATE UNIQUE INDEX events_error_declaration_key ON events (event_id) WHERE error_declared`);
    await db.query(`CREATE INDEX events_record_time_idx ON events (record_time)`);
    // What the EPCIS query parameters and discovery resources filter on.
    await db.query(`CREATE INDEX events_type_idx ON events (event_type, event_time)`);
    await db.query(`CREATE INDEX events_disposition_idx ON events (disposition, event_time)`);
    await db.query(`CREATE INDEX events_read_point_idx ON events (read_point) WHERE read_point IS NOT NULL`);
    await db.query(`CREATE INDEX events_biz_location_idx ON events (biz_location) WHERE biz_location IS NOT NULL`);
    await db.query(`CREATE INDEX events_business_record_idx ON events (business_id, record_time)`);

    await db.query(`
      CREATE TABLE event_identifiers (
        event_id uuid NOT NULL REFERENCES events (id),
        role text NOT NULL CHECK (role IN ('epc', 'epc_class', 'parent', 'child_epc', 'child_class', 'input_epc', 'input_class', 'output_epc', 'output_class')),
        identifier text NOT NULL,
        PRIMARY KEY (event_id, role, identifier)
      )`);
    await db.query(`CREATE INDEX event_identifiers_lookup_idx ON event_identifiers (identifier, role)`);
    await db.query(
      `CREATE TRIGGER event_identifiers_append_only BEFORE UPDATE OR DELETE ON event_identifiers FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`,
    );
    await db.query(
      `CREATE TRIGGER event_identifiers_no_truncate BEFORE TRUNCATE ON event_identifiers FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`,
    );

    await db.query(`
      CREATE TABLE capture_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid REFERENCES businesses (id),
        user_id uuid REFERENCES users (id),
        api_key_id uuid REFERENCES api_keys (id),
        status text NOT NULL CHECK (status IN ('running', 'success', 'failed', 'partial')),
        error_behaviour text NOT NULL CHECK (error_behaviour IN ('rollback', 'proceed')),
        event_count integer NOT NULL,
        captured_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE capture_jobs`);
    await db.query(`DROP TABLE event_identifiers`);
    for (const index of [
      'events_business_record_idx',
      'events_biz_location_idx',
      'events_read_point_idx',
      'events_disposition_idx',
      'events_type_idx',
      'events_record_time_idx',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    await db.query(`DROP INDEX events_error_declaration_key`);
    await db.query(`DROP INDEX events_event_id_key`);
    await db.query(`ALTER TABLE events ADD CONSTRAINT events_event_id_key UNIQUE (event_id)`);
    await db.query(`ALTER TABLE events DROP COLUMN error_declared`);
  }
}
