import ExcelJS from 'exceljs';
import { IMPORT_CONTENT_TYPES, type ImportJobView, type ImportKind } from '@nguon/shared';
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
  baseUrl: string, who: Credential, businessId: string, kind: ImportKind, file: string | Buffer,
  options: { check?: boolean; contentType?: string } = {},
): Promise<HttpResponse> {
  const contentType = options.contentType ?? (typeof file === 'string' ? IMPORT_CONTENT_TYPES.csv : IMPORT_CONTENT_TYPES.xlsx);
  return httpClient(baseUrl).post(`/api/businesses/${businessId}/imports${options.check ? '/check' : ''}?kind=${kind}`, file, {
    token: who.token, headers: { 'content-type': contentType, 'accept-language': 'en' },
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
