import { IMPORT_COLUMNS, type ImportFormat, type ImportKind } from '@nguon/shared';
import { plainName } from './import-cells.js';
import { GUIDE_ROW_MARKER } from './import-templates.js';
import { RowProblems } from './row-problems.js';
import type { ImportWorkers } from './import-workers.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

/** One data row of an uploaded file: its spreadsheet row number and its non-empty cells by column key. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<string, string>>;
}

/**
 * Reads an uploaded CSV or XLSX into rows keyed by the template's column keys. The header may use
 * the keys or the columns' Vietnamese or English titles; unknown or missing columns are refused,
 * so a misspelt header never silently drops data. The CSV template's guide row is skipped.
 */
export async function readImportFile(reader: ImportWorkers, kind: ImportKind, format: ImportFormat, body: Buffer): Promise<SheetRow[]> {
  // Only non-empty rows come back, read under the size limits in a worker thread.
  const grid = await reader.read(format, body);
  const header = grid[0];
  if (header?.row !== 1) throw RowProblems.single({}, RULE_MESSAGES.imports.noHeaderRow);
  const keys = headerKeys(kind, header.cells);
  const rows = grid.slice(1).filter(({ cells }) => !cells[0]?.startsWith(GUIDE_ROW_MARKER));
  if (rows.length === 0) throw RowProblems.single({}, RULE_MESSAGES.imports.noDataRows);
  const problems = new RowProblems();
  const sheetRows = rows.map(({ row, cells }) => {
    if (cells.slice(keys.length).some((cell) => cell !== '')) problems.add({ row }, RULE_MESSAGES.imports.rowWiderThanHeader);
    return { row, cells: Object.fromEntries(keys.flatMap((key, n) => (cells[n] ? [[key, cells[n]]] : []))) };
  });
  problems.throwIfAny();
  return sheetRows;
}

function headerKeys(kind: ImportKind, titles: string[]): string[] {
  const columns = IMPORT_COLUMNS[kind];
  const byTitle = new Map(
    columns.flatMap((c) => [
      [plainName(c.key), c.key],
      [plainName(c.label.vi), c.key],
      [plainName(c.label.en), c.key],
    ]),
  );
  const problems = new RowProblems();
  const keys = titles.map((title) => {
    const key = byTitle.get(plainName(title));
    if (!key && title !== '') problems.add({ column: title }, RULE_MESSAGES.imports.unknownColumn(title));
    return key ?? '';
  });
  for (const column of columns) {
    const count = keys.filter((key) => key === column.key).length;
    if (column.required && count === 0) problems.add({ column: column.key }, RULE_MESSAGES.imports.requiredColumnMissing);
    if (count > 1) problems.add({ column: column.key }, RULE_MESSAGES.imports.columnRepeated);
  }
  problems.throwIfAny();
  return keys;
}
