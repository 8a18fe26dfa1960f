import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, businesses and their master data, batches, the EPCIS event store and scans. */
export class CreateCoreSchema1764230400000 implements MigrationInterface {
  name = 'CreateCoreSchema1764230400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'inspector', 'member')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await db.query(`
      CREATE TABLE businesses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        legal_name text NOT NULL,
        tax_code text NOT NULL UNIQUE,
        address_line text NOT NULL,
        commune text NOT NULL,
        province text NOT NULL,
        phone text,
        email text,
        gs1_company_prefix text,
        gln char(13),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'suspended')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE business_members (
        business_id uuid NOT NULL REFERENCES businesses (id),
        user_id uuid NOT NULL REFERENCES users (id),
        role text NOT NULL CHECK (role IN ('owner', 'staff')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, user_id)
      )`);
    await db.query(`CREATE INDEX business_members_user_idx ON business_members (user_id)`);

    await db.query(`
      CREATE TABLE locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        kind text NOT NULL,
        name text NOT NULL,
        address text NOT NULL,
        province text NOT NULL,
        gln char(13),
        latitude double precision,
        longitude double precision,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX locations_business_idx ON locations (business_id)`);

    await db.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        name_vi text NOT NULL,
        name_en text NOT NULL,
        description_vi text,
        description_en text,
        category text NOT NULL,
        brand text,
        image_url text,
        gtin char(14) UNIQUE,
        unit text NOT NULL,
        shelf_life_days integer,
        standards text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX products_business_idx ON products (business_id)`);

    await db.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES businesses (id),
        kind text NOT NULL,
        name text NOT NULL,
        number text,
        issuer text NOT NULL,
        valid_from date,
        valid_to date,
        stars smallint CHECK (stars BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX certificates_business_idx ON certificates (business_id)`);

    await db.query(`
      CREATE TABLE batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id),
        business_id uuid NOT NULL REFERENCES businesses (id),
        lot_code varchar(20) NOT NULL,
        display_name text,
        short_code text NOT NULL UNIQUE,
        production_date date NOT NULL,
        expiry_date date,
        best_before_date date,
        quantity numeric,
        unit text,
        origin_location_id uuid REFERENCES locations (id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_hold', 'recalled', 'closed')),
        recall_reason text,
        recalled_at timestamptz,
        scan_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (product_id, lot_code)
      )`);
    await db.query(`CREATE INDEX batches_business_idx ON batches (business_id, created_at DESC)`);

    // The EPCIS event as received (document) plus the projections that queries filter on.
    await db.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id text NOT NULL UNIQUE,
        event_type text NOT NULL,
        action text,
        biz_step text,
        disposition text,
        event_time timestamptz NOT NULL,
        event_time_zone_offset text NOT NULL,
        record_time timestamptz NOT NULL DEFAULT now(),
        read_point text,
        biz_location text,
        location_id uuid REFERENCES locations (id),
        business_id uuid REFERENCES businesses (id),
        recorded_by uuid REFERENCES users (id),
        source_business_id uuid REFERENCES businesses (id),
        destination_business_id uuid REFERENCES businesses (id),
        document jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX events_event_time_idx ON events (event_time)`);
    await db.query(`CREATE INDEX events_biz_step_idx ON events (biz_step, event_time)`);
    await db.query(`CREATE INDEX events_business_idx ON events (business_id, event_time)`);
    await db.query(`CREATE INDEX events_destination_idx ON events (destination_business_id) WHERE destination_business_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE event_batches (
        event_id uuid NOT NULL REFERENCES events (id),
        batch_id uuid NOT NULL REFERENCES batches (id),
        role text NOT NULL CHECK (role IN ('subject', 'input', 'output', 'parent', 'child')),
        quantity numeric,
        unit text,
        PRIMARY KEY (event_id, batch_id, role)
      )`);
    await db.query(`CREATE INDEX event_batches_batch_idx ON event_batches (batch_id, role)`);

    // Events are never edited or deleted: a mistake is corrected by a new event.
    await db.query(`
      CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`,
    );
    await db.query(
      `CREATE TRIGGER event_batches_append_only BEFORE UPDATE OR DELETE ON event_batches FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`,
    );

    await db.query(`
      CREATE TABLE scans (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        batch_id uuid NOT NULL REFERENCES batches (id),
        scanned_at timestamptz NOT NULL DEFAULT now(),
        client_class text NOT NULL
      )`);
    await db.query(`CREATE INDEX scans_batch_idx ON scans (batch_id, scanned_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'scans',
      'event_batches',
      'events',
      'batches',
      'certificates',
      'products',
      'locations',
      'business_members',
      'businesses',
      'users',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS refuse_event_change()`);
  }
}
