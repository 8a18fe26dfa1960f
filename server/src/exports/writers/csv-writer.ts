import { Readable } from 'node:stream';
import { EXPORT_COLUMNS, isoWithOffset, type ExportColumn } from '../export-columns.js';
import type { ExportRow } from '../export-row.js';

// A cell a spreadsheet would run as a formula (CSV injection): shown as text by a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(column: ExportColumn, row: ExportRow): string {
  const value = column.value(row);
  if (value === null) return '';
  if (value instanceof Date) return isoWithOffset(value, column.offset?.(row) ?? '+00:00');
  if (typeof value === 'number') return String(value);
  return field(value);
}

const line = (cells: string[]) => `${cells.join(',')}\r\n`;

async function* csvChunks(pages: AsyncIterable<ExportRow[]>): AsyncGenerator<Buffer> {
  // The byte order mark tells Excel the file is UTF-8 (Vietnamese names stay readable).
  yield Buffer.from(`\uFEFF${line(EXPORT_COLUMNS.map((c) => field(c.header)))}`, 'utf8');
  for await (const page of pages) {
    yield Buffer.from(page.map((row) => line(EXPORT_COLUMNS.map((c) => cell(c, row)))).join(''), 'utf8');
  }
}

/** The spreadsheet as CSV (RFC 4180, UTF-8 with BOM, one header row), one page of rows per chunk. */
export function csvStream(pages: AsyncIterable<ExportRow[]>): Readable {
  return Readable.from(csvChunks(pages), { objectMode: false });
}
