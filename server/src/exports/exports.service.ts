import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXPORT_CONTENT_TYPES, isSpreadsheetFormat, vietnamDay, type ExportColumnSet, type ExportFormat, type Locale } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { LongWork } from '../database/long-work.js';
import { slicesInTurns } from '../common/in-turns.js';
import { formatEpcs } from '../epcis/epc-format.js';
import { withRecordTime, type EpcisEvent } from '../epcis/query-document.js';
import type { ExportScopeDto } from './dto/export-scope.dto.js';
import type { ColumnSet } from './export-columns.js';
import {
  countSpreadsheetRows,
  documentPage,
  eventOrder,
  pages,
  spreadsheetPage,
  type DocumentRow,
  type EventRow,
  type EventSelection,
} from './export-events.queries.js';
import { toExportRows, type ExportRow } from './export-row.js';
import { ExportScopeResolver } from './export-scope.resolver.js';
import { FSMA204_COLUMNS } from './fsma204-columns.js';
import { loadLotHistories, type LotHistory } from './lot-history.js';
import { VIETNAM_COLUMNS } from './vietnam-columns.js';
import { csvStream } from './writers/csv-writer.js';
import { epcisStream } from './writers/epcis-writer.js';
import { xlsxStream } from './writers/xlsx-writer.js';

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** Rows the file holds (the spreadsheet's, or the EPCIS document's events), known before the first byte is sent. */
  totalRows: number;
  stream: Readable;
}

/** How the spreadsheet is written: its column set, and the language of its headers, glossary and words. */
export interface ExportLayout {
  columns: ExportColumnSet;
  locale: Locale;
}

const COLUMN_SETS: Record<ExportColumnSet, ColumnSet> = { fsma204: FSMA204_COLUMNS, vietnam: VIETNAM_COLUMNS };

// A driver may hand jsonb/json back as text; the store's own rows are objects.
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Lot histories an export keeps between its pages; beyond them it starts again (each is a lot's few steps). */
const REMEMBERED_LOTS = 5_000;

/**
 * Each page of events as its rows, with the histories of the page's lots not read for an earlier
 * page read in one query: a lot's events fall on many pages, and reading its history for each
 * held the embedded database for up to 85 ms a page. A page is made into rows and written a slice
 * at a time, with the event loop's turn in between: a whole page at once kept a shopper's request
 * waiting behind it.
 */
async function* spreadsheetRows(db: EntityManager, longWork: LongWork, source: AsyncIterable<EventRow[]>): AsyncGenerator<ExportRow[]> {
  const histories = new Map<string, LotHistory>();
  for await (const page of source) {
    const events = page.map((row) => ({ ...row, document: parsed(row.document), lots: parsed(row.lots) }));
    if (histories.size > REMEMBERED_LOTS) histories.clear();
    const unread = new Set(
      events.flatMap((row) => row.lots.filter((l) => l.role !== 'input' && !histories.has(l.batchId)).map((l) => l.batchId)),
    );
    for (const [batchId, history] of await longWork.background(() => loadLotHistories(db, [...unread]))) histories.set(batchId, history);
    for await (const slice of slicesInTurns(events)) yield slice.flatMap((row) => toExportRows(row, histories));
  }
}

async function* epcisEvents(source: AsyncIterable<DocumentRow[]>): AsyncGenerator<EpcisEvent[]> {
  for await (const page of source) {
    for await (const slice of slicesInTurns(page)) {
      yield slice.map((row) =>
        formatEpcs(withRecordTime(parsed(row.document), new Date(row.record_time)), 'Always_GS1_Digital_Link', () => undefined),
      );
    }
  }
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);

/**
 * The records an inspector (or a business, of its own) hands over: one scope's critical tracking
 * events as the sortable spreadsheet (CSV, XLSX) or as an EPCIS 2.0 document, streamed page by page.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reads: ReplicaReads,
    private readonly scopes: ExportScopeResolver,
    private readonly audit: AuditTrail,
    private readonly longWork: LongWork,
  ) {}

  /** `businessId`: export only that business's records (its members' route); null: everything (inspectors). */
  async exportEvents(
    actor: Actor,
    format: ExportFormat,
    scope: ExportScopeDto,
    businessId: string | null,
    layout: ExportLayout,
  ): Promise<ExportFile> {
    const resolved = await this.scopes.resolve(scope, businessId);
    const spreadsheet = isSpreadsheetFormat(format);
    const selection: EventSelection = {
      batchIds: resolved.batchIds,
      from: resolved.from,
      to: resolved.to,
      withDeclarations: !spreadsheet,
    };
    const records = await this.reads.forEverything();
    // An export is read as long work: on the embedded database a shopper's page goes between its statements.
    const eventIds = await this.longWork.background(() => eventOrder(records, selection));
    const totalRows = spreadsheet ? await this.longWork.background(() => countSpreadsheetRows(records, eventIds)) : eventIds.length;
    // Restricted records leave the portal: who took what is kept, before the first byte goes.
    await this.audit.record(this.db.manager, actor, {
      action: 'records.export',
      targetType: 'export',
      targetId: null,
      businessId,
      details: { format, scope: { ...scope }, ...(spreadsheet ? layout : {}), batches: resolved.batchIds.length, rows: totalRows },
    });
    // The Vietnam set's file is told apart by name from the FSMA 204 one of the same records.
    const set = spreadsheet && layout.columns !== 'fsma204' ? `-${layout.columns}` : '';
    const fileName = `nguon-${safeName(resolved.label)}${set}-${vietnamDay()}.${format}`;
    return { fileName, contentType: EXPORT_CONTENT_TYPES[format], totalRows, stream: this.stream(records, format, eventIds, layout) };
  }

  private stream(records: EntityManager, format: ExportFormat, eventIds: string[], { columns, locale }: ExportLayout): Readable {
    if (!isSpreadsheetFormat(format)) {
      return epcisStream(
        epcisEvents(pages(eventIds, (ids) => this.longWork.background(() => documentPage(records, ids)))),
        format === 'xml' ? 'xml' : 'json-ld',
      );
    }
    const rows = spreadsheetRows(
      records,
      this.longWork,
      pages(eventIds, (ids) => this.longWork.background(() => spreadsheetPage(records, ids))),
    );
    const set = COLUMN_SETS[columns];
    return format === 'csv' ? csvStream(rows, set.columns, locale) : xlsxStream(rows, set, locale);
  }
}
