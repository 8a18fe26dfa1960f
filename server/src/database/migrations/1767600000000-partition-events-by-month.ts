import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The events table's indexes, as they were, made again on the partitioned table (each partition gets its own). */
const EVENT_INDEXES = [
  // Events by eventID, as the unique indexes served them (their uniqueness is event_ids' now).
  `CREATE INDEX events_event_id_idx ON events USING btree (event_id) WHERE NOT error_declared`,
  `CREATE INDEX events_declarations_idx ON events USING btree (event_id) WHERE error_declared`,
  `CREATE INDEX events_event_time_idx ON events USING btree (event_time)`,
  `CREATE INDEX events_biz_step_idx ON events USING btree (biz_step, event_time)`,
  `CREATE INDEX events_business_idx ON events USING btree (business_id, event_time)`,
  `CREATE INDEX events_destination_idx ON events USING btree (destination_business_id) WHERE destination_business_id IS NOT NULL`,
  `CREATE INDEX events_record_time_idx ON events USING btree (record_time)`,
  `CREATE INDEX events_type_idx ON events USING btree (event_type, event_time)`,
  `CREATE INDEX events_disposition_idx ON events USING btree (disposition, event_time)`,
  `CREATE INDEX events_read_point_idx ON events USING btree (read_point) WHERE read_point IS NOT NULL`,
  `CREATE INDEX events_biz_location_idx ON events USING btree (biz_location) WHERE biz_location IS NOT NULL`,
  `CREATE INDEX events_business_record_idx ON events USING btree (business_id, record_time)`,
  `CREATE INDEX events_location_idx ON events USING btree (location_id) WHERE location_id IS NOT NULL`,
  `CREATE INDEX events_received_shipment_idx ON events USING btree ((document ->> 'nguon:shipment')) WHERE biz_step = 'receiving' AND NOT error_declared`,
  `CREATE INDEX events_shipping_destination_idx ON events USING btree (event_time) WHERE biz_step = 'shipping' AND destination_business_id IS NOT NULL`,
  `CREATE INDEX events_biz_transactions_idx ON events USING gin ((document -> 'bizTransactionList') jsonb_path_ops) WHERE document ? 'bizTransactionList'`,
  `CREATE INDEX events_sources_idx ON events USING gin ((document -> 'sourceList') jsonb_path_ops) WHERE document ? 'sourceList'`,
  `CREATE INDEX events_destinations_idx ON events USING gin ((document -> 'destinationList') jsonb_path_ops) WHERE document ? 'destinationList'`,
  `CREATE INDEX events_persistent_dispositions_idx ON events USING gin ((document -> 'persistentDisposition') jsonb_path_ops) WHERE document ? 'persistentDisposition'`,
  `CREATE INDEX events_transformation_ids_idx ON events USING btree ((document ->> 'transformationID')) WHERE document ? 'transformationID'`,
  `CREATE INDEX events_txid_idx ON events USING btree (txid, id) WHERE txid IS NOT NULL`,
  `CREATE INDEX events_sensor_elements_idx ON events USING gin ((document -> 'sensorElementList') jsonb_path_ops) WHERE document ? 'sensorElementList'`,
];

/** What the events name, as before. */
const EVENT_FOREIGN_KEYS = [
  `ALTER TABLE events ADD CONSTRAINT events_business_id_fkey FOREIGN KEY (business_id) REFERENCES businesses(id)`,
  `ALTER TABLE events ADD CONSTRAINT events_destination_business_id_fkey FOREIGN KEY (destination_business_id) REFERENCES businesses(id)`,
  `ALTER TABLE events ADD CONSTRAINT events_location_id_fkey FOREIGN KEY (location_id) REFERENCES locations(id)`,
  `ALTER TABLE events ADD CONSTRAINT events_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES users(id)`,
  `ALTER TABLE events ADD CONSTRAINT events_source_business_id_fkey FOREIGN KEY (source_business_id) REFERENCES businesses(id)`,
];

/** The tables whose rows name an event by id: their foreign keys cannot name a partitioned table's key without its record time. */
const REFERENCING = ['event_batches', 'event_identifiers', 'event_place_links', 'flags'];

/**
 * Events partitioned by record time, one partition a month (decision record 0035), so that old
 * months are cheap to keep, to vacuum and to archive (detached, dumped, dropped). An existing
 * database is converted: its events are copied into the partitions of the months they were
 * recorded in, which takes a while on a large table.
 *
 * - The key is (id, record_time): PostgreSQL's unique keys on a partitioned table include its
 *   partition key. An event's id stays unique: ids are made by the event store, in time order.
 * - An EPCIS eventID is unique across every month (once as an event, once as its error
 *   declaration): a partitioned table cannot hold such an index, so `event_ids` does, filled by a
 *   trigger from each INSERT's rows, its indexes named as the old ones (a duplicate still answers
 *   DUPLICATE_EVENT). It also answers, in one probe rather than one per month, whether an eventID
 *   is stored and by whom (capture's check) and whether an event was declared wrong.
 * - Rows that name an event (links, identifiers, places, flags) lose their foreign key to it: events
 *   are never deleted (the append-only trigger) and those rows are written with their event.
 * - `ensure_event_partitions(from, to)` makes the months from `from` to `to` that are missing; the
 *   app calls it on start and daily for the coming months (EventPartitions). A row whose month has
 *   no partition goes to `events_default`, never refused; a month with rows there keeps them there.
 */
