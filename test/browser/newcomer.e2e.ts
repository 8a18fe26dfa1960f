import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../server/src/database/seed/demo-seed.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { openPdf } from '../support/pdf.js';
import type { TestApp } from '../support/test-app.js';

/**
 * What the README promises a newcomer: sign in as the demo co-operative, record a new batch
 * through harvest, packing and shipping, print its labels, and see it all on the consumer page.
 */
describeWithChromium('a newcomer records a batch from the demo data to its consumer page, in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let batchPath = '';

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, page } = app);
    await seedDemoData(t.app, { log: jest.fn(), warn: jest.fn(), error: jest.fn() } as unknown as Logger);
  }, 120_000);

  afterAll(() => app?.close());

  /** A stage from the batch page's actions, with what the form fills in already. */
  async function record(
    stage: string,
    fill: (form: ReturnType<Page['getByTestId']>) => Promise<void> = async () => undefined,
  ): Promise<void> {
    await page.goto(`${t.baseUrl}${batchPath}`);
    await page.getByTestId(`record-${stage}`).click();
    const form = page.getByTestId('stage-form');
    await form.waitFor();
    await fill(form);
    await form.getByTestId('stage-submit').click();
    await page.getByTestId('recorded-notice').waitFor();
  }

  it('signs in as the demo co-operative and registers a new batch', async () => {
    await signIn(page, { email: DEMO_ACCOUNTS.pomeloOwner.email, password: DEMO_PASSWORD }, `${t.baseUrl}/login`);
    await page.getByTestId('dashboard').waitFor();

    await page.getByTestId('quick-actions').getByTestId('new-batch-link').click();
    const form = page.getByTestId('batch-form');
    await form.waitFor();
    await form.getByTestId('lot-code-input').fill('Vụ thu 2026');
    await form.getByTestId('lot-code-accept').click();
    await form.locator('[name="quantity"]').fill('800');
    await form.getByTestId('batch-submit').click();
    await page.getByTestId('portal-batch').waitFor();
    batchPath = new URL(page.url()).pathname;
    await expect(page.getByTestId('fact-lot-code').innerText()).resolves.toBe('VU-THU-2026');
  });

  it('records harvest, packing and shipping to the Hà Nội distributor', async () => {
    await record('harvesting');
    await record('packing');
    await record('shipping', async (form) => {
      await form.getByTestId('party-search').fill('thu do');
      await page.getByTestId('party-result').filter({ hasText: 'Nông sản Sạch Thủ Đô' }).click();
      await form.getByTestId('field-document').fill('PXK-2026-100');
    });
  });

  it('prints its labels: the PDF holds QR codes of the batch URL', async () => {
    await page.goto(`${t.baseUrl}${batchPath}`);
    const identityUrl = await page.getByTestId('identity-url').innerText();
    const form = page.getByTestId('label-sheet-form');
    await form.getByLabel('Số nhãn', { exact: true }).fill('24');
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Tạo PDF nhãn' }).click()]);
    const pdf = openPdf(readFileSync(await download.path()));
    try {
      expect(pdf.pages).toBe(1);
      expect(pdf.text(1)).toContain('Lô: VU-THU-2026');
      expect(new Set(pdf.qrCodes(1))).toEqual(new Set([identityUrl]));
    } finally {
      pdf.close();
    }
  });

  it('shows it all on the consumer page the QR code opens', async () => {
    const identityUrl = await (async () => {
      await page.goto(`${t.baseUrl}${batchPath}`);
      return page.getByTestId('identity-url').innerText();
    })();
    await page.goto(identityUrl);
    await page.getByTestId('batch-page').waitFor();
    const stages = await page.getByTestId('timeline-entry').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-stage')));
    expect(stages).toEqual(['registration', 'harvesting', 'packing', 'shipping']);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('Công ty TNHH Nông sản Sạch Thủ Đô');
    expect(timeline).toContain('PXK-2026-100');
    await expect(page.getByTestId('producer-name').innerText()).resolves.toBe('Hợp tác xã Bưởi Phúc Trạch Hương Khê');
  });
});
