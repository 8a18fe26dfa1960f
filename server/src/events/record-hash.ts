import { hash } from 'node:crypto';
import { canonicalJson } from '@nguon/shared';

/** The stored facts of an event that its record hash covers. */
export interface HashedRecord {
  eventId: string;
  eventType: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: Date;
  eventTimeZoneOffset: string;
  recordTime: Date;
  readPoint: string | null;
  bizLocation: string | null;
  locationId: string | null;
  businessId: string | null;
  recordedBy: string | null;
  sourceBusinessId: string | null;
  destinationBusinessId: string | null;
  errorDeclared: boolean;
  document: unknown;
  links: { batchId: string; role: string; quantity: number | null; unit: string | null; seq: number | null; prevHash: string | null }[];
}

/** What a late link's hash covers: the event's record hash, the batch, its links to it, its place in the chain and when. */
export interface LateLinkRecord {
  recordHash: string;
  batchId: string;
  links: { role: string; quantity: number | null; unit: string | null }[];
  seq: number;
  prevHash: string | null;
  linkedAt: Date;
}

/** SHA-256 over a late link, in the batch's chain as an event's record is. */
export function lateLinkHash(record: LateLinkRecord): string {
  const facts = {
    ...record,
    links: record.links.map((l) => ({ role: l.role, quantity: l.quantity, unit: l.unit })).sort((a, b) => (a.role < b.role ? -1 : 1)),
  };
  return hash('sha256', canonicalJson(facts), 'hex');
}

/** What a late place or party link's hash covers: the event's record hash, which column took which id, and when. */
export interface LatePlaceRecord {
  recordHash: string;
  field: string;
  linkedId: string;
  linkedAt: Date;
}

/** SHA-256 over a late place or party link. */
export function latePlaceHash(record: LatePlaceRecord): string {
  const { recordHash, field, linkedId, linkedAt } = record;
  return hash('sha256', canonicalJson({ recordHash, field, linkedId, linkedAt }), 'hex');
}

/**
 * SHA-256 over the canonical record. The links carry each batch's previous record hash, so a
 * change to any earlier event of a batch breaks every later link of its chain.
 */
export function recordHash(record: HashedRecord): string {
  // Only the listed facts, so ids and the stored hash itself never feed into it. Listed in sorted
  // order, as the canonical text has them: it then need not sort them (an event's hash is on the capture path).
  const facts: HashedRecord = {
    action: record.action,
    bizLocation: record.bizLocation,
    bizStep: record.bizStep,
    businessId: record.businessId,
    destinationBusinessId: record.destinationBusinessId,
    disposition: record.disposition,
    document: record.document,
    errorDeclared: record.errorDeclared,
    eventId: record.eventId,
    eventTime: record.eventTime,
    eventTimeZoneOffset: record.eventTimeZoneOffset,
    eventType: record.eventType,
    links: [...record.links]
      .map((l) => ({ batchId: l.batchId, prevHash: l.prevHash, quantity: l.quantity, role: l.role, seq: l.seq, unit: l.unit }))
      .sort((a, b) => (a.batchId + a.role < b.batchId + b.role ? -1 : 1)),
    locationId: record.locationId,
    readPoint: record.readPoint,
    recordTime: record.recordTime,
    recordedBy: record.recordedBy,
    sourceBusinessId: record.sourceBusinessId,
  };
  return hash('sha256', canonicalJson(facts), 'hex');
}
