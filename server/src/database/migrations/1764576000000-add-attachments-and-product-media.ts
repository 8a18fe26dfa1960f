import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files (the bytes live in the attachment storage, the row says what they are), product
 * images in order, certificates of one product and certificate documents; and the indexes that
 * make "is this location still used?" an index lookup.
 */
export class AddAttachmentsAndProductMedia1764576000000 implements MigrationInterface {
  name = 'AddAttachmentsAndProductMedia1764576000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        business_id uuid NOT NULL REFERENCES businesses (id),
        file_name text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by_user_id uuid REFERENCES users (id),
        uploaded_by_api_key_id uuid REFERENCES api_keys (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX attachments_business_idx ON attachments (business_id, created_at)`);

    await db.query(`
      CREATE TABLE product_images (
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        attachment_id uuid NOT NULL REFERENCES attachments (id),
        position smallint NOT NULL CHECK (position >= 0),
        PRIMARY KEY (product_id, attachment_id),
        UNIQUE (product_id, position)
      )`);
    await db.query(`CREATE INDEX product_images_attachment_idx ON product_images (attachment_id)`);

    await db.query(`ALTER TABLE certificates ADD COLUMN product_id uuid REFERENCES products (id) ON DELETE CASCADE`);
    await db.query(`ALTER TABLE certificates ADD COLUMN document_attachment_id uuid REFERENCES attachments (id)`);
    await db.query(`CREATE INDEX certificates_product_idx ON certificates (product_id) WHERE product_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX certificates_document_idx ON certificates (document_attachment_id) WHERE document_attachment_id IS NOT NULL`,
    );

    await db.query(`CREATE INDEX batches_origin_location_idx ON batches (origin_location_id) WHERE origin_location_id IS NOT NULL`);
    await db.query(`CREATE INDEX events_location_idx ON events (location_id) WHERE location_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_location_idx`);
    await db.query(`DROP INDEX batches_origin_location_idx`);
    await db.query(`DROP INDEX certificates_document_idx`);
    await db.query(`DROP INDEX certificates_product_idx`);
    await db.query(`ALTER TABLE certificates DROP COLUMN document_attachment_id`);
    await db.query(`ALTER TABLE certificates DROP COLUMN product_id`);
    await db.query(`DROP TABLE product_images`);
    await db.query(`DROP TABLE attachments`);
  }
}
