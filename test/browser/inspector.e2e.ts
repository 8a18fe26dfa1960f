import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createUser, type TestUser } from '../factories/index.js';
import { createOrangeJuiceChain, type OrangeJuiceChain } from '../factories/inspector.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium("the inspector's workspace in Chromium", (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let inspector: TestUser;
  let chain: OrangeJuiceChain;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath);
    ({ t, page } = app);
    const { f } = app;
    inspector = await createUser(f, { role: 'inspector', displayName: 'Thanh tra Hà Tĩnh' });
    chain = await createOrangeJuiceChain(f, await createUser(f, { role: 'admin' }));
    await signIn(page, inspector, `${t.baseUrl}/login`);
  });

  afterAll(() => app?.close());

  const lotsShown = (selector: string) =>
    page.locator(selector).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-lot-code')));
  /**
   * The rows' lot codes (sorted when `anyOrder`) once they are the expected ones: a list re-renders
   * while its query settles (as typed, then as submitted), so its first rows may not be its last.
   */
  async function expectLots(selector: string, expected: string[], anyOrder = false) {
    const read = async () => (anyOrder ? (await lotsShown(selector)).sort() : await lotsShown(selector));
    const deadline = Date.now() + 10_000;
    let lots = await read();
    while (JSON.stringify(lots) !== JSON.stringify(expected) && Date.now() < deadline) {
      await page.waitForTimeout(100);
      lots = await read();
    }
    expect(lots).toEqual(expected);
  }

  it('searches a lot typed without diacritics, traces it, recalls it, and the consumer page of a batch made from it shows the recall', async () => {
    await page.getByTestId('user-menu-button').click();
    await page.getByRole('link', { name: 'Không gian kiểm tra' }).click();
    await page.waitForURL(/\/inspector$/);

    await page.getByLabel('Tìm theo tên sản phẩm, số lô hoặc doanh nghiệp').fill('cam bu huong son');
    await page.getByTestId('search-submit').click();
    await page.waitForURL(/q=cam\+bu\+huong\+son/);
    await page.getByTestId('search-row').first().waitFor();
    await expectLots('[data-testid="search-row"]', ['CAM-HK-01', 'CAM-HK-01-B'], true);

    // Sorting by a column says so to assistive technology, and turns round on a second click.
    // The header is re-rendered after the click: waited for with the order it says, not read at once.
    const lotHeader = (order: string) => page.locator(`th[aria-sort="${order}"]`, { has: page.getByTestId('sort-lotCode') });
    await page.getByTestId('sort-lotCode').click();
    await page.waitForURL(/order=asc/);
    await lotHeader('ascending').waitFor();
    await expectLots('[data-testid="search-row"]', ['CAM-HK-01', 'CAM-HK-01-B']);
    await page.getByTestId('sort-lotCode').click();
    await page.waitForURL(/order=desc/);
    await lotHeader('descending').waitFor();
    await expectLots('[data-testid="search-row"]', ['CAM-HK-01-B', 'CAM-HK-01']);

    await page.getByRole('link', { name: 'CAM-HK-01', exact: true }).click();
    await page.waitForURL(new RegExp(`/inspector/batches/${chain.oranges.id}$`));
    const graph = page.getByTestId('trace-graph');
    await graph.getByTestId('trace-node').first().waitFor();
    await expectLots('[data-testid="trace-graph"] [data-testid="trace-node"]', ['CAM-HK-01', 'JUICE-01'], true);
    const businesses = await graph.getByTestId('trace-business').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    expect(businesses).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Công ty Nước ép Đồng Lộc'),
        expect.stringContaining('Cửa hàng Thực phẩm Sạch Hà Nội'),
      ]),
    );
    await expectLots('[data-testid="trace-row"]', ['CAM-HK-01', 'JUICE-01']);
    await expect(page.getByTestId('trace-integrity').getAttribute('data-verified')).resolves.toBe('true');

    await page.getByTestId('recall-batch').click();
    const dialog = page.getByTestId('recall-dialog');
    await dialog.getByRole('radio', { name: /^Mức I:/ }).check();
    await dialog.getByLabel('Loại vấn đề').selectOption('contamination');
    await dialog.getByLabel('Chi tiết lý do').fill('Phát hiện vi khuẩn Salmonella trong mẫu kiểm nghiệm');
    await dialog.getByTestId('recall-confirm').click();
    const details = page.getByTestId('recall-details');
    await details.waitFor();
    await expect(details.getByTestId('recall-details-severity').innerText()).resolves.toContain('Mức I');
    await expect(page.getByTestId('recall-affected').innerText()).resolves.toContain('JUICE-01');
    const notified = await page.getByTestId('recall-notified').innerText();
    expect(notified).toContain('Công ty Nước ép Đồng Lộc');
    expect(notified).toContain('Cửa hàng Thực phẩm Sạch Hà Nội');
    await graph.locator('[data-lot-code="JUICE-01"].trace-graph__node--recalled').waitFor();

    // A node of the graph is a link: reached by keyboard, Enter opens that batch's trace.
    await graph.locator('[data-lot-code="JUICE-01"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/inspector/batches/${chain.juice.id}$`));
    await page.getByTestId('recall-upstream').waitFor();

    await page.goto(`${t.baseUrl}/batches/${chain.juice.id}`);
    const banner = page.getByTestId('recall-banner');
    await banner.waitFor();
    await expect(banner.getByTestId('recall-source').innerText()).resolves.toContain('CAM-HK-01');
  });

  it('lists the recall among the recalls, leading back to its batch', async () => {
    await page.goto(`${t.baseUrl}/inspector/recalls`);
    const row = page.getByTestId('recall-row').first();
    await row.waitFor();
    await expect(row.getAttribute('data-lot-code')).resolves.toBe('CAM-HK-01');
    await expect(row.innerText()).resolves.toContain('Đang thu hồi');
    await row.getByRole('link', { name: 'CAM-HK-01' }).click();
    await page.waitForURL(new RegExp(`/inspector/batches/${chain.oranges.id}$`));
  });

  it.each([
    ['desktop', { width: 1366, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ])("shows the batch's records as the timeline its business sees, the EPCIS eventID behind a disclosure (%s)", async (_, size) => {
    await page.setViewportSize(size);
    await page.goto(`${t.baseUrl}/inspector/batches/${chain.oranges.id}`);
    const timeline = page.getByTestId('batch-timeline');
    await timeline.getByTestId('batch-event').first().waitFor();
    const stages = await timeline.getByTestId('batch-event').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-stage')));
    // Then the recall the first test made, if it ran.
    expect(stages.slice(0, 4)).toEqual(['registration', 'shipping', 'receiving', 'processing']);
    const titles = await timeline.locator('.batch-event__title').allInnerTexts();
    expect(titles.join(' ')).not.toMatch(/ni:\/\//);
    const id = timeline.getByTestId('batch-event').first().locator('.batch-event__id');
    await expect(id.locator('.code').isVisible()).resolves.toBe(false);
    await id.locator('summary').click();
    await expect(id.locator('.code').innerText()).resolves.toMatch(/^ni:\/\/\/sha-256;/);
    expect(await timeline.evaluate((card) => card.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
