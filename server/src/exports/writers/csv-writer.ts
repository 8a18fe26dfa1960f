import { Readable } from 'node:stream';
import { localize, type Locale } from '@nguon/shared';
import { isoWithOffset, type ExportColumn } from '../export-columns.js';
import type { ExportRow } from '../export-row.js';

// A cell a spreadsheet would run as a formula (CSV injection): shown as text by a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(column: ExportColumn, row: ExportRow, locale: Locale): string {
  const value = column.value(row, locale);
  if (value === null) return '';
  if (value instanceof Date) return isoWithOffset(value, column.offset?.(row) ?? '+00:00');
  if (typeof value === 'number') return String(value);
  return field(value);
}

const line = (cells: string[]) => `${cells.join(',')}\r\n`;

async function* csvChunks(pages: AsyncIterable<ExportRow[]>, columns: ExportColumn[], locale: Locale): AsyncGenerator<Buffer> {
  // The byte order mark tells Excel the file is UTF-8 (Vietnamese names stay readable).
  yield Buffer.from(`\uFEFF${line(columns.map((c) => field(localize(c.label, locale))))}`, 'utf8');
  for await (const page of pages) {
    yield Buffer.from(page.map((row) => line(columns.map((c) => cell(c, row, locale)))).join(''), 'utf8');
  }
}

/** The spreadsheet as CSV (RFC 4180, UTF-8 with BOM, one header row in the language), one page of rows per chunk. */
export function csvStream(pages: AsyncIterable<ExportRow[]>, columns: ExportColumn[], locale: Locale): Readable {
  return Readable.from(csvChunks(pages, columns, locale), { objectMode: false });
}
