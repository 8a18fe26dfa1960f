import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchView } from '@nguon/shared';
import {
  createBatch,
  createLocation,
  createProduct,
  createProducer,
  createUser,
  recordProcessing,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, startBrowserApp, type Browser, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** A small Android phone. */
const PHONE = { width: 360, height: 640 };

/** The text a visitor sees without scrolling. */
function firstScreenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const seen: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const style = node.parentElement ? getComputedStyle(node.parentElement) : null;
      if (box.height > 0 && box.top < window.innerHeight && box.bottom > 0 && style?.visibility !== 'hidden')
        seen.push(node.textContent ?? '');
    }
    return seen.join(' ').replace(/\s+/g, ' ');
  });
}

describeWithChromium('the first screen of a batch page on a 360×640 phone', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let f: Factory;
  let browser: Browser;
  let page: Page;
  let admin: TestUser;
  let grower: Producer;
  let oranges: BatchView;
  let juice: BatchView;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { viewport: PHONE });
    ({ t, f, browser, page } = app);
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin, {
      business: { legalName: 'HTX Cam Hương Sơn', address: { line: 'Thôn Trung Thượng', commune: 'Xã Sơn Trung', province: 'Hà Tĩnh' } },
      product: {
        name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' },
        description: { vi: 'Cam chín cây, vỏ mỏng, ngọt thanh, trồng trên đất đồi.', en: 'Tree-ripened oranges.' },
      },
    });
    const garden = await createLocation(f, grower.owner, grower.business.id, { name: 'Vườn cam Sơn Trung', province: 'Hà Tĩnh' });
    oranges = await createBatch(f, grower.owner, grower.product.id, { lotCode: 'HS-2026-11', originLocationId: garden.id, quantity: 800 });
    await recordStage(f, grower.owner, oranges.id, { stage: 'harvesting', locationId: garden.id, quantity: 800 });
    const juiceProduct = await createProduct(f, grower.owner, grower.business.id, {
      name: { vi: 'Nước cam ép', en: 'Orange juice' },
      unit: 'LTR',
    });
    juice = await createBatch(f, grower.owner, juiceProduct.id, { lotCode: 'NC-2026-11', unit: 'LTR', quantity: 300 });
    await recordProcessing(f, grower.owner, {
      inputs: [{ batchId: oranges.id, quantity: 500, unit: 'KGM' }],
      outputs: [{ batchId: juice.id, quantity: 300, unit: 'LTR' }],
    });
  });
  /** A new visit in a new tab: in the same tab Chromium would restore where the last visit scrolled to. */
  async function visit(url: string): Promise<void> {
    const previous = page;
    page = await browser.context.newPage();
    await previous.close();
    await page.goto(url);
  }

  afterAll(() => app?.close());

  it('says what it is, who made it, where it comes from and its state, with a way to report a problem', async () => {
    await visit(`${t.baseUrl}/batches/${oranges.id}`);
    await page.getByTestId('records-verified').waitFor();
    const text = await firstScreenText(page);
    for (const expected of [
      'Cam Hương Sơn',
      'HTX Cam Hương Sơn',
      'Đã xác minh',
      'Vườn cam Sơn Trung',
      'Hà Tĩnh',
      'Đang lưu hành',
      'Báo cáo vấn đề',
    ]) {
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    }
    // The link from the first screen opens the report form.
    await page.getByRole('link', { name: 'Báo cáo vấn đề với sản phẩm này' }).click();
    await page.getByTestId('report-form').waitFor();
  });

  it('never says "in circulation" under a recall, for the batch recalled or for what was made from it', async () => {
    const recalled = await f.http.post(
      `/api/batches/${oranges.id}/recall`,
      { severity: 'class_ii', reason: 'Dư lượng thuốc bảo vệ thực vật vượt ngưỡng' },
      { token: admin.token },
    );
    expect(recalled.status).toBe(201);
    for (const batch of [oranges, juice]) {
      await visit(`${t.baseUrl}/batches/${batch.id}`);
      await page.getByTestId('recall-banner').waitFor();
      const text = await firstScreenText(page);
      expect(text).toContain('Đã thu hồi');
      expect(await page.textContent('body')).not.toContain('Đang lưu hành');
    }
    // The juice's product page lists the batch with the same word.
    await visit(`${t.baseUrl}/products/${juice.productId}`);
    await page.getByTestId('product-batch').first().waitFor();
    expect(await page.getByTestId('product-batches').textContent()).toContain('Đã thu hồi');
    expect(await page.textContent('body')).not.toContain('Đang lưu hành');
  });

  it('makes every link on the page at least 24 px high to tap', async () => {
    await visit(`${t.baseUrl}/batches/${juice.id}`);
    await page.getByTestId('batch-page').waitFor();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main a, main button')]
        .map((element) => ({ text: (element.textContent ?? '').trim(), height: element.getBoundingClientRect().height }))
        .filter((target) => target.height > 0 && target.height < 24),
    );
    expect(small).toEqual([]);
  });

  it("shares the page through the phone's share sheet, or copies its link where there is none", async () => {
    await visit(`${t.baseUrl}/batches/${oranges.id}`);
    await page.getByRole('button', { name: 'Sao chép đường dẫn' }).waitFor();
    // A phone's browser: navigator.share hands the page to Zalo, Messenger, ...
    await browser.context.addInitScript(() => {
      (navigator as unknown as { share: (data: ShareData) => Promise<void> }).share = async (data) => {
        (globalThis as unknown as { shared: ShareData }).shared = data;
      };
    });
    await visit(`${t.baseUrl}/batches/${oranges.id}`);
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    const shared = await page.evaluate(() => (globalThis as unknown as { shared: ShareData }).shared);
    expect(shared.url).toBe(`${t.baseUrl}/batches/${oranges.id}`);
    expect(shared.title).toContain('Cam Hương Sơn');
    expect(shared.text).toContain('thu hồi');
  });

  it('has nothing axe-core finds against WCAG 2.2 AA on the consumer pages, in both languages', async () => {
    // Also what a shopper meets when a code fails: an unknown batch, a GTIN with a wrong check digit.
    const paths = [
      '/',
      `/batches/${oranges.id}`,
      `/batches/${juice.id}`,
      `/products/${grower.product.id}`,
      '/batches/00000000-0000-4000-8000-000000000000',
      '/01/09506000134353',
    ];
    for (const language of ['vi', 'en']) {
      for (const path of paths) {
        await visit(`${t.baseUrl}${path}`);
        // The switch is remembered: pressed once, later pages open in English.
        await page.locator('main h1').first().waitFor();
        if ((await page.locator('html').getAttribute('lang')) !== language) await page.getByRole('button', { name: /English/ }).click();
        await page.locator(`html[lang="${language}"] main h1`).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect([language, path, await axeViolations(page)]).toEqual([language, path, []]);
      }
    }
  }, 120_000);
});
