import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import { DEMO_GTINS, DEMO_LOTS, gtin14 } from '../../server/src/database/seed/demo-codes.js';
import { seedDemoData } from '../../server/src/database/seed/demo-seed.js';
import { describeWithChromium, launchBrowser, requireWebBuild, type Browser } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The demo's recalled honey and its Digital Link, as printed on the jar. */
const RECALLED_HONEY = `/01/${gtin14(DEMO_GTINS.honey)}/10/${DEMO_LOTS.honeyRecalled}`;

describeWithChromium('the consumer pages as the server sends them, in Chromium', (chromiumPath) => {
  let t: TestApp;

  beforeAll(async () => {
    requireWebBuild();
    t = await startTestApp({ web: true });
    // The demo's list of codes is not worth printing here; a failure still is.
    await seedDemoData(t.app, { log: () => undefined, error: console.error } as unknown as Logger);
    // The whole demo (five businesses, their chains, a recall) on a machine shared with other tests.
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('without JavaScript', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchBrowser(chromiumPath, { mobile: true, javaScript: false });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it("shows the recalled batch's product, origin and recall warning", async () => {
      const { page } = browser;
      await page.goto(`${t.baseUrl}${RECALLED_HONEY}`);
      expect(new URL(page.url()).pathname).toMatch(/^\/batches\/[0-9a-f-]{36}$/);
      expect(await page.getByTestId('product-name').innerText()).toContain('Mật ong rừng Vũ Quang');
      expect(await page.getByTestId('origin').innerText()).toBe('Trại ong ven rừng Vũ Quang');
      const banner = page.getByTestId('recall-banner');
      expect(await banner.isVisible()).toBe(true);
      expect(await banner.innerText()).toContain('Cảnh báo: lô hàng này đã bị thu hồi');
      expect(await page.getByTestId('timeline-entry').count()).toBeGreaterThan(0);
      expect(await page.title()).toContain('MO-2026-03');
    });

    it('shows a product page (a GTIN scanned without its lot)', async () => {
      const { page } = browser;
      await page.goto(`${t.baseUrl}/01/${gtin14(DEMO_GTINS.pomelo)}`);
      expect(new URL(page.url()).pathname).toMatch(/^\/products\//);
      expect(await page.getByTestId('product-page').innerText()).toContain('Bưởi Phúc Trạch');
      expect(await page.getByTestId('product-batch').count()).toBeGreaterThan(0);
    });
  });

  describe('with JavaScript', () => {
    let browser: Browser;
    const complaints: string[] = [];
    const viewRequests: string[] = [];

    beforeAll(async () => {
      // The mismatch test routes the page itself, which the service worker would answer instead.
      browser = await launchBrowser(chromiumPath, { mobile: true, serviceWorkers: 'block' });
      await browser.context.grantPermissions(['geolocation']);
      await browser.context.setGeolocation({ latitude: 18.33, longitude: 105.9 });
      browser.page.on('console', (message) => {
        const blockedWorker = message.text() === 'Service Worker registration blocked by Playwright';
        if ((message.type() === 'error' || message.type() === 'warning') && !blockedWorker) complaints.push(message.text());
      });
      browser.page.on('pageerror', (error) => complaints.push(error.message));
      browser.page.on('request', (request) => {
        if (/\/api\/public\/(batches|products)\//.test(request.url())) viewRequests.push(request.url());
      });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it("hydrates the page without a mismatch; the scan's share button, the report form and the language switch work", async () => {
      const { page, context } = browser;
      await page.goto(`${t.baseUrl}${RECALLED_HONEY}`);
      // Only the browser knows the scan's token (in the fragment): the button appears once hydrated.
      await page.getByTestId('share-area').waitFor();
      expect(new URL(page.url()).hash).toBe('');
      // The data came with the page: the app does not ask for it again.
      expect(viewRequests).toEqual([]);

      await page.getByTestId('report-open').click();
      const form = page.getByTestId('report-form');
      await form.getByTestId('report-submit').click();
      await expect(form.getByLabel('Vấn đề gặp phải').getAttribute('aria-invalid')).resolves.toBe('true');

      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.getByTestId('product-name').innerText()).toContain('Vũ Quang forest honey');
      expect((await context.cookies()).find((c) => c.name === 'nguon_locale')?.value).toBe('en');

      // The next page comes from the server in the language chosen, though the browser asks for Vietnamese.
      const response = await page.reload();
      expect(await response?.text()).toContain('<html lang="en">');
      expect(await page.getByTestId('recall-banner').innerText()).toContain('Warning: this batch has been recalled');
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'vi');
      expect(complaints).toEqual([]);
    });

    it('warns, on the product page, of a scanned lot the portal does not know', async () => {
      const { page } = browser;
      const before = complaints.length;
      await page.goto(`${t.baseUrl}/01/${gtin14(DEMO_GTINS.pomelo)}/10/KHONG-CO-LO`);
      expect(new URL(page.url()).searchParams.get('unregisteredLot')).toBe('KHONG-CO-LO');
      const notice = page.getByTestId('unregistered-lot');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('Lô «KHONG-CO-LO» chưa được đăng ký trên Nguồn');
      expect(await page.getByTestId('product-page').innerText()).toContain('Bưởi Phúc Trạch');
      // The page came rendered for the product; the notice, added once hydrated, is no mismatch.
      expect(complaints.slice(before)).toEqual([]);
    });

    it('would hear of a mismatch: data that does not match the markup is reported', async () => {
      const { page } = browser;
      const batchPath = new URL(page.url()).pathname;
      await page.route(`**${batchPath}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace('"locale":"vi"', '"locale":"en"') });
      });
      complaints.length = 0;
      await page.goto(`${t.baseUrl}${batchPath}`);
      const deadline = Date.now() + 5_000;
      while (complaints.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(complaints.join('\n')).toMatch(/Minified React error #418|Hydration/);
      await page.unroute(`**${batchPath}`);
    });
  });
});
