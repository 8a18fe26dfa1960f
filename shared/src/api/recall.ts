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

export interface RecallRequest {
  severity: RecallSeverity;
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
  reason: string;
  recalledAt: string;
  recalledBy: string;
  liftedAt: string | null;
  liftReason: string | null;
  /** Every batch downstream of the recalled one. */
  affected: AffectedBatchView[];
  /** The businesses told about it: the producers downstream and everyone the batches were shipped to. */
  notifiedBusinesses: { id: string; name: string }[];
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
}

export const WEBHOOK_EVENT_TYPES = ['recall.created', 'recall.lifted'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface CreateWebhookRequest {
  url: string;
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
