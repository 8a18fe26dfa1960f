import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { formatEpcs } from '../epcis/epc-format.js';
import { withRecordTime, type EpcisEvent } from '../epcis/query-document.js';
import type { ExportScopeDto } from './dto/export-scope.dto.js';
import {
  countEvents,
  documentPage,
  pages,
  spreadsheetPage,
  type DocumentRow,
  type EventRow,
  type EventSelection,
} from './export-events.queries.js';
import { toExportRow, type ExportRow } from './export-row.js';
import { ExportScopeResolver } from './export-scope.resolver.js';
import { csvStream } from './writers/csv-writer.js';
import { epcisStream } from './writers/epcis-writer.js';
import { xlsxStream } from './writers/xlsx-writer.js';

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** Rows (events) the file holds, known before the first byte is sent. */
  totalRows: number;
  stream: Readable;
}

// A driver may hand jsonb/json back as text; the store's own rows are objects.
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

async function* spreadsheetRows(source: AsyncIterable<EventRow[]>): AsyncGenerator<ExportRow[]> {
  for await (const page of source) yield page.map((row) => toExportRow({ ...row, document: parsed(row.document), lots: parsed(row.lots) }));
}

async function* epcisEvents(source: AsyncIterable<DocumentRow[]>): AsyncGenerator<EpcisEvent[]> {
  for await (const page of source) {
    yield page.map((row) =>
      formatEpcs(withRecordTime(parsed(row.document), new Date(row.record_time)), 'Always_GS1_Digital_Link', () => undefined),
    );
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
    private readonly scopes: ExportScopeResolver,
    private readonly audit: AuditTrail,
  ) {}

  /** `businessId`: export only that business's records (its members' route); null: everything (inspectors). */
  async exportEvents(actor: Actor, format: ExportFormat, scope: ExportScopeDto, businessId: string | null): Promise<ExportFile> {
    const resolved = await this.scopes.resolve(scope, businessId);
    const selection: EventSelection = {
      batchIds: resolved.batchIds,
      from: resolved.from,
      to: resolved.to,
      withDeclarations: format === 'jsonld',
    };
    const totalRows = await countEvents(this.db, selection);
    // Restricted records leave the portal: who took what is kept, before the first byte goes.
    await this.audit.record(this.db.manager, actor, {
      action: 'records.export',
      targetType: 'export',
      targetId: null,
      businessId,
      details: { format, scope: { ...scope }, batches: resolved.batchIds.length, rows: totalRows },
    });
    const fileName = `nguon-${safeName(resolved.label)}-${new Date().toISOString().slice(0, 10)}.${format}`;
    return { fileName, contentType: EXPORT_CONTENT_TYPES[format], totalRows, stream: this.stream(format, selection) };
  }

  private stream(format: ExportFormat, selection: EventSelection): Readable {
    if (format === 'jsonld') return epcisStream(epcisEvents(pages((after) => documentPage(this.db, selection, after))));
    const rows = spreadsheetRows(pages((after) => spreadsheetPage(this.db, selection, after)));
    return format === 'csv' ? csvStream(rows) : xlsxStream(rows);
  }
}