export class PartitionEventsByMonth1767600000000 implements MigrationInterface {
  name = 'PartitionEventsByMonth1767600000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of REFERENCING) await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_event_id_fkey`);
    await db.query(`ALTER TABLE events RENAME TO events_unpartitioned`);
    await db.query(`ALTER TABLE events_unpartitioned DROP CONSTRAINT events_pkey`);
    await db.query(`DROP INDEX events_event_id_key, events_error_declaration_key`);
    for (const index of EVENT_INDEXES.slice(2)) await db.query(`DROP INDEX ${/CREATE INDEX (\w+)/.exec(index)![1]}`);

    await db.query(`CREATE TABLE events (LIKE events_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (record_time)`);
    await db.query(`ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id, record_time)`);
    await db.query(`CREATE TABLE events_default PARTITION OF events DEFAULT`);
    await db.query(`
      CREATE FUNCTION ensure_event_partitions(from_day date, to_day date) RETURNS integer AS $$
      DECLARE
        first_day date := date_trunc('month', from_day)::date;
        made integer := 0;
        name text;
        starts timestamptz;
        ends timestamptz;
      BEGIN
        -- Instances starting together make each month once.
        PERFORM pg_advisory_xact_lock(7250512);
        WHILE first_day <= to_day LOOP
          name := 'events_' || to_char(first_day, 'YYYY_MM');
          starts := first_day::timestamp AT TIME ZONE 'UTC';
          ends := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
          IF to_regclass(name) IS NULL
             AND NOT EXISTS (SELECT 1 FROM events_default WHERE record_time >= starts AND record_time < ends) THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)', name, starts, ends);
            made := made + 1;
          END IF;
          first_day := (first_day + interval '1 month')::date;
        END LOOP;
        RETURN made;
      END
      $$ LANGUAGE plpgsql`);
    // The months the events were recorded in, and this one.
    await db.query(`
      SELECT ensure_event_partitions(
        LEAST(current_date, (SELECT min(record_time) FROM events_unpartitioned)::date),
        GREATEST(current_date, (SELECT max(record_time) FROM events_unpartitioned)::date))`);
    await db.query(`INSERT INTO events SELECT * FROM events_unpartitioned`);

    await db.query(`CREATE TABLE event_ids (event_id text NOT NULL, error_declared boolean NOT NULL, business_id uuid)`);
    await db.query(`CREATE UNIQUE INDEX events_event_id_key ON event_ids (event_id) WHERE NOT error_declared`);
    await db.query(`CREATE UNIQUE INDEX events_error_declaration_key ON event_ids (event_id) WHERE error_declared`);
    await db.query(`INSERT INTO event_ids SELECT event_id, error_declared, business_id FROM events_unpartitioned`);
    await db.query(`
      CREATE FUNCTION claim_event_ids() RETURNS trigger AS $$
      BEGIN
        INSERT INTO event_ids SELECT event_id, error_declared, business_id FROM recorded;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await db.query(`
      CREATE TRIGGER events_claim_ids AFTER INSERT ON events
        REFERENCING NEW TABLE AS recorded FOR EACH STATEMENT EXECUTE FUNCTION claim_event_ids()`);
    await db.query(
      `CREATE TRIGGER event_ids_append_only BEFORE DELETE OR UPDATE ON event_ids FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`,
    );

    // The old table goes with its triggers: made again on the new one.
    await db.query(`DROP TABLE events_unpartitioned`);
    await db.query(
      `CREATE TRIGGER events_append_only BEFORE DELETE OR UPDATE ON events FOR EACH ROW EXECUTE FUNCTION refuse_event_change_but_late_places()`,
    );
    await db.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`);
    await db.query(`CREATE TRIGGER events_recorded AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION notify_events_recorded()`);
    for (const index of EVENT_INDEXES) await db.query(index);
    for (const key of EVENT_FOREIGN_KEYS) await db.query(key);
    await db.query(`ANALYZE events`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE events_unpartitioned (LIKE events INCLUDING DEFAULTS)`);
    await db.query(`INSERT INTO events_unpartitioned SELECT * FROM events`);
    await db.query(`DROP TABLE events, event_ids`);
    await db.query(`DROP FUNCTION claim_event_ids(), ensure_event_partitions(date, date)`);
    await db.query(`ALTER TABLE events_unpartitioned RENAME TO events`);
    await db.query(`ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id)`);
    await db.query(`CREATE UNIQUE INDEX events_event_id_key ON events (event_id) WHERE NOT error_declared`);
    await db.query(`CREATE UNIQUE INDEX events_error_declaration_key ON events (event_id) WHERE error_declared`);
    for (const index of EVENT_INDEXES.slice(2)) await db.query(index);
    await db.query(
      `CREATE TRIGGER events_append_only BEFORE DELETE OR UPDATE ON events FOR EACH ROW EXECUTE FUNCTION refuse_event_change_but_late_places()`,
    );
    await db.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`);
    await db.query(`CREATE TRIGGER events_recorded AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION notify_events_recorded()`);
    for (const key of EVENT_FOREIGN_KEYS) await db.query(key);
    for (const table of REFERENCING) {
      await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id)`);
    }
  }
}
