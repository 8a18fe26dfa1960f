import ExcelJS from 'exceljs';
import { IMPORT_CONTENT_TYPES, IMPORT_MAX_ROWS } from '@nguon/shared';

const HEADER = ['product', 'lot_code', 'production_date'];

/**
 * Checking the largest import file the portal takes (10,000 rows, XLSX and CSV), and what a
 * reader of /api/health sees meanwhile: the file is read in a worker thread and the rows are
 * checked in turns, so health should stay at its floor.
 */
export async function benchImportCheck(
  url: string,
  owner: { email: string; password: string },
  businessId: string,
  gtin: string,
): Promise<void> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  const { accessToken: token } = (await login.json()) as { accessToken: string };
  const rows = Array.from({ length: IMPORT_MAX_ROWS }, (_, n) => [gtin, `IMP-${n}`, '01/10/2026']);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  [HEADER, ...rows].forEach((row) => sheet.addRow(row));
  const files = {
    xlsx: Buffer.from(await workbook.xlsx.writeBuffer()),
    csv: Buffer.from([HEADER, ...rows].map((row) => row.join(',')).join('\n')),
  };
  const table = [];
  for (const format of ['xlsx', 'csv'] as const) {
    const started = performance.now();
    let done = false;
    const check = fetch(`${url}/api/businesses/${businessId}/imports/check?kind=batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': IMPORT_CONTENT_TYPES[format] },
      body: files[format],
    }).finally(() => (done = true));
    const health: number[] = [];
    while (!done) {
      const asked = performance.now();
      await fetch(`${url}/api/health`);
      health.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const response = await check;
    if (response.status !== 200) throw new Error(`bench import check failed: ${response.status} ${await response.text()}`);
    health.sort((a, b) => a - b);
    table.push({
      file: `${IMPORT_MAX_ROWS} rows, ${format.toUpperCase()} (${Math.round(files[format].length / 1024)} kB)`,
      'check ms': Math.round(performance.now() - started),
      'health asks meanwhile': health.length,
      'health p50 ms': Math.round(health[Math.floor(health.length / 2)] ?? 0),
      'health max ms': Math.round(health.at(-1) ?? 0),
    });
  }
  console.log(
    'Import check of the largest file taken (read in a worker thread, rows checked in turns), with /api/health asked every 20 ms meanwhile:',
  );
  console.table(table);
}
