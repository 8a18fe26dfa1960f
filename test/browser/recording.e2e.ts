import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchView, EventView, Page as ListPage, PublicBatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, makeLotCode, type Factory, type Producer, type TestUser } from '../factories/index.js';
import { describeWithChromium, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { sql } from '../support/db.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium('recording a season in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let f: Factory;
  let page: Page;
  let grower: Producer;
  let distributor: Producer;
  let pomelo: BatchView;

  const events = async (batchId: string, who: TestUser) =>
    (await f.http.get<ListPage<EventView>>(`/api/batches/${batchId}/events?limit=100`, { token: who.token })).body.items;

  /** Opens a stage form from the batch page, as a person would. */
  async function openStage(businessId: string, batchId: string, stage: string): Promise<void> {
    await page.goto(`${t.baseUrl}/portal/${businessId}/batches/${batchId}`);
    await page.getByTestId(`record-${stage}`).click();
    await page
      .getByTestId('stage-form')
      .waitFor()
      .catch(async (error: Error) => {
        // Say where the browser was and what it showed, when the form never came.
        const shown = await page
          .locator('main')
          .first()
          .innerText({ timeout: 1_000 })
          .catch(() => '(no main)');
        throw new Error(`${error.message}\nOn ${page.url()}, the page showed: ${shown.slice(0, 500)}`);
      });
  }

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, f, page } = app);
    const admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin, {
      business: { legalName: 'HTX Bưởi Hương Khê' },
      location: { kind: 'farm', name: 'Vườn bưởi Phúc Trạch' },
    });
    distributor = await createProducer(f, admin, {
      business: { legalName: 'Công ty Phân phối Đông Đô' },
      location: { kind: 'factory', name: 'Xưởng Đông Đô' },
      product: { name: { vi: 'Nước bưởi ép', en: 'Pomelo juice' }, unit: 'LTR' },
    });
    pomelo = await createBatch(f, grower.owner, grower.product.id, { quantity: 1000, unit: 'KGM', originLocationId: grower.location.id });
  });

  afterAll(() => app?.close());

  it('records harvest and packing through the stage forms, pre-filled with the place and quantity', async () => {
    await signIn(page, grower.owner, `${t.baseUrl}/login`);
    await openStage(grower.business.id, pomelo.id, 'harvesting');
    const form = page.getByTestId('stage-form');
    expect(await form.getByTestId('field-place').inputValue()).toBe(grower.location.id);
    expect(await form.getByTestId('field-quantity').inputValue()).toBe('1000');
    await form.getByTestId('field-quantity').fill('950');
    await form.getByTestId('stage-submit').click();
    await page.getByTestId('recorded-notice').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal/${grower.business.id}/batches/${pomelo.id}`);
    expect(await page.getByTestId('recorded-notice').innerText()).toContain('Thu hoạch');

    await openStage(grower.business.id, pomelo.id, 'packing');
    await page.getByTestId('field-quantity').fill('9000');
    await page.getByTestId('stage-submit').click();
    await page.getByTestId('recorded-notice').waitFor();

    const recorded = (await events(pomelo.id, grower.owner)).filter((e) => e.stage === 'harvesting' || e.stage === 'packing');
    expect(recorded.map((e) => [e.stage, e.locationId, (e.epcis.quantityList as { quantity: number }[])[0]!.quantity])).toEqual([
      ['harvesting', grower.location.id, 950],
      ['packing', grower.location.id, 9000],
    ]);
  });

  it('records an inspection with the lab, the result, the lab report and its number', async () => {
    await openStage(grower.business.id, pomelo.id, 'inspecting');
    const form = page.getByTestId('stage-form');
    await form.getByTestId('stage-submit').click();
    // The result is required: the form says so before sending anything.
    await expect(form.getByTestId('field-passed').innerText()).resolves.toContain('Vui lòng điền mục này');
    await form.getByTestId('field-passed').getByLabel('Đạt', { exact: true }).check();
    await form.getByLabel('Phòng thí nghiệm').fill('Trung tâm Kiểm nghiệm Hà Tĩnh');
    await form
      .getByTestId('attachment-file')
      .setInputFiles({ name: 'phieu-ket-qua.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await form.getByTestId('attachment-item').waitFor();
    await form.getByTestId('field-document').fill('KN-2026-118');
    await form.getByTestId('stage-submit').click();
    await page.getByTestId('recorded-notice').waitFor();

    const inspection = (await events(pomelo.id, grower.owner)).find((e) => e.stage === 'inspecting');
    expect(inspection?.epcis).toMatchObject({
      disposition: 'conformant',
      'nguon:lab': 'Trung tâm Kiểm nghiệm Hà Tĩnh',
      certificationInfo: [expect.stringMatching(/\/api\/attachments\/[0-9a-f-]{36}$/)],
      bizTransactionList: [{ type: 'testres', bizTransaction: 'urn:nguon:doc:testres:KN-2026-118' }],
    });
  });

  it('declares the packing wrong with the right quantity: the consumer page shows the corrected event only', async () => {
    await page.goto(`${t.baseUrl}/portal/${grower.business.id}/batches/${pomelo.id}`);
    const packing = page.locator('[data-testid="batch-event"][data-stage="packing"]');
    await packing.getByTestId('event-wrong').click();
    const dialog = page.getByTestId('correction-dialog');
    await dialog.getByTestId('correction-explanation').fill('Gõ thừa một số 0');
    expect(await dialog.getByTestId('field-quantity').inputValue()).toBe('9000');
    await dialog.getByTestId('field-quantity').fill('900');
    await dialog.getByTestId('correction-submit').click();
    await page.getByTestId('recorded-notice').waitFor();

    await page.goto(`${t.baseUrl}/batches/${pomelo.id}`);
    await page.getByTestId('timeline').waitFor();
    const timeline = await page.getByTestId('timeline').innerText();
    expect(await page.locator('[data-testid="timeline-entry"][data-stage="packing"]').count()).toBe(1);
    expect(timeline).toContain('900 kg');
    expect(timeline).not.toContain('9.000 kg');
  });

  it('ships to a business found by typing its name without diacritics, with a despatch advice', async () => {
    await openStage(grower.business.id, pomelo.id, 'shipping');
    await page.getByTestId('party-search').fill('dong do');
    await page.getByTestId('party-result').filter({ hasText: 'Công ty Phân phối Đông Đô' }).click();
    await expect(page.getByTestId('party-chosen').innerText()).resolves.toContain('Công ty Phân phối Đông Đô');
    await page.getByTestId('field-document').fill('PXK-2026-07');
    await page.getByTestId('field-quantity').fill('900');
    await page.getByTestId('stage-submit').click();
    await page.getByTestId('recorded-notice').waitFor();
    const shipping = (await events(pomelo.id, grower.owner)).find((e) => e.stage === 'shipping');
    expect(shipping?.epcis).toMatchObject({
      destinationList: [{ type: 'owning_party', destination: `urn:nguon:party:${distributor.business.id}` }],
      bizTransactionList: [{ type: 'desadv', bizTransaction: 'urn:nguon:doc:desadv:PXK-2026-07' }],
    });
    // The sender's own batch page shows the delivery note it just entered.
    await page.goto(`${t.baseUrl}/portal/${grower.business.id}/batches/${pomelo.id}`);
    const shipped = page.locator('[data-testid="batch-event"][data-stage="shipping"]');
    await shipped.getByText('PXK-2026-07').waitFor();
    await expect(shipped.innerText()).resolves.toMatch(/Chứng từ\s+Phiếu giao hàng PXK-2026-07/);
    await signOut(page);
  });

  it('lets the receiver see the incoming shipment and confirm it, its place, quantity and time filled in', async () => {
    await signIn(page, distributor.owner, `${t.baseUrl}/login`);
    await page.goto(`${t.baseUrl}/portal/${distributor.business.id}/shipments`);
    const shipment = page.locator(`[data-testid="incoming-shipment"][data-lot="${pomelo.lotCode}"]`);
    const text = await shipment.innerText();
    expect(text).toContain('HTX Bưởi Hương Khê');
    expect(text).toContain('PXK-2026-07');
    await shipment.getByTestId('receive-shipment').click();
    expect(await shipment.getByTestId('receive-place').inputValue()).toBe(distributor.location.id);
    expect(await shipment.getByTestId('receive-quantity').inputValue()).toBe('900');
    await shipment.getByTestId('receive-confirm').click();
    await page.getByTestId('received-notice').waitFor();
    expect(await page.locator(`[data-testid="incoming-shipment"][data-lot="${pomelo.lotCode}"]`).count()).toBe(0);
    await page.getByRole('tab', { name: 'Đã nhận' }).click();
    await page.locator(`[data-testid="incoming-shipment"][data-lot="${pomelo.lotCode}"]`).waitFor();

    const receiving = (await events(pomelo.id, distributor.owner)).find((e) => e.stage === 'receiving');
    expect(receiving?.epcis).toMatchObject({
      sourceList: [{ source: `urn:nguon:party:${grower.business.id}` }],
      'nguon:shipment': expect.any(String),
      quantityList: [expect.objectContaining({ quantity: 900 })],
    });
    expect(receiving?.locationId).toBe(distributor.location.id);
  });

  it('processes the received batch and its own into a new batch created in the same step', async () => {
    const sugar = await createBatch(f, distributor.owner, distributor.product.id, { quantity: 50, unit: 'LTR' });
    const lotCode = makeLotCode('NB');
    await page.goto(`${t.baseUrl}/portal/${distributor.business.id}/processing/new?input=${pomelo.id}`);
    const form = page.getByTestId('processing-form');
    const received = form.locator(`[data-testid="processing-input"][data-lot="${pomelo.lotCode}"]`);
    expect(await received.getByTestId('input-select').isChecked()).toBe(true);
    await received.getByTestId('input-quantity').fill('800');
    const own = form.locator(`[data-testid="processing-input"][data-lot="${sugar.lotCode}"]`);
    await own.getByTestId('input-select').check();
    await own.getByTestId('input-quantity').fill('50');
    await form.getByTestId('output-product').selectOption(distributor.product.id);
    await form.getByTestId('output-lot').fill(lotCode);
    await form.getByTestId('output-quantity').fill('600');
    await form.getByTestId('processing-document').fill('LSX-2026-11');
    // More juice than the litres that went in: allowed, but said plainly.
    await form.getByTestId('output-exceeds').waitFor();
    await form.getByTestId('processing-submit').click();
    await page.getByTestId('recorded-notice').waitFor();

    const [made] = await sql<{ id: string }>(t, `SELECT id FROM batches WHERE lot_code = $1`, [lotCode]);
    expect(new URL(page.url()).pathname).toBe(`/portal/${distributor.business.id}/batches/${made!.id}`);
    const processing = (await events(made!.id, distributor.owner)).find((e) => e.epcis.type === 'TransformationEvent');
    expect(processing?.epcis.bizTransactionList).toEqual([{ type: 'prodorder', bizTransaction: 'urn:nguon:doc:prodorder:LSX-2026-11' }]);
    const view = (await f.http.get<PublicBatchView>(`/api/public/batches/${made!.id}`)).body;
    expect(view.sources.map((s) => [s.lotCode, s.quantityUsed]).sort()).toEqual(
      [
        [pomelo.lotCode, 800],
        [sugar.lotCode, 50],
      ].sort(),
    );
  });
});
