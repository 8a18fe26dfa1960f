import { stageOf, STAGES, type Locale, type Stage } from '@nguon/shared';
import { documentsOf } from '../events/epcis-event.builder.js';
import { EXT } from '../events/portal-extensions.js';
import { cteOf, type CriticalTrackingEvent } from './critical-tracking-events.js';
import type { EventLot, EventRow } from './export-events.queries.js';
import { namedParty, type Party, type Place, type Site } from './export-places.js';
import type { LotHistory, LotStep } from './lot-history.js';

/**
 * One row of the spreadsheet: an event for one of its lots (and, for a transformation, one of the
 * lots used), with everything either column set shows. FSMA 204's key data elements are kept per
 * traceability lot, so an event naming several lots has a row for each.
 */
export interface ExportRow {
  eventId: string;
  /** The instant, and the offset the business recorded it in (the row shows the local time there). */
  eventTime: Date;
  eventTimeZoneOffset: string;
  recordTime: Date;
  /** The reason of the error declaration (`did_not_occur`, `incorrect_data`), or null. */
  errorDeclared: string | null;
  cte: CriticalTrackingEvent;
  stage: Stage | null;
  bizStep: string | null;
  /** The row's lot: the event's subject, or for a transformation the lot it made. */
  lot: EventLot | null;
  /** A transformation: the lot used that this row is for. */
  input: EventLot | null;
  /** Where the event happened, and the business that recorded it there. */
  place: Place;
  taxCode: string;
  /** One step back: who shipped the goods (receiving), and where from. */
  previousSource: Place | null;
  /** One step forward: who the goods went to (shipping), or who had the lot next (harvest, cooling). */
  nextRecipient: Place | null;
  /** Shipping: where the receiver recorded receiving the goods. */
  shipTo: Site | null;
  /** Where the lot code was assigned (FSMA's traceability lot code source). */
  lotCodeSource: Place | null;
  /** Cooling and initial packing: the lot's harvest. */
  harvest: LotStep | null;
  /** Initial packing: the lot's cooling, and the packer's receipt of it (or its own harvest). */
  cooling: LotStep | null;
  received: LotStep | null;
  documents: { type: string; id: string }[];
  history: LotHistory | null;
}

const GLN_OF_LOCATION = /^https:\/\/id\.gs1\.org\/414\/(\d{13})/;
const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** The event's own place: its portal location, or the GLN an event captured from elsewhere names. */
function siteOf(row: EventRow): Site | null {
  const gln = GLN_OF_LOCATION.exec(row.biz_location ?? '')?.[1];
  return row.site ?? (gln ? { name: `GLN ${gln}`, address: '', gln } : null);
}

/** The party, or the name written in free text for a party that is not on the portal. */
const partyOr = (party: Party | null, name: string | null): Party | null => party ?? (name ? namedParty(name) : null);

/** The rows of one event: one per lot (subjects or outputs, else parents), times its inputs for a transformation. */
export function toExportRows(row: EventRow, histories: Map<string, LotHistory>): ExportRow[] {
  const inputs = row.lots.filter((l) => l.role === 'input');
  const subjects = row.lots.filter((l) => l.role !== 'input' && l.role !== 'parent');
  const lots = subjects.length ? subjects : row.lots.filter((l) => l.role === 'parent');
  const event = {
    id: row.id,
    eventType: row.event_type,
    bizStep: row.biz_step,
    eventTime: new Date(row.event_time),
    fromPortal: row.source_party !== null,
  };
  const place: Place = { site: siteOf(row), party: row.party };
  const source = partyOr(row.source_party, text(row.document[EXT.sourceName]));
  const recipient = partyOr(row.destination_party, text(row.document[EXT.destinationName]));
  const documents = documentsOf(row.document);

  const forLot = (lot: EventLot | null): Omit<ExportRow, 'input'> => {
    const history = lot ? (histories.get(lot.batchId) ?? null) : null;
    const cte = cteOf(event, history);
    const before = (stage: Stage) => history?.lastBefore(stage, event) ?? null;
    // The harvest a cooling, a packing or a landing (the trip's harvest, 1.1335(d)) refers to.
    const harvest = cte === 'cooling' || cte === 'initial_packing' || cte === 'first_land_based_receiving' ? before('harvesting') : null;
    const holder = (cte === 'harvesting' || cte === 'cooling') && history ? history.nextHolder(event) : null;
    return {
      eventId: row.event_id,
      eventTime: event.eventTime,
      eventTimeZoneOffset: row.event_time_zone_offset,
      recordTime: new Date(row.record_time),
      errorDeclared: row.error_reason,
      cte,
      stage: stageOf(row.event_type, row.biz_step),
      bizStep: row.biz_step,
      lot,
      place,
      taxCode: row.tax_code ?? '',
      previousSource: source ? { site: row.ship_from, party: source } : null,
      nextRecipient: recipient ? { site: row.ship_to, party: recipient } : holder,
      shipTo: row.ship_to,
      lotCodeSource: history?.lotCodeSource() ?? null,
      harvest,
      cooling: cte === 'initial_packing' ? before('preprocessing') : null,
      received: cte === 'initial_packing' ? (before('receiving') ?? harvest) : null,
      documents,
      history,
    };
  };

  return (lots.length ? lots : [null]).flatMap((lot) => {
    const shared = forLot(lot);
    return (inputs.length ? inputs : [null]).map((input) => ({ ...shared, input }));
  });
}

/** The stage's name in the language; for an event captured with another bizStep, that bizStep. */
export function stageName(row: ExportRow, locale: Locale): string {
  return row.stage ? STAGES[row.stage].label[locale] : (row.bizStep ?? '');
}
