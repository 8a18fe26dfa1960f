import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { BatchView } from '@nguon/shared';
import type { Page } from 'playwright-core';
import { createBatch, createProducer, createUser } from '../factories/index.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { pathOf } from '../support/http.js';

// Codes that prove themselves offline (decision record 0038): the portal opened once online, then
// a label checked at a market stall with the network cut.
describeWithChromium('signed labels checked offline in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let page: Page;
  let batch: BatchView;
  let otherLot: BatchView;
  /** The genuine label's URL, copied onto goods of another lot with only its lot changed. */
  let copied: string;

  const labelCheck = () => page.getByTestId('label-check');

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ page } = app);
    const admin = await createUser(app.f, { role: 'admin' });
    const producer = await createProducer(app.f, admin);
    batch = await createBatch(app.f, producer.owner, producer.product.id, { lotCode: 'PT-2026-11', expiryDate: '2026-12-31' });
    otherLot = await createBatch(app.f, producer.owner, producer.product.id, { lotCode: 'PT-2026-12', expiryDate: '2026-12-31' });
    copied = pathOf(batch.identityUrl).replace('/10/PT-2026-11', '/10/PT-2026-12');
  });
  afterAll(async () => app?.close());

  it('shows a scanned genuine label as signed, and a copy with another real lot as altered, online', async () => {
    await page.goto(`${app.t.baseUrl}${pathOf(batch.identityUrl)}`);
    await expect(labelCheck().getAttribute('data-status')).resolves.toBe('genuine');
    await expect(labelCheck().innerText()).resolves.toContain('PT-2026-11');
    // The resolver finds the other lot's batch, but the signature was made for this one.
    await page.goto(`${app.t.baseUrl}${copied}`);
    await page
      .getByTestId('batch-page')
      .and(page.locator(`[data-batch-id="${otherLot.id}"]`))
      .waitFor();
    await expect(labelCheck().getAttribute('data-status')).resolves.toBe('altered');
    await expect(labelCheck().innerText()).resolves.toContain('Cảnh báo: mã đã bị sửa');
    // A lot nobody registered: the product's page warns of the lot, and of the label.
    await page.goto(`${app.t.baseUrl}${copied.replace('/10/PT-2026-12', '/10/PT-2099-01')}`);
    await page.getByTestId('unregistered-lot').waitFor();
    await expect(labelCheck().getAttribute('data-status')).resolves.toBe('altered');
  });

  it('checks a scanned code with the network cut, once the portal was opened online', async () => {
    await page.goto(`${app.t.baseUrl}/`);
    // The worker installed (the app, the label keys kept) and answers for the portal's pages.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    });
    await app.browser.context.setOffline(true);
    try {
      await page.goto(`${app.t.baseUrl}${copied}`);
      await page.getByTestId('offline-label-check').waitFor();
      await expect(labelCheck().getAttribute('data-status')).resolves.toBe('altered');
      await expect(page.getByTestId('offline-label-check').innerText()).resolves.toContain('không thể tải hồ sơ của lô hàng');

      await page.goto(`${app.t.baseUrl}${pathOf(batch.identityUrl)}`);
      await page.getByTestId('offline-label-check').waitFor();
      await expect(labelCheck().getAttribute('data-status')).resolves.toBe('genuine');
      await expect(labelCheck().innerText()).resolves.toContain('31/12/2026');
    } finally {
      await app.browser.context.setOffline(false);
    }
  });

  it("lets an inspector paste a code into 'Check a label' with the network cut", async () => {
    await page.goto(`${app.t.baseUrl}/label-check`);
    await page.getByTestId('label-check-code').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await app.browser.context.setOffline(true);
    try {
      await page.reload();
      const check = async (url: string) => {
        await page.getByTestId('label-check-code').fill(url);
        await page.getByTestId('label-check-submit').click();
        return labelCheck().getAttribute('data-status');
      };
      await expect(check(`http://nguon.test${copied}`)).resolves.toBe('altered');
      await expect(check(batch.identityUrl)).resolves.toBe('genuine');
      await expect(page.getByTestId('label-claim-lot').innerText()).resolves.toBe('PT-2026-11');
      const inventedGtin = batch.identityUrl.replace(/\/01\/\d{14}\//, '/01/08930000000019/');
      await expect(check(inventedGtin)).resolves.toBe('altered');
      await expect(check(batch.identityUrl.replace(/&sig=.*$/, ''))).resolves.toBe('unsigned');
    } finally {
      await app.browser.context.setOffline(false);
    }
  });
});
