import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createBatch, createProducer, createUser, makeLotCode, type Factory, type Producer } from '../factories/index.js';
import { importCsv } from '../factories/imports.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { countRows } from '../support/db.js';
import type { TestApp } from '../support/test-app.js';

const HEADER = ['product', 'lot_code', 'production_date', 'expiry_date', 'quantity', 'unit'];

describeWithChromium('bulk import in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let farm: Producer;
  let f: Factory;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, f, page } = app);
    farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    await signIn(page, farm.owner, `${t.baseUrl}/login`);
  });

  afterAll(() => app?.close());

  const chooseCsv = (rows: string[][]) =>
    page
      .getByTestId('import-file')
      .setInputFiles({ name: 'lo-hang.csv', mimeType: 'text/csv', buffer: Buffer.from(importCsv(HEADER, rows)) });
  const batchesOfFarm = () => countRows(t, 'batches', 'business_id = $1', [farm.business.id]);

  it('names the bad row of a CSV and stores nothing; the fixed file then imports with a progress bar to the end', async () => {
    await page.goto(`${t.baseUrl}/portal/${farm.business.id}/import`);
    await page.getByTestId('import-page').waitFor();
    await expect(page.getByTestId('import-template-xlsx').getAttribute('href')).resolves.toBe('/api/imports/templates/batches.xlsx');
    const lots = [makeLotCode('WEB'), makeLotCode('WEB'), makeLotCode('WEB')];
    const rows = lots.map((lot) => [farm.product.gtin!, lot, '01/10/2026', '31/12/2026', '500', 'kg']);
    const before = await batchesOfFarm();

    await chooseCsv(rows.map((row, n) => (n === 1 ? [row[0]!, row[1]!, '32/10/2026', ...row.slice(3)] : row)));
    await page.getByTestId('import-check').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    await expect(problems.innerText()).resolves.toContain('Chưa có dữ liệu nào được lưu');
    const problem = problems.getByTestId('import-problem');
    expect(await problem.count()).toBe(1);
    await expect(problem.getAttribute('data-row')).resolves.toBe('3');
    await expect(problem.innerText()).resolves.toMatch(/^3\s+Ngày sản xuất \(production_date\)\s+.*32\/10\/2026/);
    expect(await batchesOfFarm()).toBe(before);

    await chooseCsv(rows);
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-checked').innerText()).resolves.toContain('3 dòng');
    expect(await batchesOfFarm()).toBe(before);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    const bar = page.getByTestId('import-progress-bar');
    await expect(bar.evaluate((element: HTMLProgressElement) => [element.value, element.max])).resolves.toEqual([3, 3]);
    await expect(page.getByTestId('import-done-count').innerText()).resolves.toBe('Đã lưu 3 dòng.');
    await expect(page.getByTestId('imported-batch').allInnerTexts()).resolves.toEqual(lots);
    expect(await countRows(t, 'batches', 'business_id = $1 AND lot_code = ANY($2)', [farm.business.id, lots])).toBe(3);
  });

  it('records stages on an existing batch from an events file', async () => {
    const batch = await createBatch(f, farm.owner, farm.product.id);
    await page.goto(`${t.baseUrl}/portal/${farm.business.id}/import`);
    await page.getByTestId('import-kind-events').check();
    await expect(page.getByTestId('import-template-csv').getAttribute('href')).resolves.toBe('/api/imports/templates/events.csv');
    const file = importCsv(
      ['lot_code', 'stage', 'event_time', 'quantity', 'unit'],
      [
        [batch.lotCode, 'Thu hoạch', '15/10/2026 07:30', '800', 'kg'],
        [batch.lotCode, 'Đóng gói', '16/10/2026 08:00', '', ''],
      ],
    );
    await page.getByTestId('import-file').setInputFiles({ name: 'cong-doan.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    await expect(page.getByTestId('imported-batch').allInnerTexts()).resolves.toEqual([batch.lotCode]);
    expect(await countRows(t, 'event_batches', 'batch_id = $1', [batch.id])).toBe(3);
  });
});
