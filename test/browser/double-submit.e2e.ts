import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createBatch, createProducer, createUser, recordStage, type Factory, type Producer } from '../factories/index.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { countRows } from '../support/db.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium('confirming a receipt records one receipt, whatever the clicks and the network do', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let f: Factory;
  let page: Page;
  let grower: Producer;
  let distributor: Producer;

  /** A batch the grower ships to the distributor; its lot code. */
  async function shipped(): Promise<{ batchId: string; lotCode: string }> {
    const batch = await createBatch(f, grower.owner, grower.product.id);
    await recordStage(f, grower.owner, batch.id, { stage: 'shipping', destinationBusinessId: distributor.business.id, quantity: 100 });
    return { batchId: batch.id, lotCode: batch.lotCode };
  }
  const receipts = (batchId: string) =>
    countRows(t, `events e JOIN event_batches eb ON eb.event_id = e.id`, `eb.batch_id = $1 AND e.biz_step = 'receiving'`, [batchId]);
  /** The receive requests the page sends, with their Idempotency-Key. */
  function watchReceives(): string[] {
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/shipments\/.+\/receive$/.test(request.url()))
        keys.push(request.headers()['idempotency-key'] ?? '');
    });
    return keys;
  }

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath);
    ({ t, f, page } = app);
    const admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin, { business: { legalName: 'HTX Bưởi Hương Khê' } });
    distributor = await createProducer(f, admin, { business: { legalName: 'Công ty Phân phối Đông Đô' } });
    await signIn(page, distributor.owner, `${t.baseUrl}/login`);
  });

  afterAll(() => app?.close());

  it('sends one request for a double click on "confirm receipt", and shows no error', async () => {
    const { batchId, lotCode } = await shipped();
    const sent = watchReceives();
    await page.goto(`${t.baseUrl}/portal/${distributor.business.id}/shipments`);
    const shipment = page.locator(`[data-testid="incoming-shipment"][data-lot="${lotCode}"]`);
    await shipment.getByTestId('receive-shipment').click();
    await shipment.getByTestId('receive-confirm').dblclick();
    await page.getByTestId('received-notice').waitFor();
    expect(await page.locator(`[data-testid="incoming-shipment"][data-lot="${lotCode}"]`).count()).toBe(0);
    expect(await page.getByTestId('form-error').count()).toBe(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(await receipts(batchId)).toBe(1);
  });

  it('sends the same request again with the same key when the answer is lost, and the server records it once', async () => {
    const { batchId, lotCode } = await shipped();
    const sent = watchReceives();
    let lost = 0;
    // The first answer is lost on its way back, after the server stored the receipt.
    await page.route('**/api/shipments/*/receive', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.goto(`${t.baseUrl}/portal/${distributor.business.id}/shipments`);
    const shipment = page.locator(`[data-testid="incoming-shipment"][data-lot="${lotCode}"]`);
    await shipment.getByTestId('receive-shipment').click();
    await shipment.getByTestId('receive-confirm').click();
    await page.getByTestId('received-notice').waitFor();
    await page.unroute('**/api/shipments/*/receive');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(await receipts(batchId)).toBe(1);
  });

  it('reads the list again when the answer is lost, and shows it with no error', async () => {
    const { lotCode } = await shipped();
    let reads = 0;
    const pendingList = (url: URL) => url.pathname.endsWith('/incoming-shipments') && url.searchParams.get('status') === 'pending';
    // The first answer to the page's read is lost (a dropped connection on a phone's network).
    await page.route(pendingList, async (route) => {
      if (reads++ === 0) await route.abort('connectionreset');
      else await route.continue();
    });
    await page.goto(`${t.baseUrl}/portal/${distributor.business.id}/shipments`);
    await page.locator(`[data-testid="incoming-shipment"][data-lot="${lotCode}"]`).waitFor();
    await page.unroute(pendingList);
    expect(reads).toBe(2);
    expect(await page.getByTestId('form-error').count()).toBe(0);
  });
});
