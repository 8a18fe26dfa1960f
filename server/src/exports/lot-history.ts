import { localize, stageOf, type Locale, type Stage } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { namedParty, type Party, type Place, type Site } from './export-places.js';
import { loadLotRecordRows, type Certificate, type LotRecordRow } from './lot-history.queries.js';

/** One standing event of a lot that a row may draw on (its harvest, cooling, packing, shipments, receipts, making). */
export interface LotStep {
  id: string;
  stage: Stage | null;
  /** The lot was made by it (a TransformationEvent naming it as an output). */
  made: boolean;
  time: Date;
  offset: string;
  quantity: number | null;
  unit: string | null;
  place: Place;
  /** Shipping: who it went to. */
  recipient: Party | null;
}

// A driver may hand json back as text.
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Each lot's history (see loadLotRecordRows), read in one query for the rows of one page. */
export async function loadLotHistories(db: EntityManager, batchIds: string[]): Promise<Map<string, LotHistory>> {
  if (!batchIds.length) return new Map();
  const rows = await loadLotRecordRows(db, batchIds);
  return new Map(rows.map((row) => [row.batch_id, new LotHistory(row)]));
}

/** The stages at which a lot is in someone's hands after its harvest. */
const HOLDING_STAGES: ReadonlySet<Stage> = new Set(['preprocessing', 'packing', 'shipping', 'receiving']);

const dateOf = (text: string | null) => (text ? text.slice(0, 10) : null);

/** A lot's history as the rows of its events read it: where its lot code comes from, what happened to it before and after. */
export class LotHistory {
  private readonly steps: LotStep[];
  private readonly owner: Party;
  private readonly origin: Site | null;
  private readonly certificates: Certificate[];
  readonly standards: string[];
  /** The processing that made the lot, if it was made so. */
  readonly madeBy: LotStep | null;

  constructor(row: LotRecordRow) {
    this.owner = parsed(row.owner);
    this.origin = parsed(row.origin);
    this.standards = row.standards;
    this.certificates = parsed(row.certificates);
    this.steps = parsed(row.steps).map((s) => ({
      id: s.id,
      stage: stageOf(s.eventType, s.bizStep),
      made: s.made,
      time: new Date(s.time),
      offset: s.offset,
      quantity: s.quantity,
      unit: s.unit,
      place: { site: s.site, party: s.party },
      recipient: s.recipient ?? (s.recipientName ? namedParty(s.recipientName) : null),
    }));
    this.madeBy = this.steps.find((s) => s.made) ?? null;
  }

  /** Whether the lot was packed before this event (by a standing packing event). */
  packedBefore(event: { id: string; eventTime: Date }): boolean {
    return this.steps.some((s) => s.stage === 'packing' && s.id !== event.id && before(s, event));
  }

  /**
   * Where the lot code was assigned (FSMA's traceability lot code source): where processing made the
   * lot, else where it was first packed, else where it was registered (its origin and producer).
   */
  lotCodeSource(): Place {
    const packed = this.steps.find((s) => s.stage === 'packing');
    return (this.madeBy ?? packed)?.place ?? { site: this.origin, party: this.owner };
  }

  /** The lot's last event of this stage before the given one. */
  lastBefore(stage: Stage, event: { id: string; eventTime: Date }): LotStep | null {
    return this.steps.findLast((s) => s.stage === stage && s.id !== event.id && before(s, event)) ?? null;
  }

  /** Who had the lot next after this event: the receiver of its next shipment, or where it was next cooled, packed or received. */
  nextHolder(event: { id: string; eventTime: Date }): Place | null {
    const next = this.steps.find((s) => s.id !== event.id && !before(s, event) && s.stage !== null && HOLDING_STAGES.has(s.stage));
    if (!next) return null;
    return next.stage === 'shipping' ? { site: null, party: next.recipient } : next.place;
  }

  /** The producer's certificates for the lot's product valid on the event's day, in words. */
  certificatesAt(day: string, locale: Locale): string[] {
    return this.certificates
      .filter((c) => (!dateOf(c.validFrom) || dateOf(c.validFrom)! <= day) && (!dateOf(c.validTo) || day <= dateOf(c.validTo)!))
      .map((c) => {
        const until = dateOf(c.validTo) ? `, ${localize({ vi: 'đến', en: 'until' }, locale)} ${dateOf(c.validTo)}` : '';
        return `${c.name}${c.number ? ` ${c.number}` : ''} (${c.issuer}${until})`;
      });
  }
}

/** Whether step `s` came before the event (ties broken by id, as the export orders them). */
function before(s: LotStep, event: { id: string; eventTime: Date }): boolean {
  const t = s.time.getTime() - event.eventTime.getTime();
  return t < 0 || (t === 0 && s.id < event.id);
}
