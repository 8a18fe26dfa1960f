import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CRITICAL_TRACKING_EVENTS, CTE_OF_STAGE } from '../critical-tracking-events.js';
import { STAGES, type Stage } from '@nguon/shared';
import { EXPORT_COLUMNS, localTime, type CellValue, type ExportColumn } from '../export-columns.js';
import type { ExportRow } from '../export-row.js';

export const EVENTS_SHEET = 'Events';
export const GLOSSARY_SHEET = 'Glossary';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Excel has no time zones: a time is written as the wall clock of its column's offset. */
function cell(column: ExportColumn, row: ExportRow): CellValue {
  const value = column.value(row);
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

function writeGlossary(sheet: ExcelJS.Worksheet): void {
  const heading = (values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  heading(['Column', 'Cột', 'Explanation', 'Giải thích']);
  for (const column of EXPORT_COLUMNS) sheet.addRow([column.header, column.vi, column.description.en, column.description.vi]).commit();
  sheet.addRow([]).commit();
  heading(['Critical tracking event (CTE)', 'Sự kiện truy xuất trọng yếu', 'Recorded as the portal stages', 'Ghi nhận qua các công đoạn']);
  for (const [cte, name] of Object.entries(CRITICAL_TRACKING_EVENTS)) {
    const stages = (Object.keys(CTE_OF_STAGE) as Stage[])
      .filter((stage) => CTE_OF_STAGE[stage] === cte)
      .map((stage) => STAGES[stage].label);
    sheet.addRow([name.en, name.vi, stages.map((s) => s.en).join(', '), stages.map((s) => s.vi).join(', ')]).commit();
  }
}

async function writeWorkbook(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  pages: AsyncIterable<ExportRow[]>,
  out: PassThrough,
): Promise<void> {
  workbook.creator = 'Nguồn';
  // The events sheet first: the zip takes the sheets in the order they are added, so its rows stream out as written.
  const events = workbook.addWorksheet(EVENTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  events.columns = EXPORT_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.kind === 'datetime' ? { numFmt: DATE_TIME_FORMAT } : {},
  }));
  events.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const glossary = workbook.addWorksheet(GLOSSARY_SHEET);
  glossary.columns = [{ width: 30 }, { width: 30 }, { width: 60 }, { width: 60 }];
  events.getRow(1).font = { bold: true };
  events.getRow(1).commit();
  for await (const page of pages) {
    for (const row of page) events.addRow(EXPORT_COLUMNS.map((c) => cell(c, row))).commit();
    await drained(out);
    if (out.destroyed) return;
  }
  events.commit();
  writeGlossary(glossary);
  glossary.commit();
  await workbook.commit();
}

/**
 * The spreadsheet as XLSX through exceljs's streaming writer: the events sheet (typed cells, frozen
 * header row, autofilter) then the glossary sheet; rows are committed page by page, never all held.
 */
export function xlsxStream(pages: AsyncIterable<ExportRow[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  writeWorkbook(workbook, pages, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
