import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { localize, type Locale, type LocalizedText } from '@nguon/shared';
import { cellText, localTime, type CellValue, type ColumnSet, type ExportColumn } from '../export-columns.js';
import type { ExportRow } from '../export-row.js';

export const EVENTS_SHEET: LocalizedText = { vi: 'Sự kiện', en: 'Events' };
export const GLOSSARY_SHEET: LocalizedText = { vi: 'Giải thích', en: 'Glossary' };
const GLOSSARY_HEADING: LocalizedText[] = [
  { vi: 'Cột', en: 'Column' },
  { vi: 'Giải thích', en: 'Explanation' },
];
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Excel has no time zones: a time is written as the wall clock of its column's offset. */
function cell(column: ExportColumn, row: ExportRow, locale: Locale): CellValue {
  const value = column.value(row, locale);
  return value instanceof Date ? localTime(value, column.offset?.(row) ?? '+00:00') : value;
}

/** Resolves once the reader has taken what is buffered (or has gone away). */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    out.once('drain', resolve);
    out.once('close', resolve);
  });
}

/** Each column (its header, what it holds, what requires it), then the set's own tables, in the language. */
function writeGlossary(sheet: ExcelJS.Worksheet, set: ColumnSet, locale: Locale): void {
  const heading = (values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  heading([...GLOSSARY_HEADING, set.basisHeading].map((text) => localize(text, locale)));
  for (const column of set.columns) {
    sheet.addRow([column.label, column.description, column.basis].map((text) => cellText(text, locale))).commit();
  }
  for (const table of set.tables) {
    sheet.addRow([]).commit();
    heading(table.heading.map((text) => localize(text, locale)));
    for (const row of table.rows) sheet.addRow(row.map((text) => cellText(text, locale))).commit();
  }
}

async function writeWorkbook(pages: AsyncIterable<ExportRow[]>, set: ColumnSet, locale: Locale, out: PassThrough): Promise<void> {
  // Loaded on the first spreadsheet rather than at start: exceljs is some 400 modules.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Nguồn';
  const { columns } = set;
  // The events sheet first: the zip takes the sheets in the order they are added, so its rows stream out as written.
  const events = workbook.addWorksheet(localize(EVENTS_SHEET, locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  events.columns = columns.map((c) => ({
    header: localize(c.label, locale),
    width: c.width,
    style: c.kind === 'datetime' ? { numFmt: DATE_TIME_FORMAT } : {},
  }));
  events.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const glossary = workbook.addWorksheet(localize(GLOSSARY_SHEET, locale));
  glossary.columns = [{ width: 36 }, { width: 80 }, { width: 50 }];
  events.getRow(1).font = { bold: true };
  events.getRow(1).commit();
  for await (const page of pages) {
    for (const row of page) events.addRow(columns.map((c) => cell(c, row, locale))).commit();
    await drained(out);
    if (out.destroyed) return;
  }
  events.commit();
  writeGlossary(glossary, set, locale);
  glossary.commit();
  await workbook.commit();
}

/**
 * The spreadsheet as XLSX through exceljs's streaming writer: the events sheet (typed cells, frozen
 * header row, autofilter) then the glossary sheet, in the language; rows are committed page by
 * page, never all held.
 */
export function xlsxStream(pages: AsyncIterable<ExportRow[]>, set: ColumnSet, locale: Locale): Readable {
  const out = new PassThrough();
  writeWorkbook(pages, set, locale, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
