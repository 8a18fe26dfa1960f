import type { LocalizedText } from '../i18n/locale.js';
import type { Stage } from '../vocab/stages.js';
import type { UnitCode } from '../vocab/units.js';
import type { BatchStatus } from './batch.js';
import type { RecallReasonCategory, RecallSeverity } from './recall.js';
import type { Address, CertificateView } from './business.js';
import type { LocationKind } from './location.js';

/** A place as the public may see it. */
export interface PublicPlace {
  name: string;
  kind: LocationKind;
  address: string;
  province: string;
  latitude: number | null;
  longitude: number | null;
}

export interface PublicParty {
  /** Set when the party is a business on the portal. */
  businessId: string | null;
  name: string;
}

export interface TimelineEntry {
  eventId: string;
  stage: Stage | null;
  /** Title when the stage is unknown (an event from an outside system). */
  bizStep: string | null;
  eventType: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  /** The business that recorded it. */
  recordedBy: string | null;
  place: PublicPlace | null;
  quantity: number | null;
  unit: UnitCode | null;
  source: PublicParty | null;
  destination: PublicParty | null;
  /** Reference documents, e.g. `inv: HD-0012`. */
  documents: { type: string; id: string }[];
  /** Links to what certifies the event (EPCIS certificationInfo), e.g. a lab's report. */
  certifications: string[];
  passed: boolean | null;
  note: string | null;
  /** The lot this entry belongs to when it comes from a source batch (one step back). */
  fromBatch: { id: string; lotCode: string; productName: LocalizedText } | null;
}

export interface PublicSourceBatch {
  id: string;
  lotCode: string;
  productName: LocalizedText;
  producerName: string;
  quantityUsed: number | null;
  unit: UnitCode | null;
  /** How it links: an input of processing, or received from another business. */
  link: 'processing' | 'receiving';
}

/**
 * What a consumer sees for a batch: the Circular 02/2024 minimum and more, nothing private.
 * Returned by the resolver for `Accept: application/json` and by `GET /api/public/batches/{id}`.
 */
export interface PublicBatchView {
  id: string;
  identityUrl: string;
  lotCode: string;
  displayName: string | null;
  productionDate: string;
  expiryDate: string | null;
  bestBeforeDate: string | null;
  quantity: number | null;
  unit: UnitCode | null;
  status: BatchStatus;
  /**
   * Set when this batch is recalled, or when a batch it was made from is (`source` names that one):
   * either way the consumer must not use it.
   */
  recall: {
    reasonCategory: RecallReasonCategory;
    /** The details, as the recaller wrote them. */
    reason: string;
    recalledAt: string;
    severity: RecallSeverity | null;
    source: { id: string; lotCode: string; productName: LocalizedText } | null;
  } | null;
  product: {
    id: string;
    name: LocalizedText;
    description: LocalizedText | null;
    category: string;
    brand: string | null;
    imageUrl: string | null;
    gtin: string | null;
    standards: string[];
  };
  producer: {
    id: string;
    name: string;
    address: Address;
    phone: string | null;
    verified: boolean;
    certificates: CertificateView[];
  };
  origin: PublicPlace | null;
  timeline: TimelineEntry[];
  sources: PublicSourceBatch[];
  scanCount: number;
  /**
   * Only in the answer to a scan (the resolver): proof that this client just made that scan, which
   * lets it share the scan's area once (`ScanPlaceRequest.scanToken`). Short-lived.
   */
  scanToken?: string;
}

/** What the resolver answers for a GTIN alone (`/01/{gtin}`): the product and its recent batches. */
export interface PublicProductView {
  product: PublicBatchView['product'];
  producer: PublicBatchView['producer'];
  batches: { id: string; lotCode: string; productionDate: string; expiryDate: string | null; status: BatchStatus; identityUrl: string }[];
}

/** A batch whose lot code is what a consumer typed alone: `GET /api/public/lots?code=`. */
export interface PublicLotMatch {
  id: string;
  lotCode: string;
  productName: LocalizedText;
  producerName: string;
  province: string;
  productionDate: string;
  status: BatchStatus;
}

export interface PublicLotSearch {
  matches: PublicLotMatch[];
  /** More batches carry this lot code than were listed: the consumer should add the GTIN. */
  more: boolean;
}

/** The map tiles consumer pages draw the journey on: `GET /api/public/map-tiles`. */
export interface MapTilesView {
  /** A `{z}/{x}/{y}` tile URL template (OpenStreetMap's by default; a province may run its own). */
  url: string;
  /** The credit the tiles' licence asks for, shown on the map. */
  attribution: string;
  maxZoom: number;
}
