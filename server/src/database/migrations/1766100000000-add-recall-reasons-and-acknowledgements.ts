import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `('contamination', 'undeclared_allergen', 'foreign_matter', 'mislabelling', 'counterfeit', 'quality_defect', 'other')`;

/**
 * A recall's reason gains a kind from a shared list (read in each reader's language) beside the
 * free-text details; existing recalls are `other`. A recall notice keeps the lots of its business
 * it concerns, and when and by whom a member acknowledged it, for the inspector to see.
 */
export class AddRecallReasonsAndAcknowledgements1766100000000 implements MigrationInterface {
  name = 'AddRecallReasonsAndAcknowledgements1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE recalls ADD COLUMN reason_category text NOT NULL DEFAULT 'other' CHECK (reason_category IN ${CATEGORIES})`);
    // The batch carries its recall for the consumer page, as it carries the reason and severity.
    await db.query(`ALTER TABLE batches ADD COLUMN recall_reason_category text CHECK (recall_reason_category IN ${CATEGORIES})`);
    await db.query(`UPDATE batches SET recall_reason_category = 'other' WHERE recalled_at IS NOT NULL`);

    await db.query(`ALTER TABLE notifications ADD COLUMN batch_ids uuid[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE notifications ADD COLUMN acknowledged_at timestamptz`);
    await db.query(`ALTER TABLE notifications ADD COLUMN acknowledged_by uuid REFERENCES users (id)`);
    await db.query(`CREATE INDEX notifications_recall_idx ON notifications (recall_id) WHERE recall_id IS NOT NULL`);
    // Notices written before: the recall's batches the business made or was shipped (a shipment
    // declared wrong since then still counts; the notice said so at the time).
    await db.query(`
      UPDATE notifications n SET batch_ids = coalesce((
        SELECT array_agg(DISTINCT b.id)
          FROM recalls r
          JOIN batches b ON b.id = r.batch_id OR b.id IN (SELECT rb.batch_id FROM recall_batches rb WHERE rb.recall_id = r.id)
         WHERE r.id = n.recall_id
           AND (b.business_id = n.business_id
                OR EXISTS (SELECT 1 FROM event_batches eb JOIN events e ON e.id = eb.event_id
                            WHERE eb.batch_id = b.id AND e.biz_step = 'shipping' AND e.destination_business_id = n.business_id))
      ), '{}')
      WHERE n.kind = 'recall' AND n.recall_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_recall_idx`);
    await db.query(`ALTER TABLE notifications DROP COLUMN acknowledged_by, DROP COLUMN acknowledged_at, DROP COLUMN batch_ids`);
    await db.query(`ALTER TABLE batches DROP COLUMN recall_reason_category`);
    await db.query(`ALTER TABLE recalls DROP COLUMN reason_category`);
  }
}
