import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchSearchQuery, BatchView } from '@nguon/shared';
import {
  createBatch,
  createProducer,
  createUser,
  makeGtin,
  makeTaxCode,
  recordStage,
  withWrongCheckDigit,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { searchBatches } from '../factories/inspector.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A pomelo cooperative in Hương Khê with two lots (one shipped to the honey farm's shop, one
 * recalled), and a honey farm in Vũ Quang with one inspected lot: searched by an inspector.
 */
describe('GET /api/search/batches', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let pomelo: Producer, honey: Producer;
  let pt1: BatchView, pt2: BatchView, mo1: BatchView;
  const pomeloGtin = makeGtin();
  const pomeloTaxCode = makeTaxCode();

  const lots = async (query: BatchSearchQuery) => {
    const response = await searchBatches(f, inspector, query);
    expect(response.status).toBe(200);
    return response.body.items.map((item) => item.lotCode);
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    pomelo = await createProducer(f, admin, {
      business: { legalName: 'Hợp tác xã Bưởi Phúc Trạch', taxCode: pomeloTaxCode },
      location: { name: 'Đồi bưởi Hương Khê' },
      product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' }, gtin: pomeloGtin },
    });
    honey = await createProducer(f, admin, {
      business: { legalName: 'Công ty Mật ong Vũ Quang' },
      location: { name: 'Trại ong Vũ Quang' },
      product: { name: { vi: 'Mật ong rừng', en: 'Wild honey' }, gtin: makeGtin(), unit: 'KGM' },
    });
    // Each registered on its production day (a creation is stamped when it is recorded, unless told).
    pt1 = await createBatch(f, pomelo.owner, pomelo.product.id, {
      lotCode: 'PT-2026-01',
      productionDate: '2026-09-01',
      eventTime: '2026-09-01T07:00:00+07:00',
      originLocationId: pomelo.location.id,
    });
    pt2 = await createBatch(f, pomelo.owner, pomelo.product.id, {
      lotCode: 'PT-2026-02',
      productionDate: '2026-09-15',
      eventTime: '2026-09-15T07:00:00+07:00',
    });
    mo1 = await createBatch(f, honey.owner, honey.product.id, {
      lotCode: 'MO-01',
      productionDate: '2026-10-01',
      eventTime: '2026-10-01T07:00:00+07:00',
    });
    await recordStage(f, pomelo.owner, pt1.id, {
      stage: 'shipping',
      destinationBusinessId: honey.business.id,
      eventTime: '2026-10-20T08:00:00+07:00',
    });
    await recordStage(f, honey.owner, mo1.id, {
      stage: 'inspecting',
      passed: true,
      labName: 'Phòng thí nghiệm Hà Tĩnh',
      eventTime: '2026-10-05T09:00:00+07:00',
    });
    expect(
      (
        await f.http.post(
          `/api/batches/${pt2.id}/recall`,
          { severity: 'class_ii', reason: 'Dư lượng thuốc bảo vệ thực vật' },
          { token: inspector.token },
        )
      ).status,
    ).toBe(201);
  });
  afterAll(async () => t?.close());

  describe('free text', () => {
    it('finds a business name, a product name and a lot typed without diacritics, or with them', async () => {
      expect((await lots({ q: 'phuc trach' })).sort()).toEqual(['PT-2026-01', 'PT-2026-02']);
      expect((await lots({ q: 'Phúc Trạch' })).sort()).toEqual(['PT-2026-01', 'PT-2026-02']);
      expect(await lots({ q: 'mat ong' })).toEqual(['MO-01']);
      expect(await lots({ q: 'pt-2026-01' })).toEqual(['PT-2026-01']);
    });

    it('reads đ as d, and matches English product names too', async () => {
      expect(await lots({ location: 'doi buoi' })).toEqual(['PT-2026-01']);
      expect(await lots({ q: 'wild honey' })).toEqual(['MO-01']);
    });
  });

  describe('filters', () => {
    it('finds a GTIN typed as GTIN-13 or as GTIN-14 alike', async () => {
      expect((await lots({ gtin: pomeloGtin })).sort()).toEqual(['PT-2026-01', 'PT-2026-02']);
      expect((await lots({ gtin: `0${pomeloGtin}` })).sort()).toEqual(['PT-2026-01', 'PT-2026-02']);
    });

    it('finds a lot code exactly, or by its start', async () => {
      expect(await lots({ lot: 'PT-2026-01' })).toEqual(['PT-2026-01']);
      expect(await lots({ lot: 'PT-2026' })).toEqual([]);
      expect((await lots({ lot: 'PT-2026', lotMatch: 'prefix' })).sort()).toEqual(['PT-2026-01', 'PT-2026-02']);
    });

    it('finds by product name, business name or the start of a tax code, and by place', async () => {
      expect(await lots({ productName: 'mat ong rung' })).toEqual(['MO-01']);
      expect(await lots({ business: 'vu quang' })).toEqual(['MO-01']);
      expect((await lots({ business: pomeloTaxCode.slice(0, 6) })).sort()).toEqual(['PT-2026-01', 'PT-2026-02']);
      expect(await lots({ location: 'huong khe' })).toEqual(['PT-2026-01']);
    });

    it('finds by an event: its bizStep, its disposition, and its time', async () => {
      expect(await lots({ bizStep: 'shipping' })).toEqual(['PT-2026-01']);
      expect(await lots({ bizStep: 'urn:epcglobal:cbv:bizstep:shipping' })).toEqual(['PT-2026-01']);
      expect(await lots({ disposition: 'conformant' })).toEqual(['MO-01']);
      expect(await lots({ bizStep: 'shipping', dateField: 'event', from: '2026-10-20', to: '2026-10-20' })).toEqual(['PT-2026-01']);
      expect(await lots({ bizStep: 'shipping', dateField: 'event', from: '2026-10-21' })).toEqual([]);
    });

    it('finds by status and by production date', async () => {
      expect(await lots({ status: 'recalled' })).toEqual(['PT-2026-02']);
      expect(await lots({ from: '2026-09-10', to: '2026-09-30' })).toEqual(['PT-2026-02']);
      expect((await lots({ from: '2026-09-15' })).sort()).toEqual(['MO-01', 'PT-2026-02']);
    });
  });

  describe('results', () => {
    it('describe each batch with its product, business and last event', async () => {
      const { body } = await searchBatches(f, inspector, { lot: 'PT-2026-01' });
      expect(body.items[0]).toEqual({
        id: pt1.id,
        lotCode: 'PT-2026-01',
        productName: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' },
        gtin: `0${pomeloGtin}`,
        businessId: pomelo.business.id,
        businessName: 'Hợp tác xã Bưởi Phúc Trạch',
        status: 'active',
        productionDate: '2026-09-01',
        lastEvent: { bizStep: 'shipping', eventType: 'ObjectEvent', eventTime: '2026-10-20T01:00:00.000Z' },
      });
    });

    it('come in pages, sorted by the key asked for, either way', async () => {
      const first = await searchBatches(f, inspector, { sort: 'lotCode', order: 'asc', limit: 2 });
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(first.body.items.map((i) => i.lotCode)).toEqual(['MO-01', 'PT-2026-01']);
      expect(await lots({ sort: 'lotCode', order: 'asc', limit: 2, offset: 2 })).toEqual(['PT-2026-02']);
      expect(await lots({ sort: 'lotCode', order: 'desc' })).toEqual(['PT-2026-02', 'PT-2026-01', 'MO-01']);
      expect(await lots({ sort: 'productionDate', order: 'asc' })).toEqual(['PT-2026-01', 'PT-2026-02', 'MO-01']);
      expect((await lots({ sort: 'business', order: 'asc' }))[0]).toBe('MO-01');
      // The recall recorded an event on PT-2026-02 just now: the latest of all.
      expect((await lots({ sort: 'lastEventAt', order: 'desc' }))[0]).toBe('PT-2026-02');
    });

    it('count everything found even on a page past the end', async () => {
      const { body } = await searchBatches(f, inspector, { offset: 10 });
      expect(body).toMatchObject({ items: [], total: 3 });
    });
  });

  describe('who may search', () => {
    it('is for inspectors and administrators: a business member gets 403, no one signed in 401', async () => {
      expectApiError(await searchBatches(f, pomelo.owner, { q: 'buoi' }), 403, 'FORBIDDEN');
      expectApiError(await searchBatches(f, null, { q: 'buoi' }), 401, 'UNAUTHENTICATED');
      const admin = await createUser(f, { role: 'admin' });
      expect((await searchBatches(f, admin, {})).body.total).toBe(3);
    });
  });

  describe('bad input', () => {
    it('answers 400 naming each field that is wrong', async () => {
      expectApiError(await searchBatches(f, inspector, { gtin: withWrongCheckDigit(pomeloGtin) }), 400, 'VALIDATION_FAILED', ['gtin']);
      expectApiError(await searchBatches(f, inspector, { lot: 'Lô 1' }), 400, 'VALIDATION_FAILED', ['lot']);
      expectApiError(
        await f.http.get('/api/search/batches?sort=password&order=sideways', { token: inspector.token }),
        400,
        'VALIDATION_FAILED',
        ['sort', 'order'],
      );
      expectApiError(
        await f.http.get('/api/search/batches?bizStep=dancing&status=lost', { token: inspector.token }),
        400,
        'VALIDATION_FAILED',
        ['bizStep', 'status'],
      );
      expectApiError(await searchBatches(f, inspector, { from: '2026-13-01' }), 400, 'VALIDATION_FAILED', ['from']);
      expectApiError(await searchBatches(f, inspector, { q: 'x'.repeat(101) }), 400, 'VALIDATION_FAILED', ['q']);
      expectApiError(await f.http.get('/api/search/batches?owner=me', { token: inspector.token }), 400, 'VALIDATION_FAILED', ['owner']);
    });

    it('refuses a date range that ends before it starts', async () => {
      expectApiError(await searchBatches(f, inspector, { from: '2026-10-01', to: '2026-09-01' }), 400, 'VALIDATION_FAILED', ['to']);
    });

    it('takes LIKE wildcards literally', async () => {
      expect(await lots({ q: '%' })).toEqual([]);
      expect(await lots({ lot: 'PT_', lotMatch: 'prefix' })).toEqual([]);
    });
  });
});
