import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, ProductView, PublicBatchView } from '@nguon/shared';
import {
  addCertificate,
  createBatch,
  createProduct,
  createProducer,
  createUser,
  recordProcessing,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient, pathOf } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A Hương Sơn chain: a cooperative grows oranges (with a VietGAP certificate and an expired one),
 * ships a lot to a juice factory, which presses it with its own sugar into juice.
 */
describe('the public batch view', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let grower: Producer;
  let factory: Producer;
  let oranges: BatchView;
  let sugarProduct: ProductView;
  let sugar: BatchView;
  let juice: BatchView;
  let laterJuice: BatchView;

  const view = async (batchId: string) => {
    const response = await f.http.get<PublicBatchView>(`/api/public/batches/${batchId}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin, {
      business: {
        legalName: 'Hợp tác xã Cam Hương Sơn',
        email: 'htx.camhuongson@example.test',
        address: { line: 'Thôn Trung Thượng', commune: 'Xã Sơn Trung', province: 'Hà Tĩnh' },
      },
      location: { kind: 'farm', name: 'Vườn cam Sơn Trung', latitude: 18.51, longitude: 105.43 },
      product: {
        name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' },
        brand: 'Cam Hương Sơn',
        imageUrl: 'https://example.test/cam.jpg',
        standards: ['VietGAP', 'TCVN 11889:2017'],
        unit: 'KGM',
      },
    });
    await addCertificate(f, grower.owner, grower.business.id, {
      kind: 'vietgap',
      name: 'VietGAP trồng trọt',
      validFrom: '2025-03-01',
      validTo: '2028-03-01',
    });
    await addCertificate(f, grower.owner, grower.business.id, {
      kind: 'organic',
      name: 'Hữu cơ (hết hạn)',
      validFrom: '2021-01-01',
      validTo: '2024-01-01',
    });
    factory = await createProducer(f, admin, {
      business: { legalName: 'Nhà máy nước ép Hà Tĩnh', email: 'nhamay@example.test' },
      location: { kind: 'factory', name: 'Xưởng ép Thạch Hà' },
      product: { name: { vi: 'Nước cam ép', en: 'Orange juice' }, unit: 'LTR' },
    });

    oranges = await createBatch(f, grower.owner, grower.product.id, {
      lotCode: 'CAM-2026-11',
      productionDate: '2026-11-01',
      expiryDate: '2026-12-15',
      quantity: 2000,
      unit: 'KGM',
      originLocationId: grower.location.id,
      eventTime: '2026-11-01T06:00:00+07:00',
    });
    // Recorded out of order on purpose: the timeline goes by when things happened.
    await recordStage(f, grower.owner, oranges.id, {
      stage: 'packing',
      eventTime: '2026-11-03T08:00:00+07:00',
      locationId: grower.location.id,
      quantity: 1900,
    });
    await recordStage(f, grower.owner, oranges.id, {
      stage: 'harvesting',
      eventTime: '2026-11-02T06:30:00+07:00',
      locationId: grower.location.id,
      quantity: 1950,
    });
    await recordStage(f, grower.owner, oranges.id, {
      stage: 'shipping',
      eventTime: '2026-11-04T07:00:00+07:00',
      destinationBusinessId: factory.business.id,
      quantity: 1000,
    });
    await recordStage(f, factory.owner, oranges.id, {
      stage: 'receiving',
      eventTime: '2026-11-04T15:00:00+07:00',
      locationId: factory.location.id,
      quantity: 1000,
    });

    sugarProduct = await createProduct(f, factory.owner, factory.business.id, { name: { vi: 'Đường mía', en: 'Cane sugar' }, unit: 'KGM' });
    sugar = await createBatch(f, factory.owner, sugarProduct.id, {
      lotCode: 'DUONG-07',
      productionDate: '2026-09-01',
      quantity: 500,
      eventTime: '2026-09-01T08:00:00+07:00',
    });
    await recordStage(f, factory.owner, sugar.id, {
      stage: 'storing',
      eventTime: '2026-09-02T08:00:00+07:00',
      locationId: factory.location.id,
    });

    juice = await createBatch(f, factory.owner, factory.product.id, {
      lotCode: 'NC-2026-1105',
      productionDate: '2026-11-05',
      expiryDate: '2026-12-05',
      quantity: 700,
      unit: 'LTR',
      eventTime: '2026-11-05T09:00:00+07:00',
    });
    await recordProcessing(f, factory.owner, {
      eventTime: '2026-11-05T10:00:00+07:00',
      locationId: factory.location.id,
      inputs: [
        { batchId: oranges.id, quantity: 600, unit: 'KGM' },
        { batchId: sugar.id, quantity: 20, unit: 'KGM' },
      ],
      outputs: [{ batchId: juice.id, quantity: 700, unit: 'LTR' }],
    });
    await recordStage(f, factory.owner, juice.id, {
      stage: 'inspecting',
      eventTime: '2026-11-05T14:00:00+07:00',
      passed: true,
      note: 'Đạt QCVN 6-2:2010/BYT',
    });

    // What happened to the oranges afterwards belongs to other batches' stories, not to this juice.
    laterJuice = await createBatch(f, factory.owner, factory.product.id, {
      lotCode: 'NC-2026-1110',
      productionDate: '2026-11-10',
      eventTime: '2026-11-10T09:00:00+07:00',
    });
    await recordProcessing(f, factory.owner, {
      eventTime: '2026-11-10T10:00:00+07:00',
      inputs: [{ batchId: oranges.id, quantity: 400, unit: 'KGM' }],
      outputs: [{ batchId: laterJuice.id, quantity: 450, unit: 'LTR' }],
    });
  });
  afterAll(async () => t?.close());

  describe('GET /api/public/batches/:id', () => {
    it('shows the Circular 02/2024 minimum: product, producer, production time, brand, code with lot, expiry, stages, standards', async () => {
      const v = await view(oranges.id);
      expect(v).toMatchObject({
        id: oranges.id,
        identityUrl: oranges.identityUrl,
        lotCode: 'CAM-2026-11',
        productionDate: '2026-11-01',
        expiryDate: '2026-12-15',
        quantity: 2000,
        unit: 'KGM',
        status: 'active',
        recall: null,
        product: {
          id: grower.product.id,
          name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' },
          brand: 'Cam Hương Sơn',
          imageUrl: 'https://example.test/cam.jpg',
          gtin: grower.product.gtin,
          standards: ['VietGAP', 'TCVN 11889:2017'],
        },
        producer: {
          id: grower.business.id,
          name: 'Hợp tác xã Cam Hương Sơn',
          address: { line: 'Thôn Trung Thượng', commune: 'Xã Sơn Trung', province: 'Hà Tĩnh' },
        },
        origin: { name: 'Vườn cam Sơn Trung', kind: 'farm', latitude: 18.51, longitude: 105.43 },
      });
      expect(v.timeline.length).toBeGreaterThan(0);
      for (const entry of v.timeline) {
        expect(entry.eventTime).toEqual(expect.any(String));
        expect(entry.stage).toEqual(expect.any(String));
      }
    });

    it('marks a verified producer as verified', async () => {
      expect((await view(oranges.id)).producer.verified).toBe(true);
    });

    it("lists the producer's certificates, an expired one marked not valid", async () => {
      const { certificates } = (await view(oranges.id)).producer;
      expect(certificates).toEqual([
        expect.objectContaining({ kind: 'vietgap', validTo: '2028-03-01', valid: true }),
        expect.objectContaining({ kind: 'organic', validTo: '2024-01-01', valid: false }),
      ]);
    });

    it('tells the stages oldest first, with place, quantity and who recorded them', async () => {
      const v = await view(oranges.id);
      expect(v.timeline.map((e) => [e.stage, e.eventTime, e.place?.name ?? null, e.quantity, e.unit, e.recordedBy])).toEqual([
        ['registration', '2026-10-31T23:00:00.000Z', 'Vườn cam Sơn Trung', 2000, 'KGM', 'Hợp tác xã Cam Hương Sơn'],
        ['harvesting', '2026-11-01T23:30:00.000Z', 'Vườn cam Sơn Trung', 1950, 'KGM', 'Hợp tác xã Cam Hương Sơn'],
        ['packing', '2026-11-03T01:00:00.000Z', 'Vườn cam Sơn Trung', 1900, 'KGM', 'Hợp tác xã Cam Hương Sơn'],
        ['shipping', '2026-11-04T00:00:00.000Z', null, 1000, 'KGM', 'Hợp tác xã Cam Hương Sơn'],
        ['receiving', '2026-11-04T08:00:00.000Z', 'Xưởng ép Thạch Hà', 1000, 'KGM', 'Nhà máy nước ép Hà Tĩnh'],
        ['processing', '2026-11-05T03:00:00.000Z', 'Xưởng ép Thạch Hà', 600, 'KGM', 'Nhà máy nước ép Hà Tĩnh'],
        ['processing', '2026-11-10T03:00:00.000Z', null, 400, 'KGM', 'Nhà máy nước ép Hà Tĩnh'],
      ]);
      expect(v.timeline.every((e) => e.eventTimeZoneOffset === '+07:00')).toBe(true);
    });

    it('names the parties of a shipment (one step forward) and of a receipt (one step back)', async () => {
      const v = await view(oranges.id);
      const shipping = v.timeline.find((e) => e.stage === 'shipping');
      const receiving = v.timeline.find((e) => e.stage === 'receiving');
      expect(shipping?.destination).toEqual({ businessId: factory.business.id, name: 'Nhà máy nước ép Hà Tĩnh' });
      expect(receiving?.source).toEqual({ businessId: grower.business.id, name: 'Hợp tác xã Cam Hương Sơn' });
    });

    it("lists a processed batch's sources: both input lots with the quantities used", async () => {
      const v = await view(juice.id);
      expect(v.sources).toHaveLength(2);
      expect(v.sources).toEqual(
        expect.arrayContaining([
          {
            id: oranges.id,
            lotCode: 'CAM-2026-11',
            productName: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' },
            producerName: 'Hợp tác xã Cam Hương Sơn',
            quantityUsed: 600,
            unit: 'KGM',
            link: 'processing',
          },
          {
            id: sugar.id,
            lotCode: 'DUONG-07',
            productName: { vi: 'Đường mía', en: 'Cane sugar' },
            producerName: 'Nhà máy nước ép Hà Tĩnh',
            quantityUsed: 20,
            unit: 'KGM',
            link: 'processing',
          },
        ]),
      );
    });

    it("follows processing back: the inputs' own stages, marked with the lot they come from, in time order", async () => {
      const v = await view(juice.id);
      expect(v.timeline.map((e) => [e.stage, e.fromBatch?.lotCode ?? null])).toEqual([
        ['registration', 'DUONG-07'],
        ['storing', 'DUONG-07'],
        ['registration', 'CAM-2026-11'],
        ['harvesting', 'CAM-2026-11'],
        ['packing', 'CAM-2026-11'],
        ['shipping', 'CAM-2026-11'],
        ['receiving', 'CAM-2026-11'],
        ['registration', null],
        ['processing', null],
        ['inspecting', null],
      ]);
      const harvest = v.timeline.find((e) => e.stage === 'harvesting');
      expect(harvest?.fromBatch).toEqual({
        id: oranges.id,
        lotCode: 'CAM-2026-11',
        productName: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' },
      });
      expect(harvest?.place?.name).toBe('Vườn cam Sơn Trung');
    });

    it('shows the processing once, with the output quantity, and the inspection result and note', async () => {
      const v = await view(juice.id);
      const processing = v.timeline.filter((e) => e.stage === 'processing');
      expect(processing).toHaveLength(1);
      expect(processing[0]).toMatchObject({ quantity: 700, unit: 'LTR', fromBatch: null });
      expect(v.timeline.find((e) => e.stage === 'inspecting')).toMatchObject({ passed: true, note: 'Đạt QCVN 6-2:2010/BYT' });
    });

    it('leaves out what happened to the inputs afterwards (another processing they went into)', async () => {
      const v = await view(juice.id);
      const times = v.timeline.map((e) => e.eventTime);
      expect(times).not.toContain('2026-11-10T03:00:00.000Z');
      expect(v.timeline.some((e) => e.fromBatch?.id === laterJuice.id)).toBe(false);
    });

    it("leaves out an input's stages recorded after it went into this batch", async () => {
      const extra = await createBatch(f, grower.owner, grower.product.id, {
        eventTime: '2026-11-06T07:00:00+07:00',
        productionDate: '2026-11-06',
      });
      const output = await createBatch(f, grower.owner, grower.product.id, {
        eventTime: '2026-11-07T07:00:00+07:00',
        productionDate: '2026-11-07',
      });
      await recordProcessing(f, grower.owner, {
        eventTime: '2026-11-07T08:00:00+07:00',
        inputs: [{ batchId: extra.id, quantity: 5, unit: 'KGM' }],
        outputs: [{ batchId: output.id }],
      });
      await recordStage(f, grower.owner, extra.id, { stage: 'retail', eventTime: '2026-11-08T08:00:00+07:00' });
      const stages = (await view(output.id)).timeline.map((e) => [e.stage, e.fromBatch?.id ?? null]);
      expect(stages).toEqual([
        ['registration', extra.id],
        ['registration', null],
        ['processing', null],
      ]);
    });

    it('shows nothing private: no tax code, email, password hash or user id', async () => {
      const users = await sql<{ id: string }>(t, 'SELECT id FROM users');
      for (const batchId of [oranges.id, juice.id]) {
        const json = JSON.stringify(await view(batchId));
        const viaResolver = JSON.stringify(
          (await f.http.get(pathOf((await view(batchId)).identityUrl), { headers: { accept: 'application/json' } })).body,
        );
        for (const text of [json, viaResolver]) {
          expect(text).not.toMatch(/taxCode|tax_code|passwordHash|password_hash|"email"|recorded_by/i);
          for (const secret of [
            grower.business.taxCode,
            factory.business.taxCode,
            'htx.camhuongson@example.test',
            'nhamay@example.test',
            grower.owner.email,
            factory.owner.email,
          ]) {
            expect(text).not.toContain(secret);
          }
          for (const user of users) expect(text).not.toContain(user.id);
        }
      }
    });

    it('answers an unknown batch with 404 BATCH_NOT_FOUND and a non-UUID with 404', async () => {
      expectApiError(await f.http.get(`/api/public/batches/${randomUUID()}`), 404, 'BATCH_NOT_FOUND');
      expectApiError(await f.http.get('/api/public/batches/CAM-2026-11'), 404, 'NOT_FOUND');
    });
  });

  describe('freshness (no stale cache)', () => {
    it('shows an event recorded right after the view was read', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      expect((await view(batch.id)).timeline.map((e) => e.stage)).toEqual(['registration']);
      await recordStage(f, grower.owner, batch.id, { stage: 'harvesting', quantity: 12 });
      expect((await view(batch.id)).timeline.map((e) => e.stage)).toEqual(['registration', 'harvesting']);
      await recordStage(f, grower.owner, batch.id, { stage: 'packing' });
      const viaResolver = await f.http.get<PublicBatchView>(pathOf(batch.identityUrl), { headers: { accept: 'application/json' } });
      expect(viaResolver.body.timeline.map((e) => e.stage)).toEqual(['registration', 'harvesting', 'packing']);
    });

    it("shows an event recorded on an input batch in the processed batch's view at once", async () => {
      const before = await view(juice.id);
      expect(before.timeline.filter((e) => e.fromBatch?.id === sugar.id).map((e) => e.stage)).toEqual(['registration', 'storing']);
      await recordStage(f, factory.owner, sugar.id, { stage: 'inspecting', passed: true, eventTime: '2026-09-03T08:00:00+07:00' });
      const after = await view(juice.id);
      expect(after.timeline.filter((e) => e.fromBatch?.id === sugar.id).map((e) => e.stage)).toEqual([
        'registration',
        'storing',
        'inspecting',
      ]);
    });

    it('shows a recall as soon as it is made, on a page already cached', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      expect((await view(batch.id)).recall).toBeNull();
      const recalled = await f.http.post(
        `/api/batches/${batch.id}/recall`,
        { severity: 'class_ii', reason: 'x' },
        { token: grower.owner.token },
      );
      expect(recalled.status).toBe(201);
      const v = await view(batch.id);
      expect(v.status).toBe('recalled');
      expect(v.recall).toEqual({
        reasonCategory: 'other',
        reason: 'x',
        recalledAt: expect.any(String),
        severity: 'class_ii',
        source: null,
      });
    });
  });
});
