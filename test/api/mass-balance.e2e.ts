import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchBalanceView, BatchView, ErrorDeclarationView, FlagView, Page, RecordProcessingRequest } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProducer,
  createProduct,
  createUser,
  recordProcessing,
  recordStage,
  shipAndReceive,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { receiveShipment } from '../factories/recording.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Mass balance: what leaves a batch (shipped, used in processing, sold) against what its holder
 * had of it, per unit. The portal's forms are refused beyond it unless the person confirms;
 * what other systems capture is stored and flagged for inspectors.
 */
describe('mass balance', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let grower: Producer;
  let distributor: Producer;
  let juicer: Producer;

  const balance = async (who: Credential, batchId: string) => {
    const response = await f.http.get<BatchBalanceView>(`/api/batches/${batchId}/balance`, { token: who.token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const shipTo = (to: Producer, batch: BatchView, quantity: number, extra: Record<string, unknown> = {}) =>
    f.http.post(
      `/api/batches/${batch.id}/events`,
      { stage: 'shipping', destinationBusinessId: to.business.id, locationId: grower.location.id, quantity, ...extra },
      { token: grower.owner.token, headers: { 'accept-language': 'en' } },
    );
  const flagsOf = async (batchId: string) => {
    await f.http.post('/api/flags/scan', undefined, { token: inspector.token });
    return (await f.http.get<Page<FlagView>>(`/api/flags?batchId=${batchId}&kind=mass_balance_exceeded`, { token: inspector.token })).body
      .items;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    grower = await createProducer(f, admin, { business: { legalName: 'Hợp tác xã Bưởi Hương Khê' } });
    distributor = await createProducer(f, admin, { business: { legalName: 'Công ty Phân phối Đông Đô' } });
    juicer = await createProducer(f, admin, { business: { legalName: 'Công ty Nước ép Đồng Lộc' } });
  });
  afterAll(async () => t?.close());

  describe('GET /api/batches/:id/balance', () => {
    it('gives what remains per unit, the unit last stated first: after packing 500 kg into 50 cartons, the cartons', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 500, unit: 'KGM' });
      expect((await balance(grower.owner, batch.id)).lines).toEqual([{ unit: 'KGM', held: 500, used: 0, remaining: 500 }]);
      await recordStage(f, grower.owner, batch.id, { stage: 'packing', locationId: grower.location.id, quantity: 50, unit: 'XCT' });
      await recordStage(f, grower.owner, batch.id, {
        stage: 'shipping',
        destinationBusinessId: distributor.business.id,
        quantity: 20,
        unit: 'XCT',
      });
      expect(await balance(grower.owner, batch.id)).toEqual({
        batchId: batch.id,
        businessId: grower.business.id,
        lines: [
          { unit: 'XCT', held: 50, used: 20, remaining: 30 },
          { unit: 'KGM', held: 500, used: 0, remaining: 500 },
        ],
      });
    });

    it('gives a receiver what it received, less what it sent on; an outsider gets 403', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 1000, unit: 'KGM' });
      await shipAndReceive(f, grower.owner, distributor, batch.id, 300);
      expect((await balance(distributor.owner, batch.id)).lines).toEqual([{ unit: 'KGM', held: 300, used: 0, remaining: 300 }]);
      expect((await balance(grower.owner, batch.id)).lines).toEqual([{ unit: 'KGM', held: 1000, used: 300, remaining: 700 }]);
      expectApiError(await f.http.get(`/api/batches/${batch.id}/balance`, { token: juicer.owner.token }), 403, 'FORBIDDEN');
    });

    it('counts grams, kilograms and tonnes as one, in the unit last stated', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 2, unit: 'TNE' });
      await recordStage(f, grower.owner, batch.id, { stage: 'shipping', destinationName: 'Chợ Vinh', quantity: 500, unit: 'KGM' });
      expect((await balance(grower.owner, batch.id)).lines).toEqual([{ unit: 'TNE', held: 2, used: 0.5, remaining: 1.5 }]);
    });
  });

  describe('the stage and processing forms', () => {
    it('refuse shipping 2 × 90,000 kg out of a 120.5 kg batch, saying how much remains, and write nothing', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 120.5, unit: 'KGM' });
      const before = await snapshotTables(t);
      const refusal = expectApiError(await shipTo(distributor, batch, 90_000), 422, 'MASS_BALANCE_EXCEEDED', ['quantity']);
      expect(refusal.message).toBe(
        `Only 120.5 kg of batch ${batch.lotCode} remains (of 120.5 kg): this quantity is more than that. Check it, or confirm to save anyway.`,
      );
      expect(await snapshotTables(t)).toEqual(before);

      const vi = await f.http.post(
        `/api/batches/${batch.id}/events`,
        { stage: 'shipping', destinationBusinessId: distributor.business.id, quantity: 120, unit: 'KGM' },
        { token: grower.owner.token },
      );
      expect(vi.status).toBe(201);
      const again = expectApiError(
        await f.http.post(
          `/api/batches/${batch.id}/events`,
          { stage: 'shipping', destinationName: 'Chợ Vinh', quantity: 1 },
          { token: grower.owner.token, headers: { 'accept-language': 'vi' } },
        ),
        422,
        'MASS_BALANCE_EXCEEDED',
        ['quantity'],
      );
      expect(again.fieldErrors!.quantity![0]).toMatch(/^Lô .* chỉ còn 0,5 kg \(trên tổng 120,5 kg\)/);
    });

    it('store it when the person confirms the override, and the inspectors get a flag', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 120.5, unit: 'KGM' });
      expect((await shipTo(distributor, batch, 90_000, { overrideMassBalance: true })).status).toBe(201);
      expect((await shipTo(juicer, batch, 90_000, { overrideMassBalance: true })).status).toBe(201);
      const [flag, ...more] = await flagsOf(batch.id);
      expect(more).toEqual([]);
      expect(flag).toMatchObject({
        kind: 'mass_balance_exceeded',
        business: { id: grower.business.id, name: 'Hợp tác xã Bưởi Hương Khê' },
        summary: {
          vi: `Lô ${batch.lotCode}: Hợp tác xã Bưởi Hương Khê đã xuất 180.000 kg (gửi đi, đưa vào chế biến, bán, hủy) trong khi chỉ có 120,5 kg.`,
          en: `Batch ${batch.lotCode}: Hợp tác xã Bưởi Hương Khê sent out 180,000 kg (shipped, used in processing, sold, destroyed) while it held only 120.5 kg.`,
        },
      });
      // A second scan raises it no second time.
      expect(await flagsOf(batch.id)).toHaveLength(1);
    });

    it('compare per unit: a quantity in an unrelated unit is not compared, nor one of a batch with no quantity', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 10, unit: 'KGM' });
      expect((await shipTo(distributor, batch, 500, { unit: 'XCT' })).status).toBe(201);
      const unknown = await createBatch(f, grower.owner, grower.product.id, { quantity: undefined });
      expect((await shipTo(distributor, unknown, 5000)).status).toBe(201);
      expect(await flagsOf(batch.id)).toEqual([]);
    });

    it('refuse retail beyond what the shop received', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 1000 });
      await shipAndReceive(f, grower.owner, distributor, batch.id, 100);
      expectApiError(
        await f.http.post(`/api/batches/${batch.id}/events`, { stage: 'retail', quantity: 150 }, { token: distributor.owner.token }),
        422,
        'MASS_BALANCE_EXCEEDED',
        ['quantity'],
      );
      expect(
        (await f.http.post(`/api/batches/${batch.id}/events`, { stage: 'retail', quantity: 100 }, { token: distributor.owner.token }))
          .status,
      ).toBe(201);
    });

    it('refuse processing more of an input than remains, naming the input, unless confirmed', async () => {
      const oranges = await createBatch(f, grower.owner, grower.product.id, { quantity: 1000 });
      const shipping = await recordStage(f, grower.owner, oranges.id, {
        stage: 'shipping',
        destinationBusinessId: juicer.business.id,
        quantity: 400,
      });
      await receiveShipment(f, juicer.owner, shipping.id, { quantity: 380, shortfallReason: 'damaged' });
      const juice = await createProduct(f, juicer.owner, juicer.business.id, { name: { vi: 'Nước cam', en: 'Orange juice' }, unit: 'LTR' });
      const body: RecordProcessingRequest = {
        locationId: juicer.location.id,
        inputs: [{ batchId: oranges.id, quantity: 400, unit: 'KGM' }],
        outputs: [{ newBatch: { productId: juice.id, lotCode: 'NC-0001', productionDate: '2026-11-01', quantity: 200, unit: 'LTR' } }],
      };
      const refusal = expectApiError(
        await f.http.post('/api/events/processing', body, { token: juicer.owner.token, headers: { 'accept-language': 'en' } }),
        422,
        'MASS_BALANCE_EXCEEDED',
        ['inputs.0.quantity'],
      );
      expect(refusal.message).toMatch(/^Only 380 kg of batch /);
      await recordProcessing(f, juicer.owner, { ...body, overrideMassBalance: true });
      expect((await balance(juicer.owner, oranges.id)).lines).toEqual([{ unit: 'KGM', held: 380, used: 400, remaining: -20 }]);
    });

    it('hold a corrected shipment to what remains without the wrong one, writing nothing when refused, unless confirmed', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 500, unit: 'KGM' });
      await recordStage(f, grower.owner, batch.id, { stage: 'shipping', destinationName: 'Chợ Vinh', quantity: 350 });
      const wrong = await recordStage(f, grower.owner, batch.id, { stage: 'shipping', destinationName: 'Chợ Hà Tĩnh', quantity: 100 });
      const correct = (eventId: string, quantity: number, extra: Record<string, unknown> = {}) =>
        f.http.post<ErrorDeclarationView>(
          `/api/events/${eventId}/error-declaration`,
          { reason: 'incorrect_data', explanation: 'Gõ nhầm số lượng', corrected: { destinationName: 'Chợ Hà Tĩnh', quantity }, ...extra },
          { token: grower.owner.token, headers: { 'accept-language': 'en' } },
        );

      // 150 kg remain once the wrong 100 kg no longer count: 9,000 kg is refused, and the wrong record still stands.
      const before = await snapshotTables(t);
      const refusal = expectApiError(await correct(wrong.id, 9000), 422, 'MASS_BALANCE_EXCEEDED', ['quantity']);
      expect(refusal.message).toBe(
        `Only 150 kg of batch ${batch.lotCode} remains (of 500 kg): this quantity is more than that. Check it, or confirm to save anyway.`,
      );
      expect(await snapshotTables(t)).toEqual(before);

      // Up to what remains, a correction like any other; beyond it, once confirmed.
      const exact = await correct(wrong.id, 150);
      expect(exact.status).toBe(201);
      expect((await balance(grower.owner, batch.id)).lines).toEqual([{ unit: 'KGM', held: 500, used: 500, remaining: 0 }]);
      const confirmed = await correct(exact.body.corrective!.id, 9000, { overrideMassBalance: true });
      expect(confirmed.status).toBe(201);
      expect((await balance(grower.owner, batch.id)).lines).toEqual([{ unit: 'KGM', held: 500, used: 9350, remaining: -8850 }]);
    });
  });

  describe('EPCIS capture', () => {
    it('stores events beyond what remains (the record is the record) and flags them for inspectors', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 100, unit: 'KGM' });
      const key = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['capture'] });
      const event = {
        '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
        type: 'ObjectEvent',
        eventID: `urn:uuid:${crypto.randomUUID()}`,
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        eventTime: new Date(Date.now() - 60_000).toISOString(),
        eventTimeZoneOffset: '+07:00',
        epcList: [],
        quantityList: [{ epcClass: batch.identityUrl.replace(/\?.*$/, ''), quantity: 250, uom: 'KGM' }],
      };
      const stored = await f.http.post('/epcis/events', event, { token: key.token });
      expect(stored.status).toBe(201);
      const [flag] = await flagsOf(batch.id);
      expect(flag?.summary.en).toBe(
        `Batch ${batch.lotCode}: Hợp tác xã Bưởi Hương Khê sent out 250 kg (shipped, used in processing, sold, destroyed) while it held only 100 kg.`,
      );
    });
  });
});
