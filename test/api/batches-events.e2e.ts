import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, EventView, Page, ProductView, RecordStageRequest } from '@nguon/shared';
import {
  createBatch,
  createBusiness,
  createProduct,
  createProducer,
  createUser,
  makeLotCode,
  recordStage,
  shipAndReceive,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { unsignedLabel } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, snapshotTables, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PORTAL_STEP = 'https://id.nguon.vn/voc/bizstep/';

/** The (event type, action, bizStep, disposition) each stage must produce: CBV words, or the portal's own URIs. */
const EXPECTED_STAGES: [RecordStageRequest['stage'], Partial<RecordStageRequest>, string, string, string, string][] = [
  ['planting', {}, 'ObjectEvent', 'OBSERVE', `${PORTAL_STEP}planting`, 'in_progress'],
  ['growing', {}, 'ObjectEvent', 'OBSERVE', `${PORTAL_STEP}growing`, 'in_progress'],
  ['harvesting', { quantity: 900 }, 'ObjectEvent', 'OBSERVE', `${PORTAL_STEP}harvesting`, 'in_progress'],
  ['preprocessing', {}, 'ObjectEvent', 'OBSERVE', `${PORTAL_STEP}preprocessing`, 'in_progress'],
  ['packing', { quantity: 850 }, 'ObjectEvent', 'OBSERVE', 'packing', 'in_progress'],
  ['inspecting', { passed: true }, 'ObjectEvent', 'OBSERVE', 'inspecting', 'conformant'],
  ['inspecting', { passed: false }, 'ObjectEvent', 'OBSERVE', 'inspecting', 'non_conformant'],
  ['storing', {}, 'ObjectEvent', 'OBSERVE', 'storing', 'sellable_not_accessible'],
  ['shipping', { destinationName: 'Chợ đầu mối Long Biên' }, 'ObjectEvent', 'OBSERVE', 'shipping', 'in_transit'],
  ['receiving', { sourceName: 'Nông hộ Nguyễn Văn A' }, 'ObjectEvent', 'OBSERVE', 'receiving', 'in_progress'],
  ['retail', {}, 'ObjectEvent', 'OBSERVE', 'retail_selling', 'sellable_accessible'],
];

describe('batches and events', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  /** The grower: a verified cooperative with a farm and a pomelo product. */
  let grower: Producer;
  /** A distributor on the portal that the grower ships to. */
  let distributor: Producer;
  /** A juice factory with its own raw material. */
  let factory: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin, { location: { kind: 'farm', name: 'Vườn bưởi Phúc Trạch' } });
    distributor = await createProducer(f, admin, {
      business: { legalName: 'Công ty Phân phối Hà Nội' },
      location: { kind: 'warehouse', name: 'Kho Long Biên' },
    });
    factory = await createProducer(f, admin, {
      business: { legalName: 'Nhà máy nước ép Hương Sơn' },
      location: { kind: 'factory', name: 'Xưởng ép' },
      product: { name: { vi: 'Nước ép cam', en: 'Orange juice' }, unit: 'LTR' },
    });
  });
  afterAll(async () => t?.close());

  const eventsOf = async (user: TestUser, batchId: string) =>
    (await f.http.get<Page<EventView>>(`/api/batches/${batchId}/events?limit=100`, { token: user.token })).body.items;

  describe('POST /api/batches', () => {
    it('registers a batch with its identity URL (GTIN-14, lot, expiry) and a short code', async () => {
      const lotCode = makeLotCode('PT');
      const response = await f.http.post<BatchView>(
        '/api/batches',
        {
          productId: grower.product.id,
          lotCode,
          displayName: 'Bưởi vụ thu 2026',
          productionDate: '2026-10-01',
          expiryDate: '2026-12-31',
          quantity: 1200.5,
          unit: 'KGM',
          originLocationId: grower.location.id,
        },
        { token: grower.owner.token },
      );
      expect(response.status).toBe(201);
      expect(unsignedLabel(response.body.identityUrl)).toBe(`http://nguon.test/01/${grower.product.gtin}/10/${lotCode}?17=261231`);
      expect(response.body).toEqual({
        id: expect.any(String),
        productId: grower.product.id,
        businessId: grower.business.id,
        lotCode,
        displayName: 'Bưởi vụ thu 2026',
        shortCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{10}$/),
        identityUrl: expect.stringMatching(/&by=[\w-]{22}&sig=[\w-]+\.[\w-]{86}$/),
        productionDate: '2026-10-01',
        expiryDate: '2026-12-31',
        bestBeforeDate: null,
        quantity: 1200.5,
        unit: 'KGM',
        originLocationId: grower.location.id,
        status: 'active',
        createdAt: expect.any(String),
      });
      expect((await f.http.get(`/api/batches/${response.body.id}`)).body).toEqual(response.body);
    });

    it('records the registration as an EPCIS commissioning event with the lot master data', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, {
        quantity: 500,
        originLocationId: grower.location.id,
        expiryDate: '2027-01-15',
      });
      const events = await eventsOf(grower.owner, batch.id);

      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event).toMatchObject({
        eventType: 'ObjectEvent',
        stage: 'registration',
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        businessId: grower.business.id,
        locationId: grower.location.id,
      });
      expect(event!.epcis).toMatchObject({
        type: 'ObjectEvent',
        eventID: event!.eventId,
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        epcList: [],
        quantityList: [{ epcClass: `https://id.gs1.org/01/${grower.product.gtin}/10/${batch.lotCode}`, quantity: 500, uom: 'KGM' }],
        readPoint: { id: `urn:nguon:location:${grower.location.id}` },
        bizLocation: { id: `urn:nguon:location:${grower.location.id}` },
        ilmd: { 'cbvmda:itemExpirationDate': '2027-01-15' },
        eventTimeZoneOffset: '+07:00',
        recordTime: expect.any(String),
      });
    });

    it('allows a lot code of exactly 20 characters from the whole GS1 character set', async () => {
      const lotCode = `A-1/${randomUUID().slice(0, 4)}%&'()*+,.:;<=`.slice(0, 20);
      expect(lotCode).toHaveLength(20);
      const batch = await createBatch(f, grower.owner, grower.product.id, { lotCode });
      expect(batch.lotCode).toBe(lotCode);
      expect(batch.identityUrl).toContain(
        `/10/${encodeURIComponent(lotCode).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}?`,
      );
    });

    it.each([
      ['a space', 'LO 01'],
      ['diacritics', 'LÔ-01'],
      ['21 characters', 'A'.repeat(21)],
      ['a hash', 'LOT#1'],
      ['nothing', ''],
    ])('refuses a lot code with %s, naming lotCode', async (_, lotCode) => {
      const before = await countRows(t, 'batches');
      const response = await f.http.post(
        '/api/batches',
        { productId: grower.product.id, lotCode, productionDate: '2026-10-01' },
        { token: grower.owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['lotCode']);
      expect(await countRows(t, 'batches')).toBe(before);
    });

    it('refuses a lot code the product already has with LOT_CODE_TAKEN, but allows it on another product', async () => {
      const lotCode = makeLotCode('DUP');
      await createBatch(f, grower.owner, grower.product.id, { lotCode });
      const eventsBefore = await countRows(t, 'events');
      const again = await f.http.post(
        '/api/batches',
        { productId: grower.product.id, lotCode, productionDate: '2026-10-02' },
        { token: grower.owner.token },
      );
      expectApiError(again, 409, 'LOT_CODE_TAKEN');
      expect(await countRows(t, 'events')).toBe(eventsBefore);

      const otherProduct = await createProduct(f, grower.owner, grower.business.id);
      const elsewhere = await createBatch(f, grower.owner, otherProduct.id, { lotCode });
      expect(elsewhere.lotCode).toBe(lotCode);
      expect(await countRows(t, 'batches', 'lot_code = $1', [lotCode])).toBe(2);
    });

    it('refuses an expiry or best-before date before the production date, naming the field', async () => {
      for (const field of ['expiryDate', 'bestBeforeDate']) {
        const response = await f.http.post(
          '/api/batches',
          { productId: grower.product.id, lotCode: makeLotCode(), productionDate: '2026-10-01', [field]: '2026-09-30' },
          { token: grower.owner.token },
        );
        expectApiError(response, 400, 'VALIDATION_FAILED', [field]);
      }
    });

    it.each([['2026-02-30'], ['01/10/2026'], ['2026-10-01T00:00:00Z']])('refuses the production date %p', async (productionDate) => {
      const response = await f.http.post(
        '/api/batches',
        { productId: grower.product.id, lotCode: makeLotCode(), productionDate },
        { token: grower.owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['productionDate']);
    });

    it('refuses a batch of a business that is not verified yet with 403 BUSINESS_NOT_VERIFIED, storing nothing', async () => {
      const owner = await createUser(f);
      const pending = await createBusiness(f, owner);
      const product = await createProduct(f, owner, pending.id);
      const before = await snapshotTables(t, ['batches', 'events', 'event_batches']);
      const response = await f.http.post(
        '/api/batches',
        { productId: product.id, lotCode: makeLotCode(), productionDate: '2026-10-01' },
        { token: owner.token },
      );
      expectApiError(response, 403, 'BUSINESS_NOT_VERIFIED');
      expect(await snapshotTables(t, ['batches', 'events', 'event_batches'])).toEqual(before);
    });

    it('answers an unknown product with 404 PRODUCT_NOT_FOUND', async () => {
      const response = await f.http.post(
        '/api/batches',
        { productId: randomUUID(), lotCode: makeLotCode(), productionDate: '2026-10-01' },
        { token: grower.owner.token },
      );
      expectApiError(response, 404, 'PRODUCT_NOT_FOUND');
    });

    it("refuses another business's place as the origin, naming originLocationId", async () => {
      const response = await f.http.post(
        '/api/batches',
        { productId: grower.product.id, lotCode: makeLotCode(), productionDate: '2026-10-01', originLocationId: distributor.location.id },
        { token: grower.owner.token },
      );
      expectApiError(response, 404, 'LOCATION_NOT_FOUND', ['originLocationId']);
    });
  });

  describe('GET /api/batches/:id', () => {
    it('answers an unknown batch with 404 BATCH_NOT_FOUND and a non-UUID with 404', async () => {
      expectApiError(await f.http.get(`/api/batches/${randomUUID()}`), 404, 'BATCH_NOT_FOUND');
      expectApiError(await f.http.get('/api/batches/PT-2026-01'), 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/batches/:id/events', () => {
    it.each(EXPECTED_STAGES)('records %s %j as (%s, %s, %s, %s)', async (stage, extra, eventType, action, bizStep, disposition) => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const response = await f.http.post<EventView>(
        `/api/batches/${batch.id}/events`,
        { stage, locationId: grower.location.id, ...extra },
        { token: grower.owner.token },
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        stage,
        eventType,
        action,
        bizStep,
        disposition,
        businessId: grower.business.id,
        locationId: grower.location.id,
      });
      expect(response.body.epcis).toMatchObject({ type: eventType, action, bizStep, disposition, eventID: response.body.eventId });

      const stored = await eventsOf(grower.owner, batch.id);
      expect(stored.map((e) => [e.stage, e.bizStep, e.disposition])).toEqual([
        ['registration', 'commissioning', 'active'],
        [stage, bizStep, disposition],
      ]);
    });

    it('stores quantities, reference documents and the time and zone given', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const event = await recordStage(f, grower.owner, batch.id, {
        stage: 'harvesting',
        eventTime: '2026-10-05T06:30:00+07:00',
        quantity: 850.25,
        unit: 'KGM',
        bizTransactions: [{ type: 'po', id: 'DH/2026-17' }],
        note: 'Thu hoạch sáng sớm',
      });
      expect(event).toMatchObject({ eventTime: '2026-10-04T23:30:00.000Z', eventTimeZoneOffset: '+07:00' });
      expect(event.epcis).toMatchObject({
        eventTime: '2026-10-05T06:30:00+07:00',
        quantityList: [{ epcClass: `https://id.gs1.org/01/${grower.product.gtin}/10/${batch.lotCode}`, quantity: 850.25, uom: 'KGM' }],
        bizTransactionList: [{ type: 'po', bizTransaction: expect.stringContaining('DH%2F2026-17') }],
      });
      const [link] = await sql(
        t,
        `SELECT role, quantity::float AS quantity, unit FROM event_batches eb JOIN events e ON e.id = eb.event_id WHERE e.event_id = $1`,
        [event.eventId],
      );
      expect(link).toEqual({ role: 'subject', quantity: 850.25, unit: 'KGM' });
    });

    it('refuses shipping without a destination with 422, naming destinationBusinessId', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const before = await countRows(t, 'events');
      const response = await f.http.post(`/api/batches/${batch.id}/events`, { stage: 'shipping' }, { token: grower.owner.token });
      expectApiError(response, 422, 'EVENT_RULE_VIOLATED', ['destinationBusinessId']);
      expect(await countRows(t, 'events')).toBe(before);
    });

    it('refuses shipping to an unknown business, naming destinationBusinessId', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const response = await f.http.post(
        `/api/batches/${batch.id}/events`,
        { stage: 'shipping', destinationBusinessId: randomUUID() },
        { token: grower.owner.token },
      );
      expectApiError(response, 404, 'BUSINESS_NOT_FOUND', ['destinationBusinessId']);
    });

    it('refuses a pass/fail result on anything but inspecting, naming passed', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const response = await f.http.post(
        `/api/batches/${batch.id}/events`,
        { stage: 'packing', passed: true },
        { token: grower.owner.token },
      );
      expectApiError(response, 422, 'EVENT_RULE_VIOLATED', ['passed']);
    });

    it('refuses stages it does not record one batch at a time, and stages it does not know', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      for (const stage of ['registration', 'processing', 'smoking']) {
        const response = await f.http.post(`/api/batches/${batch.id}/events`, { stage }, { token: grower.owner.token });
        expectApiError(response, 400, 'VALIDATION_FAILED', ['stage']);
      }
    });

    it('refuses an event time in the future, naming eventTime', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const before = await countRows(t, 'events');
      const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
      const response = await f.http.post(
        `/api/batches/${batch.id}/events`,
        { stage: 'harvesting', eventTime: tomorrow },
        { token: grower.owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['eventTime']);
      expect(await countRows(t, 'events')).toBe(before);
    });

    it('refuses an event time without a zone, naming eventTime', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const response = await f.http.post(
        `/api/batches/${batch.id}/events`,
        { stage: 'harvesting', eventTime: '2026-10-05T06:30:00' },
        { token: grower.owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['eventTime']);
    });

    it('refuses a place of another business, naming locationId', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const response = await f.http.post(
        `/api/batches/${batch.id}/events`,
        { stage: 'storing', locationId: distributor.location.id },
        { token: grower.owner.token },
      );
      expectApiError(response, 404, 'LOCATION_NOT_FOUND', ['locationId']);
    });

    it('answers an unknown batch with 404 BATCH_NOT_FOUND', async () => {
      const response = await f.http.post(`/api/batches/${randomUUID()}/events`, { stage: 'packing' }, { token: grower.owner.token });
      expectApiError(response, 404, 'BATCH_NOT_FOUND');
    });
  });

  describe('shipping to a business on the portal', () => {
    let batch: BatchView;
    let shipping: EventView;

    beforeAll(async () => {
      batch = await createBatch(f, grower.owner, grower.product.id);
      shipping = await recordStage(f, grower.owner, batch.id, {
        stage: 'shipping',
        destinationBusinessId: distributor.business.id,
        quantity: 400,
        bizTransactions: [{ type: 'desadv', id: 'PGH-0012' }],
      });
    });

    it('names the receiving business as the destination party', () => {
      expect(shipping.epcis).toMatchObject({
        destinationList: [{ type: 'owning_party', destination: `urn:nguon:party:${distributor.business.id}` }],
      });
    });

    it('lets that business record receiving, with the shipper as the source by default', async () => {
      const receiving = await recordStage(f, distributor.owner, batch.id, {
        stage: 'receiving',
        locationId: distributor.location.id,
        quantity: 400,
      });
      expect(receiving).toMatchObject({
        stage: 'receiving',
        bizStep: 'receiving',
        businessId: distributor.business.id,
        locationId: distributor.location.id,
      });
      expect(receiving.epcis).toMatchObject({ sourceList: [{ type: 'owning_party', source: `urn:nguon:party:${grower.business.id}` }] });
      const [row] = await sql(t, `SELECT source_business_id, business_id FROM events WHERE event_id = $1`, [receiving.eventId]);
      expect(row).toEqual({ source_business_id: grower.business.id, business_id: distributor.business.id });
    });

    it('lets that business record what follows (storing, retail) at its own places', async () => {
      for (const stage of ['storing', 'retail'] as const) {
        const event = await recordStage(f, distributor.owner, batch.id, { stage, locationId: distributor.location.id });
        expect(event.businessId).toBe(distributor.business.id);
      }
    });

    it("lets that business read the batch's events", async () => {
      const events = await eventsOf(distributor.owner, batch.id);
      expect(events.map((e) => e.stage)).toEqual(['registration', 'shipping', 'receiving', 'storing', 'retail']);
    });

    it('does not let that business record growing stages (planting, growing, harvesting)', async () => {
      const before = await countRows(t, 'events');
      for (const stage of ['planting', 'growing', 'harvesting'] as const) {
        expectApiError(
          await f.http.post(`/api/batches/${batch.id}/events`, { stage }, { token: distributor.owner.token }),
          403,
          'FORBIDDEN',
        );
      }
      expect(await countRows(t, 'events')).toBe(before);
    });

    it('does not let a business it was not shipped to record receiving', async () => {
      const response = await f.http.post(`/api/batches/${batch.id}/events`, { stage: 'receiving' }, { token: factory.owner.token });
      expectApiError(response, 403, 'FORBIDDEN');
    });

    it('does not let a business ship to itself', async () => {
      const own = await createBatch(f, grower.owner, grower.product.id);
      const response = await f.http.post(
        `/api/batches/${own.id}/events`,
        { stage: 'shipping', destinationBusinessId: grower.business.id },
        { token: grower.owner.token },
      );
      expectApiError(response, 422, 'EVENT_RULE_VIOLATED', ['destinationBusinessId']);
    });
  });

  describe('POST /api/events/processing', () => {
    let pomelo: BatchView;
    let sugarProduct: ProductView;
    let sugar: BatchView;
    let juice: BatchView;

    beforeAll(async () => {
      pomelo = await createBatch(f, grower.owner, grower.product.id, { quantity: 1000 });
      await shipAndReceive(f, grower.owner, factory, pomelo.id, 600);
      sugarProduct = await createProduct(f, factory.owner, factory.business.id, {
        name: { vi: 'Đường mía', en: 'Cane sugar' },
        unit: 'KGM',
      });
      sugar = await createBatch(f, factory.owner, sugarProduct.id, { quantity: 100 });
      juice = await createBatch(f, factory.owner, factory.product.id, { quantity: 800, unit: 'LTR' });
    });

    it('turns an own and a received batch into an output batch, storing the quantities used', async () => {
      const response = await f.http.post<EventView>(
        '/api/events/processing',
        {
          inputs: [
            { batchId: sugar.id, quantity: 30, unit: 'KGM' },
            { batchId: pomelo.id, quantity: 550.5, unit: 'KGM' },
          ],
          outputs: [{ batchId: juice.id, quantity: 800, unit: 'LTR' }],
          locationId: factory.location.id,
        },
        { token: factory.owner.token },
      );

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        eventType: 'TransformationEvent',
        stage: 'processing',
        action: null,
        bizStep: `${PORTAL_STEP}processing`,
        disposition: 'active',
        businessId: factory.business.id,
      });
      expect(response.body.epcis).toMatchObject({
        inputQuantityList: [
          { epcClass: `https://id.gs1.org/01/${sugarProduct.gtin}/10/${sugar.lotCode}`, quantity: 30, uom: 'KGM' },
          { epcClass: `https://id.gs1.org/01/${grower.product.gtin}/10/${pomelo.lotCode}`, quantity: 550.5, uom: 'KGM' },
        ],
        outputQuantityList: [{ epcClass: `https://id.gs1.org/01/${factory.product.gtin}/10/${juice.lotCode}`, quantity: 800, uom: 'LTR' }],
      });
      const links = await sql(
        t,
        `SELECT batch_id, role, quantity::float AS quantity, unit FROM event_batches eb JOIN events e ON e.id = eb.event_id WHERE e.event_id = $1 ORDER BY role, quantity`,
        [response.body.eventId],
      );
      expect(links).toEqual([
        { batch_id: sugar.id, role: 'input', quantity: 30, unit: 'KGM' },
        { batch_id: pomelo.id, role: 'input', quantity: 550.5, unit: 'KGM' },
        { batch_id: juice.id, role: 'output', quantity: 800, unit: 'LTR' },
      ]);
      expect((await eventsOf(factory.owner, juice.id)).map((e) => e.stage)).toEqual(['registration', 'processing']);
    });

    it('refuses an input that is neither own nor received with 422, naming it, and stores nothing', async () => {
      const stranger = await createBatch(f, grower.owner, grower.product.id, { quantity: 50 });
      const output = await createBatch(f, factory.owner, factory.product.id);
      const before = { events: await countRows(t, 'events'), links: await countRows(t, 'event_batches'), all: await snapshotTables(t) };
      const response = await f.http.post(
        '/api/events/processing',
        {
          inputs: [
            { batchId: sugar.id, quantity: 5, unit: 'KGM' },
            { batchId: stranger.id, quantity: 10, unit: 'KGM' },
          ],
          outputs: [{ batchId: output.id, quantity: 20 }],
        },
        { token: factory.owner.token },
      );
      expectApiError(response, 422, 'EVENT_RULE_VIOLATED', ['inputs.1.batchId']);
      expect({ events: await countRows(t, 'events'), links: await countRows(t, 'event_batches'), all: await snapshotTables(t) }).toEqual(
        before,
      );
    });

    it('refuses a batch named twice, unknown batches (naming each), and output batches of another business', async () => {
      const output = await createBatch(f, factory.owner, factory.product.id);
      expectApiError(
        await f.http.post(
          '/api/events/processing',
          {
            inputs: [{ batchId: sugar.id, quantity: 1, unit: 'KGM' }],
            outputs: [{ batchId: sugar.id }],
          },
          { token: factory.owner.token },
        ),
        422,
        'EVENT_RULE_VIOLATED',
        ['inputs'],
      );

      const missing = randomUUID();
      expectApiError(
        await f.http.post(
          '/api/events/processing',
          {
            inputs: [
              { batchId: sugar.id, quantity: 1, unit: 'KGM' },
              { batchId: missing, quantity: 1, unit: 'KGM' },
            ],
            outputs: [{ batchId: output.id }],
          },
          { token: factory.owner.token },
        ),
        404,
        'BATCH_NOT_FOUND',
        ['inputs.1.batchId'],
      );

      expectApiError(
        await f.http.post(
          '/api/events/processing',
          {
            inputs: [{ batchId: sugar.id, quantity: 1, unit: 'KGM' }],
            outputs: [{ batchId: output.id }, { batchId: pomelo.id }],
          },
          { token: factory.owner.token },
        ),
        422,
        'EVENT_RULE_VIOLATED',
        ['outputs'],
      );
    });

    it('refuses empty inputs or outputs and non-positive quantities, naming the field by path', async () => {
      expectApiError(
        await f.http.post('/api/events/processing', { inputs: [], outputs: [{ batchId: juice.id }] }, { token: factory.owner.token }),
        400,
        'VALIDATION_FAILED',
        ['inputs'],
      );
      expectApiError(
        await f.http.post(
          '/api/events/processing',
          {
            inputs: [{ batchId: sugar.id, quantity: -1, unit: 'KGM' }],
            outputs: [{ batchId: juice.id }],
          },
          { token: factory.owner.token },
        ),
        400,
        'VALIDATION_FAILED',
        ['inputs.0.quantity'],
      );
    });
  });

  describe('GET /api/batches/:id/events', () => {
    it('needs a signed-in user who took part in the batch', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      expectApiError(await f.http.get(`/api/batches/${batch.id}/events`), 401, 'UNAUTHENTICATED');
      const outsider = await createUser(f);
      await createBusiness(f, outsider);
      expectApiError(await f.http.get(`/api/batches/${batch.id}/events`, { token: outsider.token }), 403, 'FORBIDDEN');
    });

    it('lists events oldest first, whatever order they were recorded in', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { eventTime: '2026-10-01T07:00:00+07:00' });
      await recordStage(f, grower.owner, batch.id, { stage: 'packing', eventTime: '2026-10-03T07:00:00+07:00' });
      await recordStage(f, grower.owner, batch.id, { stage: 'harvesting', eventTime: '2026-10-02T07:00:00+07:00' });
      expect((await eventsOf(grower.owner, batch.id)).map((e) => e.stage)).toEqual(['registration', 'harvesting', 'packing']);
    });
  });

  describe('the event store', () => {
    it('refuses a direct UPDATE or DELETE of an event or its batch links (append-only)', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const event = await recordStage(f, grower.owner, batch.id, { stage: 'harvesting', quantity: 10 });
      await expect(sql(t, `UPDATE events SET disposition = 'destroyed' WHERE event_id = $1`, [event.eventId])).rejects.toThrow(
        /append-only/,
      );
      await expect(sql(t, `DELETE FROM events WHERE event_id = $1`, [event.eventId])).rejects.toThrow(/append-only/);
      await expect(sql(t, `UPDATE event_batches SET quantity = 1 WHERE batch_id = $1`, [batch.id])).rejects.toThrow(/append-only/);
      const [row] = await sql(t, `SELECT disposition FROM events WHERE event_id = $1`, [event.eventId]);
      expect(row).toEqual({ disposition: 'in_progress' });
    });
  });
});
