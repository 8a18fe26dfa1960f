import { RECALL_SEVERITIES, type LocalizedText, type RecallSeverity } from '@nguon/shared';
import type { RecalledBatchRow } from './recalls.queries.js';

const lots = (rows: RecalledBatchRow[], locale: 'vi' | 'en') =>
  rows.map((b) => `${b.lot_code} (${locale === 'vi' ? b.name_vi : b.name_en})`).join(', ');

/** What a business reads in the portal when a recall concerns its batches. */
export function recallNotice(
  recalled: RecalledBatchRow,
  severity: RecallSeverity,
  reason: string,
  concerned: RecalledBatchRow[],
): { title: LocalizedText; body: LocalizedText } {
  const level = RECALL_SEVERITIES[severity];
  return {
    title: { vi: `Thu hồi lô ${recalled.lot_code}: ${recalled.name_vi}`, en: `Recall of batch ${recalled.lot_code}: ${recalled.name_en}` },
    body: {
      vi: `${level.vi}. Lý do: ${reason}. Lô hàng của doanh nghiệp bạn liên quan: ${lots(concerned, 'vi')}. Hãy ngừng bán và phân phối các lô này.`,
      en: `${level.en}. Reason: ${reason}. Your business's batches concerned: ${lots(concerned, 'en')}. Stop selling and distributing them.`,
    },
  };
}

export function liftNotice(recalled: RecalledBatchRow, reason: string): { title: LocalizedText; body: LocalizedText } {
  return {
    title: {
      vi: `Đã gỡ thu hồi lô ${recalled.lot_code}: ${recalled.name_vi}`,
      en: `Recall lifted for batch ${recalled.lot_code}: ${recalled.name_en}`,
    },
    body: { vi: `Lý do gỡ thu hồi: ${reason}.`, en: `Why the recall ends: ${reason}.` },
  };
}
