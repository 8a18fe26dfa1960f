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
