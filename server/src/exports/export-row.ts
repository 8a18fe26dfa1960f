import { stageOf, STAGES, type Stage } from '@nguon/shared';
import { documentsOf } from '../events/epcis-event.builder.js';
import { EXT } from '../events/portal-extensions.js';
import { CTE_OF_STAGE, type CriticalTrackingEvent } from './critical-tracking-events.js';
import type { EventLot, EventRow } from './export-events.queries.js';

/** One critical tracking event with its FSMA 204 key data elements, as the spreadsheet shows it. */
export interface ExportRow {
  /** The instant, and the offset the business recorded it in (the row shows the local time there). */
  eventTime: Date;
  eventTimeZoneOffset: string;
  cte: CriticalTrackingEvent;
  stage: Stage | null;
  bizStep: string | null;
  lotCode: string;
  gtin: string;
  productVi: string;
  productEn: string;
  /** A number for one lot; the lots' quantities as text when the event names several. */
  quantity: number | string | null;
  unit: string;
  locationName: string;
  locationAddress: string;
  locationGln: string;
  business: string;
  businessTaxCode: string;
  previousSource: string;
  nextRecipient: string;
  documentType: string;
  documentNumber: string;
  eventId: string;
  recordTime: Date;
  /** The reason of the error declaration (`did_not_occur`, `incorrect_data`), or null. */
  errorDeclared: string | null;
}

const LIST_SEPARATOR = '; ';
const GLN_OF_LOCATION = /^https:\/\/id\.gs1\.org\/414\/(\d{13})/;

const joined = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].join(LIST_SEPARATOR);
const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** "LOT-1 (Cam Hương Sơn, HTX Hương Sơn: 120 KGM)": a batch named as a source in one cell. */
function describeLot(lot: EventLot): string {
  const amount = lot.quantity !== null ? `: ${lot.quantity}${lot.unit ? ` ${lot.unit}` : ''}` : '';
  return `${lot.lotCode} (${lot.nameVi}, ${lot.businessName}${amount})`;
}

export function toExportRow(row: EventRow): ExportRow {
  const stage = stageOf(row.event_type, row.biz_step);
  const inputs = row.lots.filter((l) => l.role === 'input');
  const subjects = row.lots.filter((l) => l.role !== 'input' && l.role !== 'parent');
  const lots = subjects.length ? subjects : row.lots.filter((l) => l.role === 'parent');
  const [only] = lots.length === 1 ? lots : [];
  const documents = documentsOf(row.document);
  const sourceParty = joined([row.source_business_name, text(row.document[EXT.sourceName])]);
  return {
    eventTime: new Date(row.event_time),
    eventTimeZoneOffset: row.event_time_zone_offset,
    cte: stage ? CTE_OF_STAGE[stage] : 'other',
    stage,
    bizStep: row.biz_step,
    lotCode: joined(lots.map((l) => l.lotCode)),
    gtin: joined(lots.map((l) => l.gtin?.trim())),
    productVi: joined(lots.map((l) => l.nameVi)),
    productEn: joined(lots.map((l) => l.nameEn)),
    quantity: only ? only.quantity : joined(lots.map((l) => (l.quantity !== null ? `${l.quantity}` : null))) || null,
    unit: joined(lots.map((l) => l.unit)),
    locationName: row.location_name ?? '',
    locationAddress: [row.location_address, row.location_province].filter(Boolean).join(', '),
    locationGln: row.location_gln ?? GLN_OF_LOCATION.exec(row.biz_location ?? '')?.[1] ?? '',
    business: row.business_name ?? '',
    businessTaxCode: row.business_tax_code ?? '',
    // One step back: what a transformation used, or who the goods came from.
    previousSource: inputs.length ? inputs.map(describeLot).join(LIST_SEPARATOR) : sourceParty,
    // One step forward: who the goods went to.
    nextRecipient: joined([row.destination_business_name, text(row.document[EXT.destinationName])]),
    documentType: joined(documents.map((d) => d.type)),
    documentNumber: joined(documents.map((d) => d.id)),
    eventId: row.event_id,
    recordTime: new Date(row.record_time),
    errorDeclared: row.error_reason,
  };
}

/** The stage's name in both languages; for an event captured with another bizStep, that bizStep. */
export function stageName(row: ExportRow): { vi: string; en: string } {
  if (row.stage) return STAGES[row.stage].label;
  return { vi: row.bizStep ?? '', en: row.bizStep ?? '' };
}
