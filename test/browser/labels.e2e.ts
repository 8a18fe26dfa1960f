import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, type Producer } from '../factories/index.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { openPdf } from '../support/pdf.js';
import { decodeQrWithZbar } from '../support/qr-decoder.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium("a batch's QR code and label sheets in Chromium", (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let coop: Producer;
  let batch: BatchView;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, page } = app);
    const { f } = app;
    const admin = await createUser(f, { role: 'admin' });
    coop = await createProducer(f, admin, { product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' } } });
    batch = await createBatch(f, coop.owner, coop.product.id, { lotCode: 'PT-NHAN-01', expiryDate: '2026-12-31' });
  });

  afterAll(() => app?.close());

  it('prints a label sheet whose PDF holds the QR code of the batch URL, after refusing a count too large', async () => {
    await signIn(page, coop.owner, `${t.baseUrl}/login`);
    await page.waitForURL(`**/portal/${coop.business.id}`);
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches/${batch.id}`);

    const card = page.getByTestId('labels-card');
    await card.waitFor();
    const preview = card.getByTestId('labels-qr-preview');
    await expect(preview.getAttribute('alt')).resolves.toBe('Mã QR của lô PT-NHAN-01');
    await expect(preview.evaluate((image: HTMLImageElement) => image.decode().then(() => image.naturalWidth))).resolves.toBeGreaterThan(0);

    const form = card.getByTestId('label-sheet-form');
    await form.getByLabel('Loại giấy nhãn A4').selectOption({ label: '99,1 × 38,1 mm, 14 nhãn/tờ' });
    await form.getByLabel('Số nhãn', { exact: true }).fill('6000');
    await form.getByRole('button', { name: 'Tạo PDF nhãn' }).click();
    await expect(form.innerText()).resolves.toContain('Nhập một số nguyên từ 1 đến 5000.');
    await expect(form.getByLabel('Số nhãn', { exact: true }).evaluate((input) => document.activeElement === input)).resolves.toBe(true);

    // 20 labels from position 13 of 14: two on the first sheet, 14 on the second, 4 on the third.
    await form.getByLabel('Số nhãn', { exact: true }).fill('20');
    await form.getByLabel('Bắt đầu từ ô').fill('13');
    await expect(form.innerText()).resolves.toContain('Xếp 2 cột × 7 hàng trên tờ A4.');
    await expect(form.innerText()).resolves.toContain('20 nhãn trên 3 tờ A4.');
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Tạo PDF nhãn' }).click()]);
    expect(download.suggestedFilename()).toBe('nhan-PT-NHAN-01.pdf');
    await expect(form.getByTestId('label-sheet-done').innerText()).resolves.toContain('Đã tải về nhan-PT-NHAN-01.pdf.');

    const pdf = openPdf(readFileSync(await download.path()));
    try {
      expect(pdf.pages).toBe(3);
      expect(pdf.qrCodes(1)).toEqual([batch.identityUrl, batch.identityUrl]);
      expect(pdf.text(1)).toContain('Bưởi Phúc Trạch Lô: PT-NHAN-01 HSD: 31/12/2026');
    } finally {
      pdf.close();
    }
  });

  it('downloads the QR code as a PNG at the size and error correction chosen', async () => {
    const card = page.getByTestId('labels-card');
    await card.getByLabel('Kích thước').selectOption('256');
    await card.getByLabel('Mức chống hỏng').selectOption('H');
    const png = card.getByTestId('labels-qr-png');
    await expect(png.getAttribute('href')).resolves.toBe(`/api/batches/${batch.id}/qr.png?size=256&ecc=H`);
    const [download] = await Promise.all([page.waitForEvent('download'), png.click()]);
    expect(download.suggestedFilename()).toBe('qr-PT-NHAN-01.png');
    const decoded = decodeQrWithZbar(readFileSync(await download.path()));
    if (decoded !== undefined) expect(decoded).toBe(batch.identityUrl);
  });
});
