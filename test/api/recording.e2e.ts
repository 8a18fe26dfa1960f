import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, EventView, Page, PublicBatchView, RecordProcessingRequest } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProducer,
  createProduct,
  createStaff,
  createUser,
  makeLotCode,
  shipAndReceive,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { uploadLabReport } from '../factories/recording.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotTables, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('recording stages and processing', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let farm: Producer;
  let honey: Producer;
  /** A juice factory: processes its own oranges and the farm's received ones. */
  let factory: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    farm = await createProducer(f, admin, { product: { name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' } } });
    honey = await createProducer(f, admin, { product: { name: { vi: 'Mật ong Vũ Quang', en: 'Vu Quang honey' }, unit: 'KGM' } });
    factory = await createProducer(f, admin, {
      location: { kind: 'factory', name: 'Xưởng ép' },
      product: { name: { vi: 'Nước cam ép', en: 'Orange juice' }, unit: 'LTR' },
    });
  });
  afterAll(async () => t?.close());

  const post = <T = EventView>(path: string, body: unknown, who: { token: string }) => f.http.post<T>(path, body, { token: who.token });

  describe('POST /api/batches/:id/events (stage forms)', () => {
    it('lets the business staff record a stage, and refuses a member of another business', async () => {
      const batch = await createBatch(f, farm.owner, farm.product.id);
      const staff = await createStaff(f, farm.owner, farm.business.id);
      const harvest = await post(
        `/api/batches/${batch.id}/events`,
        { stage: 'harvesting', quantity: 900, locationId: farm.location.id },
        staff,
      );
      expect(harvest.status).toBe(201);
      expect(harvest.body).toMatchObject({ stage: 'harvesting', businessId: farm.business.id, locationId: farm.location.id });
      const before = await snapshotTables(t);
      expectApiError(await post(`/api/batches/${batch.id}/events`, { stage: 'packing' }, factory.owner), 403, 'FORBIDDEN');
      expect(await snapshotTables(t)).toEqual(before);
    });

    it('records an inspection with the lab, its result, its reference number and the lab report (certificationInfo)', async () => {
      const batch = await createBatch(f, honey.owner, honey.product.id);
      const report = await uploadLabReport(f, honey.owner, honey.business.id);
      const response = await post(
        `/api/batches/${batch.id}/events`,
        {
          stage: 'inspecting',
          passed: true,
          labName: 'Trung tâm Kiểm nghiệm Hà Tĩnh',
          attachmentIds: [report.id],
          bizTransactions: [{ type: 'testres', id: 'KN-2026-118' }],
        },
        honey.owner,
      );
      expect(response.status).toBe(201);
      expect(response.body.epcis).toMatchObject({
        disposition: 'conformant',
        certificationInfo: [`http://nguon.test/api/attachments/${report.id}`],
        'nguon:lab': 'Trung tâm Kiểm nghiệm Hà Tĩnh',
        bizTransactionList: [{ type: 'testres', bizTransaction: 'urn:nguon:doc:testres:KN-2026-118' }],
      });
      // The consumer sees the result and the reference number.
      const view = (await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`)).body;
      expect(view.timeline.find((e) => e.stage === 'inspecting')).toMatchObject({
        passed: true,
        documents: [{ type: 'testres', id: 'KN-2026-118' }],
      });
    });

    it("refuses another business's lab report, and inspection fields on other stages", async () => {
      const batch = await createBatch(f, honey.owner, honey.product.id);
      const theirs = await uploadLabReport(f, farm.owner, farm.business.id);
      const before = await snapshotTables(t);
      expectApiError(
        await post(`/api/batches/${batch.id}/events`, { stage: 'inspecting', passed: true, attachmentIds: [theirs.id] }, honey.owner),
        400,
        'VALIDATION_FAILED',
        ['attachmentIds'],
      );
      expectApiError(
        await post(`/api/batches/${batch.id}/events`, { stage: 'packing', labName: 'Phòng thí nghiệm' }, honey.owner),
        422,
        'EVENT_RULE_VIOLATED',
        ['labName'],
      );
      expectApiError(
        await post(`/api/batches/${batch.id}/events`, { stage: 'inspecting', attachmentIds: ['x'] }, honey.owner),
        400,
        'VALIDATION_FAILED',
        ['attachmentIds'],
      );
      expect(await snapshotTables(t)).toEqual(before);
    });
  });

  describe('POST /api/events/processing with a new output batch', () => {
    const processing = (
      overrides: Partial<RecordProcessingRequest> & { inputs: RecordProcessingRequest['inputs'] },
    ): RecordProcessingRequest => ({
      outputs: [
        {
          newBatch: {
            productId: factory.product.id,
            lotCode: makeLotCode('NE'),
            displayName: 'Nước cam mẻ 1',
            productionDate: '2026-11-20',
            expiryDate: '2027-05-20',
            quantity: 600,
            unit: 'LTR',
          },
        },
      ],
      ...overrides,
    });

    it('processes its own batch and a received one into a batch made in the same step', async () => {
      const own = await createBatch(
        f,
        factory.owner,
        (await createProduct(f, factory.owner, factory.business.id, { name: { vi: 'Cam', en: 'Orange' } })).id,
      );
      const bought = await createBatch(f, farm.owner, farm.product.id);
      await shipAndReceive(f, farm.owner, factory, bought.id, 500);
      const body = processing({
        inputs: [
          { batchId: own.id, quantity: 400, unit: 'KGM' },
          { batchId: bought.id, quantity: 500, unit: 'KGM' },
        ],
        locationId: factory.location.id,
      });
      const lotCode = body.outputs[0]!.newBatch!.lotCode;
      const response = await post('/api/events/processing', body, factory.owner);
      expect(response.status).toBe(201);

      const [made] = await sql<{ id: string }>(t, `SELECT id FROM batches WHERE product_id = $1 AND lot_code = $2`, [
        factory.product.id,
        lotCode,
      ]);
      const batch = (await f.http.get<BatchView>(`/api/batches/${made!.id}`)).body;
      expect(batch).toMatchObject({
        businessId: factory.business.id,
        lotCode,
        displayName: 'Nước cam mẻ 1',
        productionDate: '2026-11-20',
        expiryDate: '2027-05-20',
        quantity: 600,
        unit: 'LTR',
        status: 'active',
      });
      expect(response.body.epcis).toMatchObject({
        type: 'TransformationEvent',
        outputQuantityList: [{ epcClass: expect.stringContaining(`/10/${lotCode}`), quantity: 600, uom: 'LTR' }],
        ilmd: { 'nguon:productionDate': '2026-11-20', 'cbvmda:itemExpirationDate': '2027-05-20' },
      });
      const view = (await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`)).body;
      expect(view.sources.map((s) => [s.id, s.quantityUsed])).toEqual(
        expect.arrayContaining([
          [own.id, 400],
          [bought.id, 500],
        ]),
      );
      const audit = await sql(t, `SELECT 1 FROM audit_log WHERE action = 'batch.register' AND target_id = $1`, [batch.id]);
      expect(audit).toHaveLength(1);
    });

    it('stores nothing when the new lot code is taken, naming the field', async () => {
      const input = await createBatch(f, factory.owner, factory.product.id);
      const taken = await createBatch(f, factory.owner, factory.product.id);
      const body = processing({ inputs: [{ batchId: input.id, quantity: 10, unit: 'LTR' }] });
      body.outputs = [
        { newBatch: { ...body.outputs[0]!.newBatch!, lotCode: makeLotCode('OK') } },
        { newBatch: { ...body.outputs[0]!.newBatch!, lotCode: taken.lotCode } },
      ];
      const tables = ['batches', 'events', 'event_batches', 'audit_log'];
      const before = await snapshotTables(t, tables);
      expectApiError(await post('/api/events/processing', body, factory.owner), 409, 'LOT_CODE_TAKEN', ['outputs.1.newBatch.lotCode']);
      expect(await snapshotTables(t, tables)).toEqual(before);
    });

    it("refuses a new batch of another business's product, and an output that is both kinds", async () => {
      const input = await createBatch(f, factory.owner, factory.product.id);
      const inputs = [{ batchId: input.id, quantity: 10, unit: 'LTR' as const }];
      const before = await snapshotTables(t);
      expectApiError(
        await post(
          '/api/events/processing',
          processing({ inputs, outputs: [{ newBatch: { productId: farm.product.id, lotCode: 'X1', productionDate: '2026-11-20' } }] }),
          factory.owner,
        ),
        403,
        'FORBIDDEN',
      );
      const both = processing({ inputs });
      both.outputs = [{ ...both.outputs[0]!, batchId: input.id }];
      expectApiError(await post('/api/events/processing', both, factory.owner), 422, 'EVENT_RULE_VIOLATED', ['outputs.0']);
      const badLot = processing({ inputs });
      badLot.outputs[0]!.newBatch!.lotCode = 'Lô 1';
      expectApiError(await post('/api/events/processing', badLot, factory.owner), 400, 'VALIDATION_FAILED', ['outputs.0.newBatch.lotCode']);
      const early = processing({ inputs });
      early.outputs[0]!.newBatch!.expiryDate = '2026-01-01';
      expectApiError(await post('/api/events/processing', early, factory.owner), 400, 'VALIDATION_FAILED', [
        'outputs.0.newBatch.expiryDate',
      ]);
      expect(await snapshotTables(t)).toEqual(before);
    });

    it("refuses an input that is another business's and was never shipped to it", async () => {
      const theirs = await createBatch(f, farm.owner, farm.product.id);
      expectApiError(
        await post('/api/events/processing', processing({ inputs: [{ batchId: theirs.id, quantity: 1, unit: 'KGM' }] }), factory.owner),
        422,
        'EVENT_RULE_VIOLATED',
        ['inputs.0.batchId'],
      );
    });

    it('works with an API key of the business', async () => {
      const key = await createApiKey(f, factory.owner, factory.business.id);
      const input = await createBatch(f, factory.owner, factory.product.id);
      const response = await post('/api/events/processing', processing({ inputs: [{ batchId: input.id, quantity: 5, unit: 'LTR' }] }), key);
      expect(response.status).toBe(201);
      const events = (await f.http.get<Page<EventView>>(`/api/batches/${input.id}/events`, { token: key.token })).body.items;
      expect(events.map((e) => e.stage)).toEqual(['registration', 'processing']);
    });
  });
});
