import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { IMPORT_CONTENT_TYPES, type ImportJobView, type ImportKind, type Locale } from '@nguon/shared';
import { httpClient, type HttpResponse } from '../support/http.js';
import type { Credential } from './index.js';

/** A CSV import file: the header keys, then one line per row (cells quoted when they need it). */
export function importCsv(header: readonly string[], rows: readonly (readonly string[])[], delimiter = ','): string {
  const cell = (text: string) => (/[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [header, ...rows].map((line) => line.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

/** The same rows as an XLSX workbook, as Excel would save them. */
export async function importXlsx(header: readonly string[], rows: readonly (readonly (string | number | Date)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Uploads an import file as the raw body: to `/check` (nothing stored) or to start a job.
 * The shared JSON client cannot send bytes, so this speaks fetch directly.
 */
export async function uploadImport(
  baseUrl: string,
  who: Credential,
  businessId: string,
  kind: ImportKind,
  file: string | Buffer,
  options: { check?: boolean; contentType?: string; language?: Locale } = {},
): Promise<HttpResponse> {
  const contentType = options.contentType ?? (typeof file === 'string' ? IMPORT_CONTENT_TYPES.csv : IMPORT_CONTENT_TYPES.xlsx);
  return httpClient(baseUrl).post(`/api/businesses/${businessId}/imports${options.check ? '/check' : ''}?kind=${kind}`, file, {
    token: who.token,
    headers: { 'content-type': contentType, 'accept-language': options.language ?? 'en' },
  });
}

/** Follows a job until its run ends (the API answers at once; the run goes on behind it). */
export async function finishedImport(baseUrl: string, who: Credential, jobId: string): Promise<ImportJobView> {
  for (;;) {
    const response = await fetch(`${baseUrl}/api/imports/${jobId}`, { headers: { authorization: `Bearer ${who.token}` } });
    const job = (await response.json()) as ImportJobView;
    if (response.status !== 200) throw new Error(`GET job: ${response.status} ${JSON.stringify(job)}`);
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One file of a hand-made zip: its bytes (compressed here), or already deflated bytes and the size they inflate to. */
export type ZipFile = { name: string; text: string } | { name: string; deflated: Buffer; size: number; declaredSize?: number };

/**
 * A zip written byte by byte (local headers, central directory), so a test can make one that a
 * library would refuse to write: an entry declaring a size it does not have.
 */
export function handMadeZip(files: readonly ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const raw = 'text' in file ? Buffer.from(file.text) : null;
    const data = raw ? zlib.deflateRawSync(raw) : (file as { deflated: Buffer }).deflated;
    const size = raw ? raw.length : ((file as { declaredSize?: number; size: number }).declaredSize ?? (file as { size: number }).size);
    const crc = raw ? zlib.crc32(raw) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

/**
 * About `megabytes` MB of `chunk` repeated, deflated in about a thousandth of that: one deflated
 * megabyte ending on a full flush (so it stands alone) repeated, then an empty final block.
 * What a zip bomb carries, made without ever holding it inflated.
 */
export function deflatedRepeat(chunk: string, megabytes: number): { deflated: Buffer; size: number } {
  const block = Buffer.from(chunk.repeat(Math.ceil((1024 * 1024) / chunk.length)));
  const segment = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const lastEmptyBlock = Buffer.from([0x03, 0x00]);
  return { deflated: Buffer.concat([...Array<Buffer>(megabytes).fill(segment), lastEmptyBlock]), size: block.length * megabytes };
}

/** The parts of a one-sheet XLSX around a worksheet's rows, for hand-made workbooks. */
export const XLSX_FRAME = {
  files: [
    {
      name: '[Content_Types].xml',
      text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      text: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
  ],
  sheetStart:
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  sheetEnd: '</sheetData></worksheet>',
} as const;
