import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createBatch, createProducer, createProduct, createUser, type Producer, type TestUser } from '../factories/index.js';
import { describeWithChromium, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium("a business's compliance scorecard and the inspectors' table, in Chromium", (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let inspector: TestUser;
  let farm: Producer;
  let tidy: Producer;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath);
    ({ t, page } = app);
    const { f } = app;
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    // The farm's one batch is of a product without a GTIN and no certificate: 6 of 8 criteria.
    farm = await createProducer(f, admin, { business: { legalName: 'HTX Bưởi Thử Nghiệm' } });
    const noGtin = await createProduct(f, farm.owner, farm.business.id, { name: { vi: 'Bưởi sấy', en: 'Dried pomelo' }, gtin: undefined });
    await createBatch(f, farm.owner, noGtin.id, { lotCode: 'SAY-01', originLocationId: farm.location.id });
    // The other business's batch lacks only its certificate: 7 of 8.
    tidy = await createProducer(f, admin, { business: { legalName: 'Công ty Gọn Gàng' } });
    await createBatch(f, tidy.owner, tidy.product.id, { lotCode: 'GON-01', originLocationId: tidy.location.id });
  });

  afterAll(() => app?.close());

  it('opens the scorecard from the portal navigation, with what to fix linked to the batch', async () => {
    await signIn(page, farm.owner, `${t.baseUrl}/login`);
    await page.getByTestId('workspace-nav').getByTestId('nav-scorecard').click();
    await page.getByTestId('scorecard-page').waitFor();
    await page.getByTestId('scorecard-criteria').waitFor();
    await expect(page.getByTestId('criterion-identified').innerText()).resolves.toContain('0/1');
    await expect(page.getByTestId('criterion-origin').innerText()).resolves.toContain('1/1');
    await expect(page.getByTestId('scorecard-overall').innerText()).resolves.toContain('75');

    const certificates = page.getByTestId('gaps-certificates');
    await expect(certificates.innerText()).resolves.toContain('chưa có chứng nhận nào');
    await page.getByTestId('gaps-identified').getByRole('link', { name: 'SAY-01' }).click();
    await page.waitForURL((url) => url.pathname.startsWith(`/portal/${farm.business.id}/batches/`));
    await signOut(page);
  });

  it("opens the inspectors' table from their navigation, with the province's average, and sorts it", async () => {
    await signIn(page, inspector, `${t.baseUrl}/login`);
    await page.getByTestId('workspace-nav').getByTestId('nav-scorecards').click();
    await page.getByTestId('inspector-scorecards-page').waitFor();
    // The rows in this order, once the page shows them (a new order is fetched after the click).
    const rowsAre = (names: string[]) =>
      page.waitForFunction(
        (expected) =>
          [...document.querySelectorAll('[data-testid="scorecard-row"]')].map((row) => row.getAttribute('data-business-name')).join('|') ===
          expected,
        names.join('|'),
      );
    // Weakest overall first: 6/8 before 7/8.
    await rowsAre(['HTX Bưởi Thử Nghiệm', 'Công ty Gọn Gàng']);
    // (0.75 + 0.875) / 2, rounded.
    await expect(page.getByTestId('scorecard-average').innerText()).resolves.toContain('81');

    await page.getByTestId('sort-overall').click();
    await page.waitForURL((url) => url.searchParams.get('order') === 'desc');
    await rowsAre(['Công ty Gọn Gàng', 'HTX Bưởi Thử Nghiệm']);
    await page.getByTestId('sort-identified').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'identified');
    await rowsAre(['HTX Bưởi Thử Nghiệm', 'Công ty Gọn Gàng']);
    await expect(page.getByTestId('sort-identified').locator('xpath=..').getAttribute('aria-sort')).resolves.toBe('ascending');
  });
});
