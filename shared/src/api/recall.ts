import type { LocalizedText } from '../i18n/locale.js';

/**
 * How serious a recall is, after the classes food authorities use (FDA Class I-III): what the
 * consumer banner and the notices say about the risk.
 */
export const RECALL_SEVERITIES = {
  class_i: {
    vi: 'Mức I: có thể gây hại nghiêm trọng cho sức khỏe',
    en: 'Class I: may cause serious harm to health',
  },
  class_ii: {
    vi: 'Mức II: có thể gây hại tạm thời cho sức khỏe',
    en: 'Class II: may cause temporary harm to health',
  },
  class_iii: {
    vi: 'Mức III: không gây hại cho sức khỏe nhưng vi phạm quy định',
    en: 'Class III: not harmful to health but breaks the rules',
  },
} as const satisfies Record<string, LocalizedText>;

export type RecallSeverity = keyof typeof RECALL_SEVERITIES;
export const RECALL_SEVERITY_NAMES = Object.keys(RECALL_SEVERITIES) as RecallSeverity[];

/**
 * What kind of problem a recall is about, from one shared list: a business or a consumer reads the
 * kind in their own language, and the free-text details (`reason`) as the recaller wrote them.
 */
export const RECALL_REASON_CATEGORIES = {
  contamination: { vi: 'Nhiễm bẩn (vi sinh vật, hóa chất, tồn dư)', en: 'Contamination (microbial, chemical, residues)' },
  undeclared_allergen: { vi: 'Chất gây dị ứng không ghi trên nhãn', en: 'Undeclared allergen' },
  foreign_matter: { vi: 'Có dị vật', en: 'Foreign matter' },
  mislabelling: { vi: 'Ghi nhãn sai', en: 'Mislabelling' },
  counterfeit: { vi: 'Hàng giả', en: 'Counterfeit' },
  quality_defect: { vi: 'Lỗi chất lượng', en: 'Quality defect' },
  other: { vi: 'Lý do khác', en: 'Other reason' },
} as const satisfies Record<string, LocalizedText>;

export type RecallReasonCategory = keyof typeof RECALL_REASON_CATEGORIES;
export const RECALL_REASON_CATEGORY_NAMES = Object.keys(RECALL_REASON_CATEGORIES) as RecallReasonCategory[];

export interface RecallRequest {
  severity: RecallSeverity;
  /** The kind of problem; `other` when absent (clients written before the list existed). */
  reasonCategory?: RecallReasonCategory;
  /** The details, in the recaller's words. */
  reason: string;
}

export interface LiftRecallRequest {
  reason: string;
}

/** A batch made from the recalled one (through processing), at `depth` steps downstream. */
export interface AffectedBatchView {
  batchId: string;
  lotCode: string;
  productName: LocalizedText;
  businessId: string;
  businessName: string;
  depth: number;
}

export interface RecallView {
  id: string;
  batchId: string;
  lotCode: string;
  productName: LocalizedText;
  businessId: string;
  businessName: string;
  severity: RecallSeverity;
  reasonCategory: RecallReasonCategory;
  reason: string;
  recalledAt: string;
  recalledBy: string;
  liftedAt: string | null;
  liftReason: string | null;
  /** Every batch downstream of the recalled one. */
  affected: AffectedBatchView[];
  /** The businesses told about it: the producers downstream and everyone the batches were shipped to. */
  notifiedBusinesses: NotifiedBusinessView[];
}

/** A business told of a recall, and whether one of its members acknowledged the notice (when, who). */
export interface NotifiedBusinessView {
  id: string;
  name: string;
  acknowledgedAt: string | null;
  /** The member's display name. */
  acknowledgedBy: string | null;
}

/** A lot as a recall names it. */
export interface RecallLotView {
  batchId: string;
  lotCode: string;
  productName: LocalizedText;
}

/**
 * Whom a recall of the batch would reach, before anyone confirms it: the batches made from it
 * (through processing) and the businesses that would be told, each with its own lots.
 * `GET /api/batches/{id}/recall/preview`; nothing is written.
 */
export interface RecallReachView {
  batch: RecallLotView & { businessId: string; businessName: string };
  affected: AffectedBatchView[];
  businesses: { id: string; name: string; lots: RecallLotView[] }[];
}

/** What a recall notice says, as data, so the portal shows it as the alert it is. */
export interface RecallNoticeView {
  severity: RecallSeverity;
  reasonCategory: RecallReasonCategory;
  reason: string;
  recalledAt: string;
  /** Set once the recall is lifted: the notice is then no longer an order to act. */
  liftedAt: string | null;
  /** The recalled batch (possibly another business's). */
  batch: RecallLotView;
  /** The lots of the business the notice is for that the recall concerns: made by it or shipped to it. */
  lots: RecallLotView[];
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface NotificationView {
  id: string;
  kind: 'recall' | 'recall_lifted' | 'membership';
  title: LocalizedText;
  body: LocalizedText;
  batchId: string | null;
  recallId: string | null;
  createdAt: string;
  readAt: string | null;
  /** For a `recall` notice: the recall as data (class, reason, lots, acknowledgement); else null. */
  recall: RecallNoticeView | null;
}

/**
 * What a webhook can hear of: a recall of the business's batches made or lifted, and the
 * transparency log's checkpoint that closed each day (decision record 0037), to keep.
 */
export const WEBHOOK_EVENT_TYPES = ['recall.created', 'recall.lifted', 'log.checkpoint'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** What a webhook hears of when its maker does not say. */
export const DEFAULT_WEBHOOK_EVENTS: WebhookEventType[] = ['recall.created', 'recall.lifted'];

export interface CreateWebhookRequest {
  url: string;
  /** `DEFAULT_WEBHOOK_EVENTS` when not given. */
  events?: WebhookEventType[];
}

/**
 * A `log.checkpoint` delivery: the signed checkpoint that closed a day in Vietnam's time (the file
 * at `/api/transparency/checkpoints/{day}`), and the key it verifies with.
 */
export interface LogCheckpointDelivery {
  type: 'log.checkpoint';
  day: string;
  checkpoint: string;
  verifierKey: string;
}

/**
 * What became of a delivery, as its owner sees it: sent (a 2xx answer), refused by the portal (the
 * address is internal: not retried), or failed (no 2xx answer in time, a redirect: retried with
 * backoff while `nextAttemptAt` is set). The receiver's own status and body are not shown.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['delivered', 'refused', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookView {
  id: string;
  businessId: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
  /** The latest delivery tried, or null before the first attempt. */
  lastDelivery: { status: WebhookDeliveryStatus; attempts: number; at: string; nextAttemptAt: string | null } | null;
}

/**
 * Returned once, when the webhook is made: `secret` signs every delivery
 * (`X-Nguon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`).
 */
export interface CreatedWebhook extends WebhookView {
  secret: string;
}
