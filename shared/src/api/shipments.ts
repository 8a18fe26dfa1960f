import type { LocalizedText } from '../i18n/locale.js';
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
  /** The receiving event that confirmed it, when it has been received. */
  received: { eventId: string; receivedAt: string } | null;
}

/** Confirms a shipment: everything is optional (now, no place, the quantity shipped). */
export interface ReceiveShipmentRequest {
  eventTime?: string;
  eventTimeZoneOffset?: string;
  locationId?: string;
  quantity?: number;
  note?: string;
}
