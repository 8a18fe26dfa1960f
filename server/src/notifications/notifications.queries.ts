import type { EntityManager } from 'typeorm';

/** The recall a notice is about, with its batch and who acknowledged the notice. */
export interface RecallNoticeRow {
  notification_id: string;
  severity: string;
  reason_category: string;
  reason: string;
  recalled_at: Date;
  lifted_at: Date | null;
  batch_id: string;
  lot_code: string;
  name_vi: string;
  name_en: string;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

export function loadRecallNotices(db: EntityManager, notificationIds: string[]): Promise<RecallNoticeRow[]> {
  return db.query(
    `SELECT n.id AS notification_id, r.severity, r.reason_category, r.reason, r.recalled_at, r.lifted_at,
            b.id AS batch_id, b.lot_code, p.name_vi, p.name_en, n.acknowledged_at, u.display_name AS acknowledged_by
       FROM notifications n
       JOIN recalls r ON r.id = n.recall_id
       JOIN batches b ON b.id = r.batch_id
       JOIN products p ON p.id = b.product_id
       LEFT JOIN users u ON u.id = n.acknowledged_by
      WHERE n.id = ANY($1::uuid[])`,
    [notificationIds],
  );
}

export interface NoticeLotRow {
  id: string;
  lot_code: string;
  name_vi: string;
  name_en: string;
}

/** The lots notices name, with their product. */
export function loadNoticeLots(db: EntityManager, batchIds: string[]): Promise<NoticeLotRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, p.name_vi, p.name_en FROM batches b JOIN products p ON p.id = b.product_id WHERE b.id = ANY($1::uuid[])`,
    [batchIds],
  );
}
