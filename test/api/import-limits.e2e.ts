import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IMPORT_MAX_ROWS } from '@nguon/shared';
import { createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { deflatedRepeat, handMadeZip, importCsv, importXlsx, uploadImport, XLSX_FRAME } from '../factories/imports.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MB = 1024 * 1024;
const HEADER = ['product', 'lot_code', 'production_date'];

/** Runs `during` while asking /api/health every 20 ms; the slowest answer's time, in milliseconds. */
async function slowestHealth(baseUrl: string, during: Promise<unknown>): Promise<number> {
  let slowest = 0;
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return slowest;
}

/** The peak growth of this process's resident memory (the app's, and its reading threads') while `during` runs. */
async function peakMemoryGrowth(during: Promise<unknown>): Promise<number> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  await during.finally(() => clearInterval(timer));
  return peak - before;
}

describe('import file limits', () => {
  let t: TestApp;
  let f: Factory;
  let farm: Producer;

  const check = (file: string | Buffer, app = t) =>
    uploadImport(app.baseUrl, farm.owner, farm.business.id, 'batches', file, { check: true });
  const rowsOf = (count: number) => Array.from({ length: count }, (_, n) => [farm.product.gtin!, `BIG${n}`, '01/10/2026']);

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    farm = await createProducer(f, await createUser(f, { role: 'admin' }));
  });
  afterAll(async () => t?.close());

  describe('an XLSX that unpacks to far more than it weighs (a zip bomb)', () => {
    // About 1.2 MB that unpack to 400 MB of rows.
    const bomb = (declaredSize?: number) =>
      handMadeZip([
        ...XLSX_FRAME.files,
        {
          name: 'xl/worksheets/sheet1.xml',
          ...deflatedRepeat('<row><c t="inlineStr"><is><t>x</t></is></c></row>', 400),
          ...(declaredSize ? { declaredSize } : {}),
        },
      ]);

    /** Checks the file, with the time it took and how much this process's memory grew meanwhile. */
    const measured = async (file: Buffer) => {
      const started = performance.now();
      let response!: Awaited<ReturnType<typeof check>>;
      const growth = await peakMemoryGrowth(check(file).then((r) => (response = r)));
      return { response, ms: performance.now() - started, growth };
    };

    it('is refused from its declared size at once, without inflating it (413 naming the limit)', async () => {
      const file = bomb();
      expect(file.length).toBeLessThan(2 * MB);
      const { response, ms, growth } = await measured(file);
      const error = expectApiError(response, 413, 'PAYLOAD_TOO_LARGE');
      expect(error.message).toBe('The Excel file unpacks to more than 50 MB (the uncompressed size limit); split the file.');
      // Generous (a loaded CI machine): inflating the whole bomb took over a minute before; memory is the sharper proof.
      expect(ms).toBeLessThan(15_000);
      expect(growth).toBeLessThan(300 * MB);
    });

    it('is refused as soon as it inflates past the limit when its entries declare small sizes (413)', async () => {
      const { response, ms, growth } = await measured(bomb(1000));
      expect(expectApiError(response, 413, 'PAYLOAD_TOO_LARGE').message).toMatch(/uncompressed size limit/);
      // Generous (a loaded CI machine): inflating the whole bomb took over a minute before; memory is the sharper proof.
      expect(ms).toBeLessThan(15_000);
      expect(growth).toBeLessThan(300 * MB);
    });

    it('is refused when an entry hides behind another the directory does not list (422)', async () => {
      const good = handMadeZip([
        ...XLSX_FRAME.files,
        { name: 'xl/worksheets/sheet1.xml', text: `${XLSX_FRAME.sheetStart}${XLSX_FRAME.sheetEnd}` },
      ]);
      // The same bytes with one more local entry in front: the streaming reader would see it, the directory does not.
      const hidden = handMadeZip([{ name: 'xl/extra.xml', text: 'x'.repeat(100) }]);
      const smuggled = Buffer.concat([hidden.subarray(0, hidden.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))), good]);
      expectApiError(await check(smuggled), 422, 'IMPORT_FILE_INVALID', ['file']);
    });
  });

  describe('cells and rows past the limits', () => {
    it('refuses an XLSX with a cell far to the right on every row, quickly (413 naming the column limit)', async () => {
      // What took 67 s and 4.2 GB: each row read as 16,384 cells.
      const header = `<row r="1">${HEADER.map((key, n) => `<c r="${'ABC'[n]}1" t="inlineStr"><is><t>${key}</t></is></c>`).join('')}</row>`;
      const rows = Array.from(
        { length: IMPORT_MAX_ROWS },
        (_, n) => `<row r="${n + 2}"><c r="XFD${n + 2}" t="inlineStr"><is><t>x</t></is></c></row>`,
      );
      const file = handMadeZip([
        ...XLSX_FRAME.files,
        { name: 'xl/worksheets/sheet1.xml', text: XLSX_FRAME.sheetStart + header + rows.join('') + XLSX_FRAME.sheetEnd },
      ]);
      const started = performance.now();
      const error = expectApiError(await check(file), 413, 'PAYLOAD_TOO_LARGE');
      expect(error.message).toBe('At most 50 columns per row: the file has a cell beyond that.');
      // Generous: reading a cell at XFD as 16,384 cells a row took over a minute before.
      expect(performance.now() - started).toBeLessThan(20_000);
    });

    it('refuses a cell longer than the limit, in an XLSX (one shared string repeated) and in a CSV (413)', async () => {
      const long = 'x'.repeat(2001);
      const workbook = await importXlsx(
        HEADER,
        rowsOf(200).map(([gtin, lot]) => [gtin!, lot!, long]),
      );
      expect(expectApiError(await check(workbook), 413, 'PAYLOAD_TOO_LARGE').message).toBe(
        'At most 2000 characters per cell: the file has a longer one.',
      );
      expectApiError(await check(importCsv(HEADER, [[farm.product.gtin!, 'L1', long]])), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses a CSV row with cells past the column limit (413), but not trailing empty ones', async () => {
      expectApiError(
        await check(importCsv(HEADER, [[farm.product.gtin!, 'L1', '01/10/2026', ...Array<string>(60).fill('x')]])),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      const trailing = await check(importCsv(HEADER, [[farm.product.gtin!, 'TRAIL1', '01/10/2026', ...Array<string>(60).fill('')]]));
      expect(trailing.status).toBe(200);
    });

    it('counts only rows with data: blank lines between rows do not use up the row limit', async () => {
      const rows = rowsOf(IMPORT_MAX_ROWS).flatMap((row) => [row, ['', '', '']]);
      const response = await check(importCsv(HEADER, rows));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ kind: 'batches', rows: IMPORT_MAX_ROWS });
    });
  });

  describe('while a file is checked', () => {
    it('other requests keep answering: /api/health stays prompt during a 10,000-row XLSX check', async () => {
      const file = await importXlsx(HEADER, rowsOf(IMPORT_MAX_ROWS));
      const checking = check(file);
      // A stall check, not a benchmark: the bound is generous; before, the event loop was held for seconds.
      const slowest = await slowestHealth(t.baseUrl, checking);
      expect((await checking).body).toEqual({ kind: 'batches', rows: IMPORT_MAX_ROWS });
      expect(slowest).toBeLessThan(2000);
    });
  });

  describe('with every reader busy', () => {
    let small: TestApp;
    afterAll(async () => small?.close());

    it('answers 503 with Retry-After beyond the configured readers and queue, and serves again afterwards', async () => {
      small = await startTestApp({ env: { IMPORT_CHECK_CONCURRENCY: '1', IMPORT_CHECK_QUEUE: '0', IMPORT_MAX_ROWS: '100' } });
      const fs: Factory = { http: httpClient(small.baseUrl), testApp: small };
      farm = await createProducer(fs, await createUser(fs, { role: 'admin' }));
      const file = await importXlsx(HEADER, rowsOf(100));
      const [first, second] = await Promise.all([check(file, small), check(file, small)]);
      const busy = [first, second].find((r) => r.status !== 200)!;
      expect([first, second].filter((r) => r.status === 200)).toHaveLength(1);
      expectApiError(busy, 503, 'IMPORT_BUSY');
      expect(busy.headers.get('retry-after')).toBe('5');
      expect((await check(file, small)).status).toBe(200);
      // The configured row limit is the one named.
      expect(expectApiError(await check(await importXlsx(HEADER, rowsOf(101)), small), 413, 'PAYLOAD_TOO_LARGE').message).toBe(
        'At most 100 rows per file; split the file.',
      );
    });
  });
});
