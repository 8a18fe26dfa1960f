import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, type ImportFormat, type ImportKind } from '@nguon/shared';
import { DomainError } from '../common/errors/domain-error.js';
import { plainName } from './import-cells.js';
import { RowProblems } from './row-problems.js';

/** One data row of an uploaded file: its spreadsheet row number and its non-empty cells by column key. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<string, string>>;
}

/**
 * Reads an uploaded CSV or XLSX into rows keyed by the template's column keys. The header may use
 * the keys or the columns' Vietnamese or English titles; unknown or missing columns are refused,
 * so a misspelt header never silently drops data.
 */
export async function readImportFile(kind: ImportKind, format: ImportFormat, body: Buffer): Promise<SheetRow[]> {
  const grid = format === 'csv' ? readCsv(body) : await readXlsx(body);
  const header = grid[0];
  if (!header || header.cells.every((cell) => cell === '')) throw fileProblem('Tệp không có dòng tiêu đề', 'The file has no header row');
  const keys = headerKeys(kind, header.cells);
  const rows = grid.slice(1).filter((line) => line.cells.some((cell) => cell !== ''));
  if (rows.length === 0) throw fileProblem('Tệp không có dòng dữ liệu nào', 'The file has no data rows');
  if (rows.length > IMPORT_MAX_ROWS) throw tooManyRows();
  const problems = new RowProblems();
  const sheetRows = rows.map(({ row, cells }) => {
    if (cells.slice(keys.length).some((cell) => cell !== '')) problems.add({ row }, 'Dòng có nhiều ô hơn tiêu đề', 'The row has more cells than the header');
    return { row, cells: Object.fromEntries(keys.flatMap((key, n) => (cells[n] ? [[key, cells[n]]] : []))) };
  });
  problems.throwIfAny();
  return sheetRows;
}

const fileProblem = (vi: string, en: string) => RowProblems.single({}, vi, en);
const tooManyRows = () => new DomainError('PAYLOAD_TOO_LARGE', { vi: `Tối đa ${IMPORT_MAX_ROWS} dòng mỗi tệp; hãy chia nhỏ tệp.`, en: `At most ${IMPORT_MAX_ROWS} rows per file; split the file.` });

function headerKeys(kind: ImportKind, titles: string[]): string[] {
  const columns = IMPORT_COLUMNS[kind];
  const byTitle = new Map(columns.flatMap((c) => [[plainName(c.key), c.key], [plainName(c.label.vi), c.key], [plainName(c.label.en), c.key]]));
  const problems = new RowProblems();
  const keys = titles.map((title) => {
    const key = byTitle.get(plainName(title));
    if (!key && title !== '') problems.add({ column: title }, `Cột "${title}" không có trong mẫu`, `The template has no column "${title}"`);
    return key ?? '';
  });
  for (const column of columns) {
    const count = keys.filter((key) => key === column.key).length;
    if (column.required && count === 0) problems.add({ column: column.key }, 'Thiếu cột bắt buộc này', 'This required column is missing');
    if (count > 1) problems.add({ column: column.key }, 'Cột này có nhiều lần', 'This column appears more than once');
  }
  problems.throwIfAny();
  return keys;
}

interface GridRow {
  row: number;
  cells: string[];
}

function readCsv(body: Buffer): GridRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw fileProblem('Tệp CSV không phải UTF-8: trong Excel hãy lưu dạng "CSV UTF-8"', 'The CSV is not UTF-8: in Excel, save as "CSV UTF-8"');
  }
  const firstLine = text.split('\n', 1)[0] ?? '';
  // Excel in a Vietnamese locale writes `;` (the comma is the decimal separator there).
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records: string[][] = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, trim: true });
    return records.map((cells, n) => ({ row: n + 1, cells }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw RowProblems.single(line ? { row: line } : {}, `Không đọc được tệp CSV (${error.code})`, `The CSV cannot be read (${error.code})`);
  }
}

/**
 * The first worksheet, streamed: a 5 MB XLSX is compressed and could unpack to millions of rows,
 * so reading stops as soon as the file holds more than the row limit.
 */
async function readXlsx(body: Buffer): Promise<GridRow[]> {
  const rows: GridRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (rows.length > IMPORT_MAX_ROWS + 1) throw tooManyRows();
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        rows.push({ row: row.number, cells: Array.from(values, (value) => cellText(value as ExcelJS.CellValue)) });
      }
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw fileProblem('Không đọc được tệp Excel (.xlsx)', 'The Excel file (.xlsx) cannot be read');
  }
  return rows[0]?.row === 1 ? rows : [{ row: 1, cells: [] }, ...rows];
}

/** A cell as the text a CSV would hold. Excel keeps dates as wall-clock times without a zone, read here as UTC. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value).trim();
}
