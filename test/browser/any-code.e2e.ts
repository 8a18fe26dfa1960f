import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, makeLotCode, type Factory, type Producer } from '../factories/index.js';
import { findChromium, launchBrowser, requireWebBuild, type Browser } from '../support/browser.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const chromiumPath = findChromium();

/** What a shopper types (or scans) on the home page, beyond the portal's own QR codes. */
describe('any code a shopper has', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let producer: Producer;
  let batch: BatchView;
  let lot: string;
  let compressed: BatchView;

  beforeAll(async () => {
    if (!chromiumPath) return;
    requireWebBuild();
    t = await startTestApp({ web: true });
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    producer = await createProducer(f, await createUser(f, { role: 'admin' }), { business: { legalName: 'HTX Chè Tân Cương' }, product: { name: { vi: 'Chè Tân Cương', en: 'Tan Cuong tea' } } });
    lot = makeLotCode('TC-');
    batch = await createBatch(f, producer.owner, producer.product.id, { lotCode: lot });
    // The product and lot of a published compressed Digital Link (https://id.gs1.org/AQnYUc1gmiCNV4JG).
    const brand = await createProducer(f, await createUser(f, { role: 'admin' }), { product: { gtin: '05412345000013', name: { vi: 'Sô-cô-la Bỉ', en: 'Belgian chocolate' } } });
    compressed = await createBatch(f, brand.owner, brand.product.id, { lotCode: 'ABC123' });
    browser = await launchBrowser(chromiumPath, { mobile: true });
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function lookUp(code: string): Promise<void> {
    await page.goto(`${t.baseUrl}/`);
    await page.getByLabel('Mã truy xuất').fill(code);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
  }

  it('a lot code typed alone lists the batches carrying it, and one tap opens the batch', async () => {
    if (!chromiumPath) return;
    await lookUp(lot.toLowerCase());
    const matches = page.getByTestId('lot-matches');
    await matches.getByRole('link', { name: /Chè Tân Cương/ }).click();
    await page.waitForURL(`**/batches/${batch.id}`);
    await page.getByRole('heading', { name: 'Chè Tân Cương' }).first().waitFor();
  });

  it('an unknown lot says so, and what to type instead', async () => {
    if (!chromiumPath) return;
    await lookUp('KHONG-CO-LO-NAY');
    await expect(page.getByRole('status').filter({ hasText: 'KHONG-CO-LO-NAY' }).textContent()).resolves.toContain('GTIN');
  });

  it('a Digital Link of another brand\'s resolver opens the batch here', async () => {
    if (!chromiumPath) return;
    const path = new URL(batch.identityUrl).pathname;
    await lookUp(`https://resolver.brand.example/vn${path}`);
    await page.waitForURL(`**/batches/${batch.id}`);
  });

  it('a compressed Digital Link (another system\'s short QR code) opens its batch here', async () => {
    if (!chromiumPath) return;
    await lookUp('https://id.gs1.org/AQnYUc1gmiCNV4JG');
    await page.waitForURL(`**/batches/${compressed.id}`);
  });

  it('a plain GTIN (the EAN-13 under the barcode) opens the product with its batches', async () => {
    if (!chromiumPath) return;
    await lookUp(producer.product.gtin!.replace(/^0/, ''));
    await page.waitForURL(`**/products/${producer.product.id}`);
    await page.getByRole('link', { name: new RegExp(lot) }).waitFor();
  });

  it('a QR code that is only a web address is shown as one, opened only by choice', async () => {
    if (!chromiumPath) return;
    await lookUp('https://khuyen-mai.example.com/nhan-qua?ma=123');
    const notice = page.getByTestId('web-address');
    await expect(notice.textContent()).resolves.toContain('không phải mã truy xuất nguồn gốc');
    await expect(notice.textContent()).resolves.toContain('https://khuyen-mai.example.com/nhan-qua?ma=123');
    const open = notice.getByRole('link', { name: 'Mở địa chỉ này' });
    await expect(open.getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow');
    expect(new URL(page.url()).origin).toBe(t.baseUrl);
  });
});
