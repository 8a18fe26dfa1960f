import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, makeLotCode, type Producer } from '../factories/index.js';
import { describeWithChromium, startBrowserApp, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** What a shopper types (or scans) on the home page, beyond the portal's own QR codes. */
describeWithChromium('any code a shopper has', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let producer: Producer;
  let batch: BatchView;
  let lot: string;
  let compressed: BatchView;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, page } = app);
    const { f } = app;
    producer = await createProducer(f, await createUser(f, { role: 'admin' }), {
      business: { legalName: 'HTX Chè Tân Cương' },
      product: { name: { vi: 'Chè Tân Cương', en: 'Tan Cuong tea' } },
    });
    lot = makeLotCode('TC-');
    batch = await createBatch(f, producer.owner, producer.product.id, { lotCode: lot });
    // The product and lot of a published compressed Digital Link (https://id.gs1.org/AQnYUc1gmiCNV4JG).
    const brand = await createProducer(f, await createUser(f, { role: 'admin' }), {
      product: { gtin: '05412345000013', name: { vi: 'Sô-cô-la Bỉ', en: 'Belgian chocolate' } },
    });
    compressed = await createBatch(f, brand.owner, brand.product.id, { lotCode: 'ABC123' });
  });
  afterAll(() => app?.close());

  async function lookUp(code: string): Promise<void> {
    await page.goto(`${t.baseUrl}/`);
    await page.getByLabel('Mã truy xuất').fill(code);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
  }

  it('a lot code typed alone lists the batches carrying it, and one tap opens the batch', async () => {
    await lookUp(lot.toLowerCase());
    const matches = page.getByTestId('lot-matches');
    await matches.getByRole('link', { name: /Chè Tân Cương/ }).click();
    await page.waitForURL(`**/batches/${batch.id}`);
    await page.getByRole('heading', { name: 'Chè Tân Cương' }).first().waitFor();
  });

  it('an unknown lot says so, and what to type instead', async () => {
    await lookUp('KHONG-CO-LO-NAY');
    await expect(page.getByRole('status').filter({ hasText: 'KHONG-CO-LO-NAY' }).textContent()).resolves.toContain('GTIN');
  });

  it("a Digital Link of another brand's resolver opens the batch here", async () => {
    const path = new URL(batch.identityUrl).pathname;
    await lookUp(`https://resolver.brand.example/vn${path}`);
    await page.waitForURL(`**/batches/${batch.id}`);
  });

  it("a compressed Digital Link (another system's short QR code) opens its batch here", async () => {
    await lookUp('https://id.gs1.org/AQnYUc1gmiCNV4JG');
    await page.waitForURL(`**/batches/${compressed.id}`);
  });

  it("a compressed Digital Link opened as a web address (read by the phone's own camera) opens its batch", async () => {
    await page.goto(`${t.baseUrl}/AQnYUc1gmiCNV4JG`);
    await page.waitForURL(`**/batches/${compressed.id}`);
    await page.getByRole('heading', { name: 'Sô-cô-la Bỉ' }).first().waitFor();
  });

  it('a plain GTIN (the EAN-13 under the barcode) opens the product with its batches', async () => {
    await lookUp(producer.product.gtin!.replace(/^0/, ''));
    await page.waitForURL(`**/products/${producer.product.id}`);
    await page.getByRole('link', { name: new RegExp(lot) }).waitFor();
  });

  it('a QR code that is only a web address is shown as one, opened only by choice', async () => {
    await lookUp('https://khuyen-mai.example.com/nhan-qua?ma=123');
    const notice = page.getByTestId('web-address');
    await expect(notice.textContent()).resolves.toContain('không phải mã truy xuất nguồn gốc');
    await expect(notice.textContent()).resolves.toContain('https://khuyen-mai.example.com/nhan-qua?ma=123');
    const open = notice.getByRole('link', { name: 'Mở địa chỉ này' });
    await expect(open.getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow');
    expect(new URL(page.url()).origin).toBe(t.baseUrl);
  });
});
