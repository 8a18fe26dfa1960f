import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchBalanceView, BatchView, EventView, FlagView, Page as ListPage } from '@nguon/shared';
import {
  createBatch,
  createLocation,
  createProducer,
  createUser,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { countRows } from '../support/db.js';
import type { TestApp } from '../support/test-app.js';

const SIZES = [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 390, height: 844 }],
] as const;

/**
 * Receiving that completes the record, and shipping that says how much remains: the forms a
 * distributor and a co-operative use every day, at a desktop's and a phone's width.
 */
describe.each(SIZES)('at %s width', (_, viewport) => {
  describeWithChromium('receiving and shipping in Chromium', (chromiumPath) => {
    let app: BrowserApp;
    let t: TestApp;
    let f: Factory;
    let page: Page;
    let admin: TestUser;
    let inspector: TestUser;
    let grower: Producer;
    let distributor: Producer;

    const events = async (batchId: string, who: TestUser) =>
      (await f.http.get<ListPage<EventView>>(`/api/batches/${batchId}/events?limit=100`, { token: who.token })).body.items;

    beforeAll(async () => {
      app = await startBrowserApp(chromiumPath, { viewport });
      ({ t, f, page } = app);
      admin = await createUser(f, { role: 'admin' });
      inspector = await createUser(f, { role: 'inspector' });
      grower = await createProducer(f, admin, {
        business: { legalName: 'HTX Bưởi Hương Khê' },
        location: { kind: 'farm', name: 'Vườn bưởi Phúc Trạch' },
      });
      distributor = await createProducer(f, admin, {
        business: { legalName: 'Công ty Phân phối Đông Đô' },
        location: { kind: 'warehouse', name: 'Kho Long Biên' },
      });
    });
    afterAll(() => app?.close());

    it('receives a short delivery with the place, the quantity and the reason, all filled in but the reason', async () => {
      const shop = await createLocation(f, distributor.owner, distributor.business.id, { kind: 'shop', name: 'Cửa hàng Hàng Bè' });
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 1000 });
      await recordStage(f, grower.owner, batch.id, {
        stage: 'shipping',
        destinationBusinessId: distributor.business.id,
        locationId: grower.location.id,
        quantity: 400,
        bizTransactions: [{ type: 'desadv', id: 'PXK-0042' }],
      });

      await signIn(page, distributor.owner, `${t.baseUrl}/login`);
      await page.goto(`${t.baseUrl}/portal/${distributor.business.id}/shipments`);
      const shipment = page.locator(`[data-testid="incoming-shipment"][data-lot="${batch.lotCode}"]`);
      await shipment.getByTestId('receive-shipment').click();
      const form = shipment.getByTestId('receive-form');
      // Filled in: the business's place (the first listed, by name, as it has received nothing yet), what was shipped, now.
      expect(await form.getByTestId('receive-place').inputValue()).toBe(shop.id);
      expect(await form.getByTestId('receive-quantity').inputValue()).toBe('400');
      expect(await form.locator('input[name="eventTime"]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      expect(await axeViolations(page)).toEqual([]);

      await form.getByTestId('receive-quantity').fill('380');
      await form.getByTestId('receive-confirm').click();
      // Less than shipped: the reason is asked for before anything is sent.
      await expect(form.getByTestId('receive-reason').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await form.innerText()).toContain('Nhận ít hơn số lượng đã gửi: hãy chọn lý do.');
      expect(await form.innerText()).toContain('Thiếu 20 kg so với số lượng đã gửi.');
      expect((await events(batch.id, grower.owner)).some((e) => e.stage === 'receiving')).toBe(false);

      await form.getByTestId('receive-reason').selectOption('short');
      await form.getByTestId('receive-confirm').click();
      await page.getByTestId('received-notice').waitFor();

      const receiving = (await events(batch.id, distributor.owner)).find((e) => e.stage === 'receiving')!;
      expect(receiving.locationId).toBe(shop.id);
      expect(receiving.epcis).toMatchObject({
        disposition: 'mismatch_quantity',
        quantityList: [expect.objectContaining({ quantity: 380 })],
      });

      await page.getByRole('tab', { name: 'Đã nhận' }).click();
      const received = page.locator(`[data-testid="incoming-shipment"][data-lot="${batch.lotCode}"]`);
      await received.getByTestId('received-place').waitFor();
      expect(await received.getByTestId('received-place').innerText()).toBe('Cửa hàng Hàng Bè');
      expect(await received.getByTestId('received-quantity').innerText()).toBe('380 kg · Giao thiếu hàng');

      // The consumer page shows the receiving with its place.
      await page.goto(`${t.baseUrl}/batches/${batch.id}`);
      const entry = page.locator('[data-testid="timeline-entry"][data-stage="receiving"]');
      await entry.waitFor();
      expect(await entry.innerText()).toContain('Cửa hàng Hàng Bè');
      await signOut(page);
    }, 60_000);

    it('starts shipping from what remains, warns before shipping more and saves it only once confirmed', async () => {
      const batch: BatchView = await createBatch(f, grower.owner, grower.product.id, { quantity: 500, unit: 'KGM' });
      await recordStage(f, grower.owner, batch.id, { stage: 'packing', locationId: grower.location.id, quantity: 50, unit: 'XCT' });
      await signIn(page, grower.owner, `${t.baseUrl}/login`);
      await page.goto(`${t.baseUrl}/portal/${grower.business.id}/batches/${batch.id}`);
      await page.getByTestId('record-shipping').click();
      const form = page.getByTestId('stage-form');
      // After packing 500 kg into 50 cartons, shipping starts from the 50 cartons.
      expect(await form.getByTestId('field-quantity').inputValue()).toBe('50');
      expect(await form.getByLabel('Đơn vị').inputValue()).toBe('XCT');
      expect(await form.innerText()).toContain('Còn lại của lô: 50 thùng.');
      expect(await form.getByTestId('field-place').inputValue()).toBe(grower.location.id);

      await form.getByLabel('Bên nhận khác').check();
      await form.getByTestId('party-name').fill('Chợ đầu mối Long Biên');
      await form.getByTestId('field-quantity').fill('90000');
      const warning = form.getByTestId('over-remaining');
      await warning.waitFor();
      expect(await warning.innerText()).toContain(`Lô ${batch.lotCode} chỉ còn 50 thùng`);
      expect(await axeViolations(page)).toEqual([]);

      const before = await countRows(t, 'events');
      await form.getByTestId('stage-submit').click();
      await expect(warning.innerText()).resolves.toContain('Hãy sửa số lượng, hoặc đánh dấu ô xác nhận để vẫn lưu.');
      expect(await countRows(t, 'events')).toBe(before);

      await warning.getByTestId('confirm-over-remaining').check();
      await form.getByTestId('stage-submit').click();
      await page.getByTestId('recorded-notice').waitFor();
      const shipping = (await events(batch.id, grower.owner)).find((e) => e.stage === 'shipping')!;
      expect(shipping.epcis.quantityList).toEqual([expect.objectContaining({ quantity: 90000, uom: 'XCT' })]);

      // The inspectors see it among the flags, in their language.
      await f.http.post('/api/flags/scan', undefined, { token: inspector.token });
      const flags = (await f.http.get<ListPage<FlagView>>(`/api/flags?batchId=${batch.id}`, { token: inspector.token })).body.items;
      expect(flags.map((flag) => flag.kind)).toEqual(['mass_balance_exceeded']);
      await signOut(page);
      await signIn(page, inspector, `${t.baseUrl}/login`);
      await page.goto(`${t.baseUrl}/inspector/flags`);
      const card = page.locator('[data-testid="flag"]').filter({ hasText: batch.lotCode });
      await card.waitFor();
      expect(await card.innerText()).toContain('Xuất nhiều hơn lượng còn lại của lô');
      expect(await card.innerText()).toContain('đã xuất 90.000 thùng');
      await signOut(page);
    }, 60_000);

    it('holds a corrected shipment to what remains, says how much, and saves it only once confirmed', async () => {
      const batch: BatchView = await createBatch(f, grower.owner, grower.product.id, { quantity: 500, unit: 'KGM' });
      await recordStage(f, grower.owner, batch.id, { stage: 'shipping', destinationName: 'Chợ Vinh', quantity: 100, unit: 'KGM' });
      await signIn(page, grower.owner, `${t.baseUrl}/login`);
      await page.goto(`${t.baseUrl}/portal/${grower.business.id}/batches/${batch.id}`);
      await page.locator('[data-testid="batch-event"][data-stage="shipping"]').getByTestId('event-wrong').click();
      const dialog = page.getByTestId('correction-dialog');
      await dialog.getByTestId('correction-explanation').fill('Gõ thừa một số 0');
      await dialog.getByTestId('field-quantity').fill('1000');
      const before = await countRows(t, 'events');
      await dialog.getByTestId('correction-submit').click();
      // With the wrong 100 kg set aside, 500 kg remain: said before anything is saved.
      const warning = dialog.getByTestId('over-remaining');
      await expect(warning.innerText()).resolves.toContain(`Lô ${batch.lotCode} chỉ còn 500 kg`);
      expect(await countRows(t, 'events')).toBe(before);
      expect(await axeViolations(page)).toEqual([]);

      await warning.getByTestId('confirm-over-remaining').check();
      await dialog.getByTestId('correction-submit').click();
      await page.getByTestId('recorded-notice').waitFor();
      const { lines } = (await f.http.get<BatchBalanceView>(`/api/batches/${batch.id}/balance`, { token: grower.owner.token })).body;
      expect(lines).toEqual([{ unit: 'KGM', held: 500, used: 1000, remaining: -500 }]);
      await signOut(page);
    }, 60_000);
  });
});
