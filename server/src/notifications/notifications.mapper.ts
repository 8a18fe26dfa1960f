import type { NotificationView, RecallNoticeView, RecallReasonCategory, RecallSeverity } from '@nguon/shared';
import type { NotificationEntity } from './notification.entity.js';
import type { NoticeLotRow, RecallNoticeRow } from './notifications.queries.js';

const lotOf = (row: NoticeLotRow) => ({ batchId: row.id, lotCode: row.lot_code, productName: { vi: row.name_vi, en: row.name_en } });

/** A recall notice as data: the recall, and the business's own lots it concerns (in the order the notice named them). */
export function mapRecallNotice(notice: NotificationEntity, recall: RecallNoticeRow, lots: Map<string, NoticeLotRow>): RecallNoticeView {
  return {
    severity: recall.severity as RecallSeverity,
    reasonCategory: recall.reason_category as RecallReasonCategory,
    reason: recall.reason,
    recalledAt: recall.recalled_at.toISOString(),
    liftedAt: recall.lifted_at?.toISOString() ?? null,
    batch: { batchId: recall.batch_id, lotCode: recall.lot_code, productName: { vi: recall.name_vi, en: recall.name_en } },
    lots: (notice.batchIds ?? []).flatMap((id) => {
      const row = lots.get(id);
      return row ? [lotOf(row)] : [];
    }),
    acknowledgedAt: recall.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: recall.acknowledged_by,
  };
}

export function mapNotification(n: NotificationEntity, recall: RecallNoticeView | null): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    batchId: n.batchId,
    recallId: n.recallId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    recall,
  };
}
