import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { createUser, type TestUser } from '../factories/index.js';
import { createExportChain, type ExportChain } from '../factories/exports.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium('an inspector exports records in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let inspector: TestUser;
  let chain: ExportChain;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath);
    ({ t, page } = app);
    const { f } = app;
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    chain = await createExportChain(f, admin);
    await signIn(page, inspector, `${t.baseUrl}/login`);
  });

  afterAll(() => app?.close());

  it('pastes a list of lots, is told of an unknown one and drops it, then downloads the XLSX with their rows', async () => {
    await page.goto(`${t.baseUrl}/inspector/exports`);
    await page.getByTestId('tab-lots').click();
    const lots = page.getByLabel('Các lô, mỗi dòng một lô');
    await lots.fill(`${chain.orangesA.lotCode}\n${chain.farmA.product.gtin} ${chain.idleOranges.lotCode}\nKHONG-CO-LO`);
    await page.getByRole('button', { name: 'Excel (XLSX)' }).click();
    const error = page.getByTestId('export-error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('KHONG-CO-LO');

    await page.getByTestId('export-drop-unknown').click();
    await expect(lots.inputValue()).resolves.toBe(`${chain.orangesA.lotCode}\n${chain.farmA.product.gtin} ${chain.idleOranges.lotCode}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^nguon-lots-2-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Events')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const lotColumn = header.indexOf('Traceability Lot Code') + 1;
    const lotsInFile = new Set<string>();
    sheet.eachRow((row, index) => {
      if (index > 1) lotsInFile.add(String(row.getCell(lotColumn).value));
    });
    expect(lotsInFile).toContain(chain.orangesA.lotCode);
    expect(lotsInFile).toContain(chain.idleOranges.lotCode);
    expect(sheet.rowCount).toBeGreaterThan(5);
    // The page names the file saved and the rows it holds.
    await expect(page.getByTestId('export-saved').innerText()).resolves.toBe(
      `Đã lưu tệp ${download.suggestedFilename()} (${sheet.rowCount - 1} dòng).`,
    );
    expect(workbook.getWorksheet('Glossary')).toBeDefined();
  });
});
