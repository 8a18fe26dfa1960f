import { IMPORT_COLUMNS, type ImportColumn, type ImportFormat, type ImportKind } from '@nguon/shared';

/** Excel opens a CSV as UTF-8 (Vietnamese intact) only when it starts with a byte-order mark. */
const UTF8_BOM = '\ufeff';

/** The guide sheet's name: Excel forbids `/` in sheet names. */
export const GUIDE_SHEET = 'Hướng dẫn - Guide';

function csvCell(text: string): string {
  return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * What begins the CSV template's guide row (under the header): the import skips a row that starts
 * with it, so the row may stay in the file. No product name or lot code starts so.
 */
export const GUIDE_ROW_MARKER = '[Hướng dẫn / Guide]';

/** One cell of the guide row: the column in both languages, whether it is required, the rule, an example. */
function guideCell(column: ImportColumn): string {
  const required = column.required ? 'Bắt buộc / Required. ' : '';
  const example = column.example ? ` Ví dụ / Example: ${column.example}` : '';
  return `${required}${column.label.vi}: ${column.help.vi}. / ${column.label.en}: ${column.help.en}.${example}`;
}

/** The header (the column keys), then the guide row, whose first cell says it may be kept or deleted. */
function csvTemplate(kind: ImportKind): Buffer {
  const columns = IMPORT_COLUMNS[kind];
  const guide = columns.map((column, index) =>
    index === 0 ? `${GUIDE_ROW_MARKER} Dòng này có thể giữ hoặc xóa / keep or delete this row. ${guideCell(column)}` : guideCell(column),
  );
  const line = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return Buffer.from(`${UTF8_BOM}${line(columns.map((c) => c.key))}${line(guide)}`, 'utf8');
}

/** The data sheet with the column keys as its header, then a guide: each column in both languages with an example. */
async function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = IMPORT_COLUMNS[kind];
  // Loaded on the first spreadsheet rather than at start: exceljs is some 400 modules.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Nguồn';
  const data = workbook.addWorksheet(kind === 'batches' ? 'Lô hàng - Batches' : 'Sự kiện - Events', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  data.columns = columns.map((c) => ({ header: c.key, key: c.key, width: Math.max(14, c.key.length + 4) }));
  data.getRow(1).font = { bold: true };
  // Typed dates stay text, so "01/10/2026" is not turned into a US date by Excel.
  data.columns.forEach((column) => {
    column.numFmt = '@';
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: 'Cột / Column', width: 18 },
    { header: 'Tên cột', width: 22 },
    { header: 'Column name', width: 22 },
    { header: 'Bắt buộc / Required', width: 12 },
    { header: 'Hướng dẫn', width: 60 },
    { header: 'Guide', width: 60 },
    { header: 'Ví dụ / Example', width: 22 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of columns) {
    guide.addRow([c.key, c.label.vi, c.label.en, c.required ? 'Có / Yes' : '', c.help.vi, c.help.en, c.example]);
  }
  guide.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  guide.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const made = new Map<string, Promise<Buffer>>();

/** A template file; static content, made once per process. */
export function importTemplate(kind: ImportKind, format: ImportFormat): Promise<Buffer> {
  const key = `${kind}.${format}`;
  if (!made.has(key)) made.set(key, format === 'csv' ? Promise.resolve(csvTemplate(kind)) : xlsxTemplate(kind));
  return made.get(key)!;
}
