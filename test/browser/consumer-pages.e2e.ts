import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { gs1CheckDigit, type BatchLogView, type BatchView } from '@nguon/shared';
import { BatchChanges } from '../../server/src/common/cache/batch-changes.js';
import { TransparencyLog } from '../../server/src/transparency/transparency-log.service.js';
import {
  createBatch,
  createLocation,
  createProduct,
  createUser,
  createVerifiedBusiness,
  recordProcessing,
  recordStage,
} from '../factories/index.js';
import { describeWithChromium, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { decodeQrWithJsQr, decodeQrWithZbar } from '../support/qr-decoder.js';
import type { TestApp } from '../support/test-app.js';

/** What a phone's camera would read from the QR image the portal serves. */
async function decodeQr(baseUrl: string, batchId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/batches/${batchId}/qr.png?size=400`);
  const png = Buffer.from(await response.arrayBuffer());
  const decoded = decodeQrWithJsQr(png);
  if (!decoded) throw new Error('the QR image did not decode');
  const zbar = decodeQrWithZbar(png);
  if (zbar !== undefined) expect(zbar).toBe(decoded);
  return decoded;
}

describeWithChromium('the consumer pages in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let pomelo: BatchView;
  let juice: BatchView;
  let honey: BatchView;
  let unlabelled: BatchView;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, page } = app);
    const { f } = app;
    const admin = await createUser(f, { role: 'admin' });
    const farmer = await createUser(f);
    const distributor = await createUser(f);
    const coop = await createVerifiedBusiness(f, farmer, admin, { legalName: 'HTX Bưởi Phúc Trạch' });
    const shop = await createVerifiedBusiness(f, distributor, admin, {
      legalName: 'Công ty Phân phối Hà Nội',
      address: { line: '12 Hàng Bè', commune: 'Phường Hoàn Kiếm', province: 'Hà Nội' },
    });
    const garden = await createLocation(f, farmer, coop.id, { name: 'Vườn bưởi Phúc Trạch' });
    const warehouse = await createLocation(f, distributor, shop.id, { kind: 'warehouse', name: 'Kho Long Biên', province: 'Hà Nội' });
    const pomeloProduct = await createProduct(f, farmer, coop.id, {
      name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' },
      brand: 'Phúc Trạch',
    });
    pomelo = await createBatch(f, farmer, pomeloProduct.id, {
      lotCode: 'PT-2026-001',
      productionDate: '2026-09-20',
      expiryDate: '2026-12-31',
      originLocationId: garden.id,
      // Registered on its production day, before its harvest (a creation is otherwise stamped when recorded).
      eventTime: '2026-09-20T06:00:00+07:00',
    });
    await recordStage(f, farmer, pomelo.id, {
      stage: 'harvesting',
      locationId: garden.id,
      quantity: 1200,
      eventTime: '2026-09-20T07:00:00+07:00',
    });
    await recordStage(f, farmer, pomelo.id, { stage: 'packing', quantity: 1150, eventTime: '2026-09-21T08:00:00+07:00' });
    await recordStage(f, farmer, pomelo.id, { stage: 'inspecting', passed: true, eventTime: '2026-09-22T09:00:00+07:00' });
    await recordStage(f, farmer, pomelo.id, {
      stage: 'shipping',
      destinationBusinessId: shop.id,
      quantity: 1000,
      eventTime: '2026-09-23T06:00:00+07:00',
    });
    await recordStage(f, distributor, pomelo.id, {
      stage: 'receiving',
      locationId: warehouse.id,
      quantity: 1000,
      eventTime: '2026-09-24T06:00:00+07:00',
    });

    const orangeProduct = await createProduct(f, farmer, coop.id, { name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' } });
    const juiceProduct = await createProduct(f, farmer, coop.id, { name: { vi: 'Nước cam ép', en: 'Orange juice' }, unit: 'LTR' });
    const oranges = [
      await createBatch(f, farmer, orangeProduct.id, { lotCode: 'HS-A' }),
      await createBatch(f, farmer, orangeProduct.id, { lotCode: 'HS-B' }),
    ];
    for (const batch of oranges)
      await recordStage(f, farmer, batch.id, { stage: 'harvesting', quantity: 500, eventTime: '2026-10-01T07:00:00+07:00' });
    juice = await createBatch(f, farmer, juiceProduct.id, { lotCode: 'NC-01', unit: 'LTR', quantity: 300, productionDate: '2026-10-02' });
    await recordProcessing(f, farmer, {
      inputs: oranges.map((o) => ({ batchId: o.id, quantity: 400, unit: 'KGM' as const })),
      outputs: [{ batchId: juice.id, quantity: 300, unit: 'LTR' }],
      eventTime: '2026-10-02T10:00:00+07:00',
    });

    honey = await createBatch(
      f,
      farmer,
      (await createProduct(f, farmer, coop.id, { name: { vi: 'Mật ong Vũ Quang', en: 'Vu Quang honey' } })).id,
      { lotCode: 'MO-01' },
    );
    await t.app.database.dataSource.query(
      `UPDATE batches SET status = 'recalled', recall_reason = 'Phát hiện dư lượng kháng sinh', recalled_at = now() WHERE id = $1`,
      [honey.id],
    );
    await t.app.nest.get(BatchChanges).publish([honey.id]);

    unlabelled = await createBatch(
      f,
      farmer,
      (await createProduct(f, farmer, coop.id, { name: { vi: 'Rau sạch', en: 'Vegetables' }, gtin: undefined })).id,
      { lotCode: 'RAU-01' },
    );
  });

  afterAll(() => app?.close());

  it('decodes the batch QR code to its identity URL, which opens the batch page in Vietnamese', async () => {
    const url = await decodeQr(t.baseUrl, pomelo.id);
    expect(url).toBe(pomelo.identityUrl);
    expect(url).toMatch(/\/01\/\d{14}\/10\/PT-2026-001\?17=261231&by=[\w-]{22}&sig=[\w-]{4}\.[\w-]{86}$/);

    await page.goto(url);
    await page.getByTestId('batch-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/batches/${pomelo.id}`);
    expect(new URL(page.url()).search).toBe(new URL(pomelo.identityUrl).search);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.getByTestId('product-name').innerText()).resolves.toContain('Bưởi Phúc Trạch');
    await expect(page.getByTestId('producer-name').innerText()).resolves.toBe('HTX Bưởi Phúc Trạch');
    await expect(page.getByTestId('lot-code').innerText()).resolves.toContain('PT-2026-001');
    expect(await page.getByTestId('verified-badge').isVisible()).toBe(true);
    expect(await page.getByTestId('scan-count').getAttribute('data-count')).toBe('1');
    const verified = page.getByTestId('records-verified');
    await verified.waitFor();
    expect(await verified.getAttribute('data-verified')).toBe('true');
    expect(await verified.innerText()).toContain('Hồ sơ đã được kiểm chứng');
    const stages = await page.getByTestId('timeline-entry').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-stage')));
    expect(stages).toEqual(['registration', 'harvesting', 'packing', 'inspecting', 'shipping', 'receiving']);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('Thu hoạch');
    expect(timeline).toContain('Vườn bưởi Phúc Trạch');
    expect(timeline).toContain('Công ty Phân phối Hà Nội');
    expect(await page.getByTestId('recall-banner').count()).toBe(0);
  });

  it("shows the verified mark only after this browser's own check against the portal's signed log", async () => {
    await t.app.nest.get(TransparencyLog).sequence();
    const logPath = `**/api/batches/${pomelo.id}/log`;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(logPath, async (route) => {
      await held;
      await route.continue();
    });
    try {
      const integrity = page.waitForResponse((response) => response.url().endsWith(`/api/batches/${pomelo.id}/integrity`));
      await page.goto(`${t.baseUrl}/batches/${pomelo.id}`);
      expect((await (await integrity).json()).verified).toBe(true);
      // The portal's word is in, the log not yet checked here: no mark for two frames and more.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.waitForTimeout(300);
      expect(await page.getByTestId('records-verified').count()).toBe(0);
      release();
      const mark = page.getByTestId('records-verified');
      await mark.waitFor();
      expect(await mark.getAttribute('data-verified')).toBe('true');
      expect(await mark.innerText()).toContain('trình duyệt của bạn đã tự kiểm tra');
    } finally {
      release();
      await page.unroute(logPath);
    }

    // A log answer whose record is not in the signed tree head (the server's word changed, not the log's).
    await page.route(logPath, async (route) => {
      const view = (await (await route.fetch()).json()) as BatchLogView;
      view.logged[0]!.entry.hash = '0'.repeat(64);
      await route.fulfill({ json: view });
    });
    try {
      await page.goto(`${t.baseUrl}/batches/${pomelo.id}`);
      const mark = page.getByTestId('records-verified');
      await mark.waitFor();
      expect(await mark.getAttribute('data-verified')).toBe('false');
      expect(await mark.innerText()).toContain('Hồ sơ có dấu hiệu bị sửa đổi');
    } finally {
      await page.unroute(logPath);
    }
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await page.goto(`${t.baseUrl}/batches/${pomelo.id}`);
    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect(page.getByTestId('product-name').innerText()).resolves.toContain('Phuc Trach pomelo');
    expect(await page.getByTestId('timeline').innerText()).toContain('Harvesting');
    await page.reload();
    await page.getByTestId('batch-page').waitFor();
    await expect(page.getByTestId('product-name').innerText()).resolves.toContain('Phuc Trach pomelo');
    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
  });

  it('shows a processed batch with the batches it was made from and their stages', async () => {
    await page.goto(`${t.baseUrl}/batches/${juice.id}`);
    await page.getByTestId('sources').waitFor();
    const sources = await page.getByTestId('source').allInnerTexts();
    expect(sources).toHaveLength(2);
    expect(sources.some((s) => s.includes('HS-A'))).toBe(true);
    expect(sources.some((s) => s.includes('HS-B'))).toBe(true);
    expect(await page.getByTestId('timeline-group-earlier').count()).toBe(2);
    await page.getByTestId('source').first().click();
    await page.waitForURL(/\/batches\//);
    await expect(page.getByTestId('product-name').innerText()).resolves.toContain('Cam Hương Sơn');
  });

  it('warns plainly when the records were altered behind the portal', async () => {
    await t.app.database.dataSource.query(`ALTER TABLE events DISABLE TRIGGER events_append_only`);
    await t.app.database.dataSource.query(
      `UPDATE events SET event_time = event_time - interval '1 day' WHERE id = (SELECT event_id FROM event_batches WHERE batch_id = $1 AND seq = 2)`,
      [juice.id],
    );
    await t.app.database.dataSource.query(`ALTER TABLE events ENABLE TRIGGER events_append_only`);
    await page.goto(`${t.baseUrl}/batches/${juice.id}`);
    const mark = page.getByTestId('records-verified');
    await mark.waitFor();
    expect(await mark.getAttribute('data-verified')).toBe('false');
    expect(await mark.innerText()).toContain('Hồ sơ có dấu hiệu bị sửa đổi');
  });

  it('puts a recall banner that cannot be missed on a recalled batch', async () => {
    await page.goto(`${t.baseUrl}/batches/${honey.id}`);
    const banner = page.getByTestId('recall-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Phát hiện dư lượng kháng sinh');
    const box = await banner.boundingBox();
    expect(box?.y).toBeLessThan(200);
  });

  it('opens the batch when a short code is typed on the home page', async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.getByLabel('Mã truy xuất').fill(unlabelled.shortCode.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL(`**/batches/${unlabelled.id}`);
    await expect(page.getByTestId('product-name').innerText()).resolves.toContain('Rau sạch');
  });

  it('explains an unknown code instead of showing a page, and answers with 404', async () => {
    // A GTIN the portal does not know (an unknown lot of a known one walks up to its product page).
    const gtin = new URL(pomelo.identityUrl).pathname.split('/')[2]!;
    const unknown = pomelo.identityUrl.replace(gtin, `${gtin.slice(0, 8)}99999${gs1CheckDigit(`${gtin.slice(0, 8)}99999`)}`);
    const response = await page.goto(unknown);
    expect(response?.status()).toBe(404);
    const error = page.getByTestId('resolve-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('BATCH_NOT_FOUND');
  });
});
