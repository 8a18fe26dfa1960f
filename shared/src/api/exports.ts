import type { TraceDirection } from './trace.js';

/** The files an export can be: the sortable spreadsheet (CSV, XLSX) and the EPCIS 2.0 document. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonld: 'application/ld+json',
};

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
 * The response headers of an export besides the file: how many events (rows) it holds, sent
 * before the first byte so that a client can show progress while it reads the stream.
 */
export const EXPORT_TOTAL_ROWS_HEADER = 'x-total-rows';
