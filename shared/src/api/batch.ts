import type { LocalizedText } from '../i18n/locale.js';
import type { UnitCode } from '../vocab/units.js';

export const BATCH_STATUSES = ['active', 'on_hold', 'recalled', 'closed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export interface CreateBatchRequest {
  productId: string;
  /** GS1 AI (10) character set, at most 20 characters. */
  lotCode: string;
  displayName?: string;
  /** ISO dates (YYYY-MM-DD). */
  productionDate: string;
  expiryDate?: string;
  bestBeforeDate?: string;
  quantity?: number;
  unit?: UnitCode;
  originLocationId?: string;
  /** When and where the batch came into being (its commissioning event); defaults to the production date. */
  eventTime?: string;
  eventTimeZoneOffset?: string;
  locationId?: string;
  note?: string;
}

export interface BatchView {
  id: string;
  productId: string;
  businessId: string;
  lotCode: string;
  displayName: string | null;
  shortCode: string;
  identityUrl: string;
  productionDate: string;
  expiryDate: string | null;
  bestBeforeDate: string | null;
  quantity: number | null;
  unit: UnitCode | null;
  originLocationId: string | null;
  status: BatchStatus;
  createdAt: string;
}

export const QR_ERROR_CORRECTION_LEVELS = ['L', 'M', 'Q', 'H'] as const;
export type QrErrorCorrectionLevel = (typeof QR_ERROR_CORRECTION_LEVELS)[number];

/** `GET /api/businesses/{id}/batches`: filters on top of paging; newest batches first. */
export interface ListBatchesQuery {
  status?: BatchStatus;
  productId?: string;
  /** Matches the lot code, display name or product name, with or without Vietnamese diacritics. */
  q?: string;
  limit?: number;
  offset?: number;
}

/** A batch in its business's list: the batch and what the list shows beside it. */
export interface BatchListItem extends BatchView {
  productName: LocalizedText;
  /** Time of its latest event (not counting events declared wrong); null before any. */
  lastEventAt: string | null;
}

/** Scans on one day (YYYY-MM-DD, Vietnam's calendar). */
export interface ScanDay {
  date: string;
  count: number;
}

/** How often a batch's code was opened: `GET /api/batches/{id}/scans`, for its business and inspectors. */
export interface BatchScansView {
  batchId: string;
  total: number;
  /** The last 7 days, oldest first, today last; days without scans count 0. */
  lastSevenDays: ScanDay[];
  firstScanAt: string | null;
  lastScanAt: string | null;
}

/**
 * How much of a batch a business still holds, in one unit (a family of units counts as one: grams,
 * kilograms and tonnes together, shown in the unit the business last stated).
 */
export interface BatchBalanceLine {
  unit: UnitCode | null;
  /** What it held: the batch registered or made, or the receipts, or (if larger) what its own records stated since, e.g. packing. */
  held: number;
  /** What left it: shipped, used in processing, sold at retail, destroyed. */
  used: number;
  /** held − used; below zero when more left than it held. */
  remaining: number;
}

/**
 * `GET /api/batches/{id}/balance`: the mass balance of a batch for the business asking (its
 * producer, or a business it was shipped to). `lines[0]` is the unit the business last stated a
 * quantity in (after packing 500 kg into 50 cartons, the cartons): what a shipping form starts from.
 */
export interface BatchBalanceView {
  batchId: string;
  businessId: string;
  lines: BatchBalanceLine[];
}
