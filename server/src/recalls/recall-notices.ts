import {
  RECALL_REASON_CATEGORIES,
  RECALL_SEVERITIES,
  type LocalizedText,
  type RecallReasonCategory,
  type RecallSeverity,
} from '@nguon/shared';
import type { RecalledBatchRow } from './recalls.queries.js';

const lots = (rows: RecalledBatchRow[], locale: 'vi' | 'en') =>
  rows.map((b) => `${b.lot_code} (${locale === 'vi' ? b.name_vi : b.name_en})`).join(', ');

/** The text as a sentence: ends with the writer's own mark (". ! ? …"), or a full stop added, never two. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The kind of problem in the reader's language, then the details as written: "Contamination:
 * Salmonella found." "Other" says nothing: then the details alone.
 */
function reasonText(category: RecallReasonCategory, reason: string, locale: 'vi' | 'en'): string {
  return category === 'other' ? sentence(reason) : `${RECALL_REASON_CATEGORIES[category][locale]}: ${sentence(reason)}`;
}

/** What a business reads in the portal when a recall concerns its batches. */
export function recallNotice(
  recalled: RecalledBatchRow,
  recall: { severity: RecallSeverity; reasonCategory: RecallReasonCategory; reason: string },
  concerned: RecalledBatchRow[],
): { title: LocalizedText; body: LocalizedText } {
  const level = RECALL_SEVERITIES[recall.severity];
  return {
    title: { vi: `Thu hồi lô ${recalled.lot_code}: ${recalled.name_vi}`, en: `Recall of batch ${recalled.lot_code}: ${recalled.name_en}` },
    body: {
      vi: `${sentence(level.vi)} Lý do: ${reasonText(recall.reasonCategory, recall.reason, 'vi')} Lô hàng của doanh nghiệp bạn liên quan: ${lots(concerned, 'vi')}. Hãy ngừng bán và phân phối các lô này.`,
      en: `${sentence(level.en)} Reason: ${reasonText(recall.reasonCategory, recall.reason, 'en')} Your business's batches concerned: ${lots(concerned, 'en')}. Stop selling and distributing them.`,
    },
  };
}

export function liftNotice(recalled: RecalledBatchRow, reason: string): { title: LocalizedText; body: LocalizedText } {
  return {
    title: {
      vi: `Đã gỡ thu hồi lô ${recalled.lot_code}: ${recalled.name_vi}`,
      en: `Recall lifted for batch ${recalled.lot_code}: ${recalled.name_en}`,
    },
    body: { vi: `Lý do gỡ thu hồi: ${sentence(reason)}`, en: `Why the recall ends: ${sentence(reason)}` },
  };
}
