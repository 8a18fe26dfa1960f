import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, type TestUser } from '../factories/index.js';
import { describeWithChromium, signIn, startBrowserApp, type Browser, type BrowserApp } from '../support/browser.js';
import { sql } from '../support/db.js';
import { pathOf } from '../support/http.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium('a consumer reports a problem, and an inspector works it through, in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let inspector: TestUser;
  let batch: BatchView;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, browser, page } = app);
    const { f } = app;
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    const farm = await createProducer(f, admin, { product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' } } });
    batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'PT-BAO-CAO' });
  });

  afterAll(() => app?.close());

  it('sends a report with a photo from the batch page, and shares the area of the scan', async () => {
    await browser.context.grantPermissions(['geolocation'], { origin: t.baseUrl });
    await browser.context.setGeolocation({ latitude: 18.34281, longitude: 105.90573 });
    await page.goto(`${t.baseUrl}${pathOf(batch.identityUrl)}`);
    await page.getByTestId('batch-page').waitFor();

    // The scan's token came in the redirect's fragment; the address bar no longer shows it.
    await page.waitForURL((url) => url.hash === '');
    await page.getByTestId('share-area').click();
    await expect(page.getByTestId('area-status').innerText()).resolves.toContain('Cảm ơn');
    expect(await sql(t, `SELECT latitude::text, longitude::text FROM scans WHERE batch_id = $1`, [batch.id])).toEqual([
      { latitude: '18.3', longitude: '105.9' },
    ]);
    // A page opened without scanning (a shared link) has no scan of its own to place.
    await page.goto(`${t.baseUrl}/batches/${batch.id}`);
    await page.getByTestId('batch-page').waitFor();
    expect(await page.getByTestId('share-area').count()).toBe(0);
    await page.goto(`${t.baseUrl}${pathOf(batch.identityUrl)}`);
    await page.getByTestId('batch-page').waitFor();

    await page.getByTestId('report-open').click();
    const form = page.getByTestId('report-form');
    await form.getByTestId('report-submit').click();
    // Nothing chosen yet: the form says so and keeps the reader on the first field.
    await expect(form.getByLabel('Vấn đề gặp phải').getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByLabel('Vấn đề gặp phải').selectOption('counterfeit');
    await form.getByLabel('Mô tả').fill('Tem QR in mờ, vỏ hộp khác lần mua trước');
    const photo = PNG.sync.write(new PNG({ width: 4, height: 4 }));
    await form.getByLabel('Ảnh chụp (không bắt buộc)').setInputFiles({ name: 'tem.png', mimeType: 'image/png', buffer: photo });
    await form.getByLabel('Số điện thoại hoặc email (không bắt buộc)').fill('0912 345 678');
    await form.getByTestId('report-submit').click();
    await page.getByTestId('report-sent').waitFor();
  });

  it("shows the report in the inspector's flags, with the photo, and takes it into review", async () => {
    await signIn(page, inspector, `${t.baseUrl}/login?next=%2Finspector%2Fflags`);
    const flag = page.locator('[data-testid="flag"][data-kind="consumer_report"]');
    await flag.waitFor();
    expect(await flag.innerText()).toContain('Tem QR in mờ');
    expect(await flag.innerText()).toContain('PT-BAO-CAO');
    await flag.getByTestId('flag-photo').waitFor();
    const width = await flag
      .getByTestId('flag-photo')
      .evaluate((img: HTMLImageElement) =>
        img.complete ? img.naturalWidth : new Promise<number>((resolve) => img.addEventListener('load', () => resolve(img.naturalWidth))),
      );
    expect(width).toBe(4);

    await flag.getByLabel('Chuyển sang').selectOption('in_review');
    await flag.getByLabel('Ghi chú').fill('Đã liên hệ người mua để lấy mẫu');
    await flag.getByTestId('flag-save').click();
    await page.locator('[data-testid="flag"][data-status="in_review"]').waitFor();
    expect(await page.locator('[data-testid="flag"][data-status="in_review"]').innerText()).toContain('Đã liên hệ người mua để lấy mẫu');
  });
});
