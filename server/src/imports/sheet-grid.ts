import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { overLimit, SheetRefused, unreadable, type SheetLimits } from './sheet-refusal.js';
import { assertZipWithinLimit } from './zip-guard.js';

/** One non-empty line of a file: its row number and its cells' text, up to the last non-empty one. */
export interface GridRow {
  row: number;
  cells: string[];
}

/**
 * The non-empty rows of a CSV or of an XLSX's first worksheet, under the limits: more data rows
 * than `rows`, a cell past column `columns` or longer than `cellChars`, or an XLSX unpacking to
 * more than `uncompressedBytes` is refused as soon as it is seen. Runs in a worker thread.
 */
export function readGrid(format: 'csv' | 'xlsx', body: Buffer, limits: SheetLimits): Promise<GridRow[]> | GridRow[] {
  return format === 'csv' ? readCsv(body, limits) : readXlsx(body, limits);
}

/** Collects the non-empty rows, refusing the first one past a limit. */
class Grid {
  readonly rows: GridRow[] = [];
  constructor(private readonly limits: SheetLimits) {}

  add(row: number, cells: string[]): void {
    let last = cells.length;
    while (last > 0 && cells[last - 1] === '') last--;
    if (last === 0) return;
    if (last > this.limits.columns) throw overLimit('columns', this.limits.columns);
    if (cells.some((cell) => cell.length > this.limits.cellChars)) throw overLimit('cellChars', this.limits.cellChars);
    // The header (row 1) is not a data row.
    if (this.rows.length - (this.rows[0]?.row === 1 ? 1 : 0) >= this.limits.rows) throw overLimit('rows', this.limits.rows);
    this.rows.push({ row, cells: cells.slice(0, last) });
  }
}

function readCsv(body: Buffer, limits: SheetLimits): GridRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw unreadable(RULE_MESSAGES.imports.csvNotUtf8);
  }
  const firstLine = text.split('\n', 1)[0] ?? '';
  // Excel in a Vietnamese locale writes `;` (the comma is the decimal separator there).
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw unreadable(RULE_MESSAGES.imports.csvUnreadable(error.code), line);
  }
  const grid = new Grid(limits);
  records.forEach((cells, n) => grid.add(n + 1, cells));
  return grid.rows;
}

/**
 * The first worksheet, streamed, after the zip passed its size check. A row's cells are taken
 * from the cells it has (a lone cell at column XFD is one cell, refused, not 16,384 empty ones).
 */
async function readXlsx(body: Buffer, limits: SheetLimits): Promise<GridRow[]> {
  assertZipWithinLimit(body, limits.uncompressedBytes);
  const grid = new Grid(limits);
  // Loaded on the first spreadsheet rather than at start: exceljs is some 400 modules.
  const { default: Excel } = await import('exceljs');
  try {
    const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([body]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells: string[] = [];
        row.eachCell((cell, column) => {
          if (column > limits.columns) throw overLimit('columns', limits.columns);
          cells[column - 1] = cellText(cell.value);
        });
        grid.add(
          row.number,
          Array.from(cells, (cell) => cell ?? ''),
        );
      }
      break;
    }
  } catch (error) {
    if (error instanceof SheetRefused) throw error;
    throw unreadable(RULE_MESSAGES.imports.xlsxUnreadable);
  }
  return grid.rows;
}

/** A cell as the text a CSV would hold. Excel keeps dates as wall-clock times without a zone, read here as UTC. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value).trim();
}
