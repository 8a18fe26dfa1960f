import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { TraceDirection } from './trace.js';

/** The files an export can be: the sortable spreadsheet (CSV, XLSX) and the EPCIS 2.0 document (JSON-LD, XML). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonld', 'xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats that are spreadsheets, with columns; the others are EPCIS documents of the events. */
export function isSpreadsheetFormat(format: ExportFormat): boolean {
  return format === 'csv' || format === 'xlsx';
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonld: 'application/ld+json',
  xml: 'application/xml; charset=utf-8',
};

/**
 * The spreadsheet's column sets: the FDA's FSMA 204 key data elements (21 CFR 1.1325-1.1350), or
 * Vietnam's terms (Circular 02/2024/TT-BKHCN, TCVN 12850:2019: the lot, the product, the business,
 * the stage, the place, the time, the documents and certificates). The EPCIS document has none.
 */
export const EXPORT_COLUMN_SETS = ['fsma204', 'vietnam'] as const;
export type ExportColumnSet = (typeof EXPORT_COLUMN_SETS)[number];

export const EXPORT_COLUMN_SET_NAMES: Record<ExportColumnSet, LocalizedText> = {
  fsma204: { vi: 'FSMA 204 (Hoa Kỳ, 21 CFR 1.1325–1.1350)', en: 'FSMA 204 (United States, 21 CFR 1.1325–1.1350)' },
  vietnam: { vi: 'Việt Nam (Thông tư 02/2024/TT-BKHCN, TCVN 12850:2019)', en: 'Vietnam (Circular 02/2024/TT-BKHCN, TCVN 12850:2019)' },
};

/**
 * How the spreadsheet is written, as query parameters of the export request: its column set
 * (FSMA 204 when not given) and the language of its headers, glossary and words (the request's
 * Accept-Language when not given, Vietnamese by default).
 */
export interface ExportOptions {
  columns?: ExportColumnSet;
  lang?: Locale;
}

/** How many lots one list may name (a list pasted from a recall notice or a retailer's records). */
export const EXPORT_LOTS_MAX = 1000;

/** A lot as an inspector names it: the lot code, with the GTIN when the code alone is ambiguous. */
export interface LotReference {
  gtin?: string;
  lotCode: string;
}

/**
 * Which records an export holds:
 * - `trace`: every event of the batches a trace from the batch (by id, or by its lot) reaches;
 * - `product`: the events of the product's batches (by id or GTIN) with an event time in [from, to);
 * - `lots`: every event of the lots named (a lot that matches nothing is refused, never dropped).
 */
export type ExportScope =
  | { kind: 'trace'; batchId?: string; lot?: LotReference; direction?: TraceDirection; depth?: number }
  | { kind: 'product'; productId?: string; gtin?: string; from: string; to: string }
  | { kind: 'lots'; lots: LotReference[] };

export const EXPORT_SCOPE_KINDS = ['trace', 'product', 'lots'] as const;
export type ExportScopeKind = (typeof EXPORT_SCOPE_KINDS)[number];

/**
 * The response headers of an export besides the file: how many rows it holds (the spreadsheet's
 * rows, one per event, lot and transformation input; the EPCIS document's events), sent
 * before the first byte so that a client can show progress while it reads the stream.
 */
export const EXPORT_TOTAL_ROWS_HEADER = 'x-total-rows';
