import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { createUser, type TestUser } from '../factories/index.js';
import { createExportChain, type ExportChain } from '../factories/exports.js';
import { axeViolations } from '../support/axe.js';
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

    // The page is in Vietnamese, so is the file: its sheets, its headers (FSMA 204's columns, the default).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sự kiện', 'Giải thích']);
    const sheet = workbook.getWorksheet('Sự kiện')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const lotColumn = header.indexOf('Mã lô truy xuất (TLC)') + 1;
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
  });

  it("exports Vietnam's column set when chosen, in the page's language, with nothing axe-core finds on the page", async () => {
    await page.goto(`${t.baseUrl}/inspector/exports`);
    await page.getByTestId('tab-lots').click();
    await page.getByLabel('Các lô, mỗi dòng một lô').fill(chain.orangesA.lotCode);
    await page.getByRole('radio', { name: /Việt Nam \(Thông tư 02\/2024/ }).check();
    expect(await axeViolations(page)).toEqual([]);
    const csvOf = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toMatch(/^nguon-lots-1-vietnam-\d{4}-\d{2}-\d{2}\.csv$/);
      return parse(readFileSync((await download.path())!, 'utf8').slice(1), { columns: true }) as Record<string, string>[];
    };
    const vi = await csvOf('CSV');
    expect(vi.find((r) => r['Công đoạn'] === 'Thu hoạch')).toMatchObject({
      'Số lô/mẻ': chain.orangesA.lotCode,
      'Tên sản phẩm': 'Cam Hương Sơn',
    });

    await page.getByTestId('lang-toggle').click();
    await page.getByRole('radio', { name: /Vietnam \(Circular 02\/2024/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const en = await csvOf('CSV');
    expect(en.find((r) => r.Stage === 'Harvesting')).toMatchObject({
      'Lot/batch number': chain.orangesA.lotCode,
      'Product name': 'Huong Son orange',
    });
    expect(en).toHaveLength(vi.length);

    // The same records as an EPCIS 2.0 XML document, for a partner system that reads XML.
    const [xml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'EPCIS 2.0 (XML)' }).click()]);
    expect(xml.suggestedFilename()).toMatch(/^nguon-lots-1-\d{4}-\d{2}-\d{2}\.xml$/);
    const text = readFileSync((await xml.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"/);
    expect(text.match(/<ObjectEvent[ >]/g)?.length).toBeGreaterThan(0);
  });

  it("exports a batch's trace from its page with the column set chosen in the button's menu", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${t.baseUrl}/inspector/batches/${chain.orangesA.id}`);
    if ((await page.locator('html').getAttribute('lang')) !== 'vi') await page.getByTestId('lang-toggle').click();
    const menu = page.locator('.exports-button');
    await menu.getByRole('button', { name: 'Xuất hồ sơ' }).click();
    await menu.getByRole('radio', { name: /Việt Nam \(Thông tư 02\/2024/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-vietnam-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync((await download.path())!, 'utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Số lô/mẻ'])).toContain(chain.orangesA.lotCode);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the column choice within a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${t.baseUrl}/inspector/exports`);
    const choice = page.getByRole('group', { name: /columns|Các cột/ });
    const box = (await choice.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
