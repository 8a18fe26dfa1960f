import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import {
  gs1CheckDigit,
  type BusinessScorecard,
  type Page,
  type ScorecardCriterion,
  type ScorecardGap,
  type ScorecardList,
} from '@nguon/shared';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../server/src/database/seed/demo-seed.js';
import {
  addCertificate,
  createApiKey,
  createBatch,
  createLocation,
  createProducer,
  createProduct,
  createStaff,
  createUser,
  recordProcessing,
  recordStage,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { certificateInput } from '../factories/catalog.js';
import { declareWrong } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

async function scorecardOf(f: Factory, who: Credential, businessId: string): Promise<BusinessScorecard> {
  const response = await f.http.get<BusinessScorecard>(`/api/businesses/${businessId}/scorecard`, { token: who.token });
  expect(response.status).toBe(200);
  return response.body;
}

async function scorecards(f: Factory, who: Credential, query = ''): Promise<ScorecardList> {
  const response = await f.http.get<ScorecardList>(`/api/scorecards${query}`, { token: who.token });
  expect(response.status).toBe(200);
  return response.body;
}

/** Per criterion, how many batches meet it. */
function metOf(card: BusinessScorecard): Record<ScorecardCriterion, number> {
  return Object.fromEntries(Object.entries(card.score.criteria).map(([criterion, figure]) => [criterion, figure.met])) as Record<
    ScorecardCriterion,
    number
  >;
}

/** Per criterion with failures, the failing lot codes and what each lacks. */
function gapsOf(card: BusinessScorecard): Record<string, [string, string[]][]> {
  return Object.fromEntries(
    card.failures.filter((f) => f.total > 0).map((f) => [f.criterion, f.batches.map((b) => [b.lotCode, b.missing] as [string, string[]])]),
  );
}

describe('the compliance scorecard of a business built by the factories', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let inspector: TestUser;
  let scored: Producer;
  let other: Producer;

  /*
   * A verified business (its tax code and GS1 prefix confirmed) with a farm, a factory, a product
   * with a GTIN and one without; VietGAP for the business from 2025-01-01 to 2028-12-31, and an
   * organic certificate for the product without a GTIN that ended on 2025-12-31. Eight batches,
   * produced on 2026-10-01 unless said otherwise; what each meets, counted by hand:
   *
   *   batch      identified producer origin stages stepBack stepForward documents certificates
   *   A-FULL         ✓         ✓       ✓      ✓       ✓         ✓           ✓          ✓      from the farm, shipped with an invoice
   *   B-NOGTIN       ✗         ✓       ✓      ✓       ✓         ✓           ✓          ✗      no GTIN; organic lapsed
   *   C-FACTORY      ✓         ✓       ✓      ✓       ✗         ✓           ✓          ✓      made at the factory from nothing recorded
   *   D-JUICE        ✓         ✓       ✓      ✓       ✓         ✓           ✓          ✓      processed from C-FACTORY
   *   E-NOPLACE      ✓         ✓       ✗      ✗       ✗         ✓           ✓          ✓      registered with no place at all
   *   F-EPCIS        ✓         ✓       ✓      ✓       ✓         ✗           ✗          ✓      shipped (EPCIS) to no one, no document
   *   G-OLD          ✓         ✓       ✓      ✓       ✓         ✓           ✓          ✗      produced 2024-06-01, before any certificate
   *   H-WRONG        ✓         ✓       ✓      ✓       ✓         ✓           ✓          ✓      its shipment without a document declared wrong
   *   met            7         8       7      7       6         7           7          6      = 55 of 64; complete: A, D, H
   */
  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    scored = await createProducer(f, admin);
    other = await createProducer(f, admin);
    const owner = scored.owner;
    const businessId = scored.business.id;
    const farm = scored.location.id;
    const factory = (await createLocation(f, owner, businessId, { kind: 'factory', name: 'Xưởng sơ chế' })).id;
    const noGtin = await createProduct(f, owner, businessId, { name: { vi: 'Bưởi sấy', en: 'Dried pomelo' }, gtin: undefined });
    await addCertificate(f, owner, businessId, { kind: 'vietgap', validFrom: '2025-01-01', validTo: '2028-12-31' });
    const organic = certificateInput({ kind: 'organic', validFrom: '2024-01-01', validTo: '2025-12-31' });
    expect((await f.http.post(`/api/products/${noGtin.id}/certificates`, organic, { token: owner.token })).status).toBe(201);
    const product = scored.product.id;

    const a = await createBatch(f, owner, product, { lotCode: 'A-FULL', originLocationId: farm });
    await recordStage(f, owner, a.id, { stage: 'harvesting', locationId: farm, quantity: 1000 });
    await recordStage(f, owner, a.id, {
      stage: 'shipping',
      locationId: farm,
      destinationBusinessId: other.business.id,
      quantity: 400,
      bizTransactions: [{ type: 'inv', id: 'HD-0001' }],
    });
    await createBatch(f, owner, noGtin.id, { lotCode: 'B-NOGTIN', originLocationId: farm });
    const c = await createBatch(f, owner, product, { lotCode: 'C-FACTORY', locationId: factory });
    const d = await createBatch(f, owner, product, { lotCode: 'D-JUICE', locationId: factory });
    await recordProcessing(f, owner, {
      inputs: [{ batchId: c.id, quantity: 500, unit: 'KGM' }],
      outputs: [{ batchId: d.id, quantity: 400, unit: 'KGM' }],
      locationId: factory,
    });
    await createBatch(f, owner, product, { lotCode: 'E-NOPLACE' });

    const fBatch = await createBatch(f, owner, product, { lotCode: 'F-EPCIS', originLocationId: farm });
    const key = await createApiKey(f, owner, businessId, { scopes: ['capture'] });
    const gln = `893${Date.now() % 1e9}`.padEnd(12, '0');
    const shipment = {
      type: 'ObjectEvent',
      eventID: `urn:uuid:${crypto.randomUUID()}`,
      action: 'OBSERVE',
      bizStep: 'shipping',
      eventTime: '2026-10-05T07:00:00+07:00',
      eventTimeZoneOffset: '+07:00',
      epcList: [],
      quantityList: [{ epcClass: `https://id.gs1.org/01/${scored.product.gtin}/10/${fBatch.lotCode}`, quantity: 100, uom: 'KGM' }],
      bizLocation: { id: `https://id.gs1.org/414/${gln}${gs1CheckDigit(gln)}` },
    };
    expect((await f.http.post('/epcis/events', shipment, { token: key.token })).status).toBe(201);

    await createBatch(f, owner, product, {
      lotCode: 'G-OLD',
      originLocationId: farm,
      productionDate: '2024-06-01',
      expiryDate: '2024-12-31',
    });

    const h = await createBatch(f, owner, product, { lotCode: 'H-WRONG', originLocationId: farm });
    const wrong = await recordStage(f, owner, h.id, { stage: 'shipping', locationId: farm, destinationBusinessId: other.business.id });
    await declareWrong(f, owner, wrong.id);
  }, 180_000);
  afterAll(async () => t?.close());

  describe('GET /api/businesses/{id}/scorecard', () => {
    it('counts each criterion as counted by hand', async () => {
      const card = await scorecardOf(f, scored.owner, scored.business.id);
      expect(card.score).toMatchObject({ businessId: scored.business.id, batches: 8, completeBatches: 3, overall: 55 / 64 });
      expect(metOf(card)).toEqual({
        identified: 7,
        producer: 8,
        origin: 7,
        stages: 7,
        stepBack: 6,
        stepForward: 7,
        documents: 7,
        certificates: 6,
      });
      expect(card.score.criteria.stepBack).toEqual({ met: 6, total: 8, share: 0.75 });
    });

    it('lists the batches failing each criterion with what they lack, by lot code', async () => {
      const card = await scorecardOf(f, scored.owner, scored.business.id);
      expect(gapsOf(card)).toEqual({
        identified: [['B-NOGTIN', []]],
        origin: [['E-NOPLACE', []]],
        stages: [['E-NOPLACE', ['registration']]],
        stepBack: [
          ['C-FACTORY', []],
          ['E-NOPLACE', []],
        ],
        stepForward: [['F-EPCIS', ['shipping']]],
        documents: [['F-EPCIS', ['shipping']]],
        certificates: [
          ['B-NOGTIN', ['organic']],
          ['G-OLD', []],
        ],
      });
    });

    it('does not count an event declared wrong: the shipment without a document no longer fails H-WRONG', async () => {
      const card = await scorecardOf(f, scored.owner, scored.business.id);
      const failing = card.failures.flatMap((failure) => failure.batches.map((b) => b.lotCode));
      expect(failing).not.toContain('H-WRONG');
    });

    it("is for the business's members, staff included, and inspectors", async () => {
      const staff = await createStaff(f, scored.owner, scored.business.id);
      expect((await scorecardOf(f, staff, scored.business.id)).score.batches).toBe(8);
      expect((await scorecardOf(f, inspector, scored.business.id)).score.batches).toBe(8);
    });

    it("refuses another business's member (403) and anyone signed out (401)", async () => {
      expectApiError(await f.http.get(`/api/businesses/${scored.business.id}/scorecard`, { token: other.owner.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.get(`/api/businesses/${scored.business.id}/scorecard`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /api/businesses/{id}/scorecard/gaps', () => {
    it("pages one criterion's failing batches", async () => {
      const url = `/api/businesses/${scored.business.id}/scorecard/gaps?criterion=stepBack&limit=1`;
      const first = await f.http.get<Page<ScorecardGap>>(url, { token: scored.owner.token });
      expect(first.body).toMatchObject({ total: 2, limit: 1, offset: 0, items: [{ lotCode: 'C-FACTORY' }] });
      const second = await f.http.get<Page<ScorecardGap>>(`${url}&offset=1`, { token: scored.owner.token });
      expect(second.body).toMatchObject({ total: 2, offset: 1, items: [{ lotCode: 'E-NOPLACE' }] });
      const past = await f.http.get<Page<ScorecardGap>>(`${url}&offset=5`, { token: scored.owner.token });
      expect(past.body).toMatchObject({ total: 2, items: [] });
    });

    it('refuses an unknown criterion in the one error shape', async () => {
      const response = await f.http.get(`/api/businesses/${scored.business.id}/scorecard/gaps?criterion=colour`, {
        token: scored.owner.token,
      });
      expectApiError(response, 400, 'VALIDATION_FAILED');
      expect(response.body).toMatchObject({ fieldErrors: { criterion: [expect.any(String)] } });
    });
  });

  describe('GET /api/scorecards', () => {
    it('lists every business with the average of those with batches', async () => {
      const list = await scorecards(f, inspector, '?sort=overall&order=asc');
      // The scored business (55/64) and the receiver, which has no batch of its own (no score, last).
      expect(list.items.map((i) => [i.businessId, i.overall])).toEqual([
        [scored.business.id, 55 / 64],
        [other.business.id, null],
      ]);
      expect(list.average).toMatchObject({ businesses: 1, overall: 55 / 64 });
      expect(list.average.criteria.certificates).toBe(0.75);
    });

    it('is for inspectors and administrators only', async () => {
      expect((await scorecards(f, admin)).total).toBe(2);
      expectApiError(await f.http.get('/api/scorecards', { token: scored.owner.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.get('/api/scorecards'), 401, 'UNAUTHENTICATED');
      expectApiError(await f.http.get('/api/scorecards?order=sideways', { token: inspector.token }), 400, 'VALIDATION_FAILED');
    });
  });
});

describe("the demo businesses' scorecards", () => {
  let t: TestApp;
  let f: Factory;
  let inspector: Credential;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    await seedDemoData(t.app, { log: jest.fn(), error: jest.fn(), warn: jest.fn() } as unknown as Logger);
    const login = await f.http.post<{ accessToken: string }>('/api/auth/login', {
      email: DEMO_ACCOUNTS.inspector.email,
      password: DEMO_PASSWORD,
    });
    inspector = { token: login.body.accessToken };
  }, 120_000);
  afterAll(async () => t?.close());

  /*
   * Counted by hand from server/src/database/seed: every demo business is verified with a
   * confirmed GS1 prefix (producer), every batch's own stages have places, shipments name their
   * receiver and carry an invoice, lab tests their report number.
   * - HTX Cam bù Hương Sơn, 2 batches (CB-2026-V1, -V2), from two farms, produced 2026-11-05 and
   *   -06: its VietGAP ended on 2026-06-30 (its OCOP is valid), so certificates 0 of 2; all else
   *   2 of 2: 14 of 16 = 0.875.
   * - HTX Ong mật Vũ Quang, 3 batches (MO-2026-03, MO-2026-05, PH-2026-06), from the apiary:
   *   the bee pollen has no GTIN, identified 2 of 3; the recall's record on MO-2026-03 (no place)
   *   is a decision, not a stage; all else 3 of 3: 23 of 24.
   * - Công ty CP Thực phẩm Hồng Lĩnh, 1 batch (NC-2026-1110), made at the factory from both
   *   orange batches: 8 of 8. HTX Bưởi Phúc Trạch, 1 batch (PT-2026-001): 8 of 8.
   * - Công ty TNHH Nông sản Sạch Thủ Đô only receives: no batch, no score.
   * Average of the four with batches: overall (0.875 + 23/24 + 1 + 1) / 4 = 23/24;
   * identified (1 + 2/3 + 1 + 1) / 4 = 11/12; certificates (0 + 1 + 1 + 1) / 4 = 0.75.
   */
  it("matches the hand count, weakest first, with the province's average", async () => {
    const list = await scorecards(f, inspector);
    expect(list.items.map((i) => [i.businessName, i.batches, i.completeBatches, i.overall])).toEqual([
      ['Hợp tác xã Cam bù Hương Sơn', 2, 0, 0.875],
      ['Hợp tác xã Ong mật Vũ Quang', 3, 2, 23 / 24],
      ['Công ty Cổ phần Thực phẩm Hồng Lĩnh', 1, 1, 1],
      ['Hợp tác xã Bưởi Phúc Trạch Hương Khê', 1, 1, 1],
      ['Công ty TNHH Nông sản Sạch Thủ Đô', 0, 0, null],
    ]);
    const honey = list.items[1]!;
    expect(honey.criteria.identified).toEqual({ met: 2, total: 3, share: 2 / 3 });
    expect(Object.values(list.items[0]!.criteria).map((c) => c.met)).toEqual([2, 2, 2, 2, 2, 2, 2, 0]);
    expect(list.average.businesses).toBe(4);
    expect(list.average.overall).toBeCloseTo(23 / 24, 12);
    expect(list.average.criteria.identified).toBeCloseTo(11 / 12, 12);
    expect(list.average.criteria.certificates).toBe(0.75);
    expect(list.average.criteria.documents).toBe(1);
  });

  it('sorts by a criterion, either way, and pages', async () => {
    const byIdentified = await scorecards(f, inspector, '?sort=identified&order=asc&limit=2');
    expect(byIdentified.items.map((i) => i.businessName)).toEqual(['Hợp tác xã Ong mật Vũ Quang', 'Công ty Cổ phần Thực phẩm Hồng Lĩnh']);
    expect(byIdentified.total).toBe(5);
    const byCertificates = await scorecards(f, inspector, '?sort=certificates&order=desc');
    expect(byCertificates.items.at(-2)?.businessName).toBe('Hợp tác xã Cam bù Hương Sơn');
    const byBatches = await scorecards(f, inspector, '?sort=batches&order=desc&limit=1&offset=0');
    expect(byBatches.items.map((i) => i.businessName)).toEqual(['Hợp tác xã Ong mật Vũ Quang']);
  });

  it('shows the orange co-operative what to fix: its lapsed VietGAP on both batches', async () => {
    const login = await f.http.post<{ accessToken: string }>('/api/auth/login', {
      email: DEMO_ACCOUNTS.orangeOwner.email,
      password: DEMO_PASSWORD,
    });
    const coop = (await scorecards(f, inspector)).items[0]!;
    const card = await scorecardOf(f, { token: login.body.accessToken }, coop.businessId);
    expect(gapsOf(card)).toEqual({
      certificates: [
        ['CB-2026-V1', ['vietgap']],
        ['CB-2026-V2', ['vietgap']],
      ],
    });
  });
});
