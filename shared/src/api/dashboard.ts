import type { LocalizedText } from '../i18n/locale.js';
import type { Stage } from '../vocab/stages.js';
import type { UnitCode } from '../vocab/units.js';
import type { BatchStatus, ScanDay } from './batch.js';
import type { CertificateKind, CertificateValidity } from './business.js';

/** A batch as the dashboard names it. */
export interface DashboardBatch {
  id: string;
  lotCode: string;
  displayName: string | null;
  productName: LocalizedText;
  status: BatchStatus;
  /** Time of its latest event (events declared wrong do not count); null before any. */
  lastEventAt: string | null;
  /**
   * When its latest event was recorded (or imported), else when the batch was registered: what
   * "quiet for N days" counts from, so a batch registered today with last month's dates is not quiet.
   */
  lastRecordedAt: string;
}

export interface DashboardEvent {
  id: string;
  stage: Stage | null;
  bizStep: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  /** An error declaration names it: it stays in the records, marked. */
  declaredWrong: boolean;
  /** The batch it is about (a processing step's output), when it is one of the portal's. */
  batch: { id: string; lotCode: string; productName: LocalizedText } | null;
}

/** A certificate of the business (or of one of its products) that has ended or ends soon. */
export interface CertificateAlert {
  id: string;
  kind: CertificateKind;
  name: string;
  validTo: string;
  validity: Exclude<CertificateValidity, 'valid'>;
  /** The product it certifies; null for the business's own certificate. */
  product: { id: string; name: LocalizedText } | null;
}

/** A shipment another business sent to this one, which this one has not recorded receiving. */
export interface UnreceivedShipment {
  /** The shipping event's id (the row), and when the goods left. */
  eventId: string;
  shippedAt: string;
  eventTimeZoneOffset: string;
  fromBusiness: { id: string; name: string } | null;
  batch: { id: string; lotCode: string; productName: LocalizedText };
  quantity: number | null;
  unit: UnitCode | null;
}

/**
 * `GET /api/businesses/{id}/dashboard`: the business at a glance, for its members (and
 * inspectors): what it has, what happened lately, and what needs attention.
 */
/**
 * A new business's first steps, in order, as its overview lists them until all are done: it is
 * registered, an administrator verifies it, it adds a product and a place, registers its first
 * batch and prints its labels.
 */
export const ONBOARDING_STEPS = ['register', 'verification', 'product', 'location', 'batch', 'labels'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** Which first steps the business has taken, read from its records (not from what it was told). */
export interface OnboardingView {
  done: Record<OnboardingStep, boolean>;
  /** Its first batch, where labels are printed from; null before one. */
  firstBatchId: string | null;
}

export interface DashboardView {
  businessId: string;
  onboarding: OnboardingView;
  counts: { products: number; openBatches: number };
  /** Open batches (active or on hold), newest first. */
  openBatches: DashboardBatch[];
  /** The events the business recorded most recently. */
  recentEvents: DashboardEvent[];
  /** Scans of the business's codes over the last 7 days. */
  scans: { total: number; days: ScanDay[] };
  attention: {
    /** Open batches with no event for `staleAfterDays` days or more, longest quiet first. */
    staleBatches: DashboardBatch[];
    staleAfterDays: number;
    certificates: CertificateAlert[];
    unreceivedShipments: UnreceivedShipment[];
  };
}
