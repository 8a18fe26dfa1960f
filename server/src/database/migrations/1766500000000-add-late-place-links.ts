import { namedPlaces } from '@nguon/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = `'epc', 'epc_class', 'parent', 'child_epc', 'child_class', 'input_epc', 'input_class', 'output_epc', 'output_class'`;
const LATE_COLUMNS = `ARRAY['location_id', 'source_business_id', 'destination_business_id']`;
const PAGE = 500;

/**
 * A place or a party registered after the events that named it is linked to them then (issue
 * #15): events index the places and parties they name, and a late link is a record of its own
 * (`event_place_links`, hashed); the event row takes the link in its place column only once that
 * record exists, and nothing else in it may change.
 */
export class AddLatePlaceLinks1766500000000 implements MigrationInterface {
  name = 'AddLatePlaceLinks1766500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_identifiers DROP CONSTRAINT event_identifiers_role_check`);
    await db.query(
      `ALTER TABLE event_identifiers ADD CONSTRAINT event_identifiers_role_check CHECK (role IN (${ROLES}, 'place', 'source', 'destination'))`,
    );
    // Parties are found by company prefix: a prefix match on the canonical `/417/` form.
    await db.query(
      `CREATE INDEX event_identifiers_places_idx ON event_identifiers (identifier text_pattern_ops, role) WHERE role IN ('place', 'source', 'destination')`,
    );
    for (let after = ''; ;) {
      const events: { id: string; document: Record<string, unknown> }[] = await db.query(
        `SELECT id, document FROM events WHERE id::text > $1 ORDER BY id::text LIMIT ${PAGE}`,
        [after],
      );
      if (!events.length) break;
      const rows = events.flatMap((e) => namedPlaces(e.document).map((p) => [e.id, p.role, p.identifier]));
      if (rows.length) {
        await db.query(
          `INSERT INTO event_identifiers (event_id, role, identifier) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`,
          [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
        );
      }
      after = events.at(-1)!.id;
    }

    await db.query(`
      CREATE TABLE event_place_links (
        event_id uuid NOT NULL REFERENCES events (id),
        field text NOT NULL CHECK (field IN ('location', 'source', 'destination')),
        linked_id uuid NOT NULL,
        linked_at timestamptz NOT NULL,
        link_hash text NOT NULL,
        PRIMARY KEY (event_id, field)
      )`);
    await db.query(
      `CREATE TRIGGER event_place_links_append_only BEFORE UPDATE OR DELETE ON event_place_links FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`,
    );
    await db.query(
      `CREATE TRIGGER event_place_links_no_truncate BEFORE TRUNCATE ON event_place_links FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`,
    );
    // An event row changes only by taking a late link into an empty place column, and only the one its record names.
    await db.query(`
      CREATE FUNCTION refuse_event_change_but_late_places() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
          AND to_jsonb(NEW) - ${LATE_COLUMNS} = to_jsonb(OLD) - ${LATE_COLUMNS}
          AND (NEW.location_id IS NOT DISTINCT FROM OLD.location_id OR (OLD.location_id IS NULL AND EXISTS (
            SELECT 1 FROM event_place_links l WHERE l.event_id = NEW.id AND l.field = 'location' AND l.linked_id = NEW.location_id)))
          AND (NEW.source_business_id IS NOT DISTINCT FROM OLD.source_business_id OR (OLD.source_business_id IS NULL AND EXISTS (
            SELECT 1 FROM event_place_links l WHERE l.event_id = NEW.id AND l.field = 'source' AND l.linked_id = NEW.source_business_id)))
          AND (NEW.destination_business_id IS NOT DISTINCT FROM OLD.destination_business_id OR (OLD.destination_business_id IS NULL AND EXISTS (
            SELECT 1 FROM event_place_links l WHERE l.event_id = NEW.id AND l.field = 'destination' AND l.linked_id = NEW.destination_business_id)))
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'events are append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`DROP TRIGGER events_append_only ON events`);
    await db.query(
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_event_change_but_late_places()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER events_append_only ON events`);
    await db.query(
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`,
    );
    await db.query(`DROP FUNCTION refuse_event_change_but_late_places()`);
    await db.query(`DROP TABLE event_place_links`);
    // Rows of the new roles go with the rule that allowed them: the table refuses deletes, so for this moment only.
    await db.query(`ALTER TABLE event_identifiers DISABLE TRIGGER event_identifiers_append_only`);
    await db.query(`DELETE FROM event_identifiers WHERE role IN ('place', 'source', 'destination')`);
    await db.query(`ALTER TABLE event_identifiers ENABLE TRIGGER event_identifiers_append_only`);
    await db.query(`DROP INDEX event_identifiers_places_idx`);
    await db.query(`ALTER TABLE event_identifiers DROP CONSTRAINT event_identifiers_role_check`);
    await db.query(`ALTER TABLE event_identifiers ADD CONSTRAINT event_identifiers_role_check CHECK (role IN (${ROLES}))`);
  }
}
