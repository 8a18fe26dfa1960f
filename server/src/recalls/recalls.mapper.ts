import type { AffectedBatchView, RecallLotView, RecallReachView, RecallView } from '@nguon/shared';
import type { RecallEntity } from './recall.entity.js';
import type { AffectedBatchRow, NotifiedRow, RecalledBatchRow, UserNameRow } from './recalls.queries.js';

export function mapRecallLot(row: RecalledBatchRow): RecallLotView {
  return { batchId: row.id, lotCode: row.lot_code, productName: { vi: row.name_vi, en: row.name_en } };
}

function mapAffected(row: RecalledBatchRow, depth: number): AffectedBatchView {
  return { ...mapRecallLot(row), businessId: row.business_id, businessName: row.legal_name, depth };
}

/** What the recall rows of several recalls were loaded into (see RecallsService.views). */
export interface RecallViewRows {
  batches: Map<string, RecalledBatchRow>;
  affected: AffectedBatchRow[];
  notified: NotifiedRow[];
  makers: UserNameRow[];
}

export function mapRecall(recall: RecallEntity, rows: RecallViewRows): RecallView {
  const batch = rows.batches.get(recall.batchId)!;
  return {
    id: recall.id,
    batchId: recall.batchId,
    lotCode: batch.lot_code,
    productName: { vi: batch.name_vi, en: batch.name_en },
    businessId: batch.business_id,
    businessName: batch.legal_name,
    severity: recall.severity,
    reasonCategory: recall.reasonCategory,
    reason: recall.reason,
    recalledAt: recall.recalledAt.toISOString(),
    recalledBy: rows.makers.find((m) => m.id === recall.recalledBy)?.display_name ?? '',
    liftedAt: recall.liftedAt?.toISOString() ?? null,
    liftReason: recall.liftReason,
    affected: rows.affected.filter((a) => a.recall_id === recall.id).map((a) => mapAffected(rows.batches.get(a.batch_id)!, a.depth)),
    notifiedBusinesses: rows.notified
      .filter((n) => n.recall_id === recall.id)
      .map((n) => ({
        id: n.id,
        name: n.name,
        acknowledgedAt: n.acknowledged_at?.toISOString() ?? null,
        acknowledgedBy: n.acknowledged_by,
      })),
  };
}

/** Whom a recall would reach: the batches downstream (nearest first) and each business told, by name, with its lots. */
export function mapRecallReach(
  batchId: string,
  reach: { downstream: { batch_id: string; depth: number }[]; batches: Map<string, RecalledBatchRow>; concerned: Map<string, string[]> },
  businessNames: Map<string, string>,
): RecallReachView {
  const recalled = reach.batches.get(batchId)!;
  return {
    batch: { ...mapRecallLot(recalled), businessId: recalled.business_id, businessName: recalled.legal_name },
    affected: reach.downstream.map((d) => mapAffected(reach.batches.get(d.batch_id)!, d.depth)),
    businesses: [...reach.concerned]
      .map(([id, batchIds]) => ({ id, name: businessNames.get(id) ?? '', lots: batchIds.map((b) => mapRecallLot(reach.batches.get(b)!)) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

/** A recalled batch as the recall webhooks describe it, with the link its QR code holds. */
export function mapWebhookBatch(batch: RecalledBatchRow, identityUrl: string) {
  return {
    id: batch.id,
    lotCode: batch.lot_code,
    gtin: batch.gtin,
    productName: { vi: batch.name_vi, en: batch.name_en },
    businessName: batch.legal_name,
    identityUrl,
  };
}
