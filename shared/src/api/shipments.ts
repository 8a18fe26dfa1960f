import type { LocalizedText } from '../i18n/locale.js';
import type { CbvDisposition } from '../vocab/cbv.js';
import type { UnitCode } from '../vocab/units.js';

/** A registered (verified) business another one can ship to, as the recipient search lists it. */
export interface BusinessDirectoryEntry {
  id: string;
  legalName: string;
  province: string;
  taxCode: string;
}

export const SHIPMENT_STATUS_FILTERS = ['pending', 'received', 'all'] as const;
export type ShipmentStatusFilter = (typeof SHIPMENT_STATUS_FILTERS)[number];

/** A shipping event naming this business as the receiver, and whether it has received it. */
export interface IncomingShipmentView {
  /** The shipping event's portal id: what `POST /api/shipments/{eventId}/receive` takes. */
  eventId: string;
  batch: { id: string; lotCode: string; displayName: string | null; productName: LocalizedText };
  quantity: number | null;
  unit: UnitCode | null;
  sender: { businessId: string; name: string };
  /** Reference documents: a CBV type (`desadv`, `inv`...) or, from other systems, whatever type they gave. */
  documents: { type: string; id: string }[];
  shippedAt: string;
  shippedTimeZoneOffset: string;
  /** The receiving event that confirmed it, when it has been received: when, where and how much arrived. */
  received: {
    eventId: string;
    receivedAt: string;
    receivedTimeZoneOffset: string;
    quantity: number | null;
    unit: UnitCode | null;
    place: { id: string; name: string } | null;
    shortfallReason: ReceiptShortfallReason | null;
  } | null;
}

/**
 * Why fewer goods were received than were shipped: a short delivery (CBV disposition
 * `mismatch_quantity`) or goods damaged on the way (`damaged`). The receipt records the quantity
 * that arrived in usable condition.
 */
export const RECEIPT_SHORTFALL_REASONS = {
  short: { vi: 'Giao thiếu hàng', en: 'Short delivery' },
  damaged: { vi: 'Hàng hư hỏng', en: 'Damaged goods' },
} as const satisfies Record<string, LocalizedText>;

export type ReceiptShortfallReason = keyof typeof RECEIPT_SHORTFALL_REASONS;
export const RECEIPT_SHORTFALL_REASON_NAMES = Object.keys(RECEIPT_SHORTFALL_REASONS) as ReceiptShortfallReason[];

/** The CBV disposition a receipt records for each reason (CBV 2.0 has a word for both). */
export const SHORTFALL_DISPOSITIONS = {
  short: 'mismatch_quantity',
  damaged: 'damaged',
} as const satisfies Record<ReceiptShortfallReason, CbvDisposition>;

/** The reason a receipt's disposition records, if it records one. */
export function shortfallReasonOf(disposition: string | null): ReceiptShortfallReason | null {
  return RECEIPT_SHORTFALL_REASON_NAMES.find((reason) => SHORTFALL_DISPOSITIONS[reason] === disposition) ?? null;
}

/**
 * Confirms a shipment. Everything is optional: now, the receiver's usual place (where it last
 * received goods, else its first place by name; refused when it has none), and the quantity shipped. A
 * quantity below the one shipped needs a `shortfallReason`.
 */
export interface ReceiveShipmentRequest {
  eventTime?: string;
  eventTimeZoneOffset?: string;
  locationId?: string;
  quantity?: number;
  shortfallReason?: ReceiptShortfallReason;
  note?: string;
}
