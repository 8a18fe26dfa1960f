import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventView, Page, PublicBatchView } from '@nguon/shared';
import {
  createBatch,
  createBusiness,
  createProducer,
  createStaff,
  createUser,
  makeTaxCode,
  recordStage,
  shipAndReceive,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { declareError, incomingShipments, receiveShipment, searchDirectory } from '../factories/recording.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('shipping between businesses', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  /** The grower in Hương Khê and the Hà Nội distributor it ships to; a third business looks on. */
  let grower: Producer;
  let distributor: Producer;
  let outsider: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin, { business: { legalName: 'Hợp tác xã Bưởi Hương Khê' } });
    distributor = await createProducer(f, admin, {
      business: {
        legalName: 'Công ty Phân phối Đông Đô',
        taxCode: '0109876543',
        address: { line: '12 Long Biên', commune: 'Phường Bồ Đề', province: 'Hà Nội' },
      },
    });
    outsider = await createProducer(f, admin);
  });
  afterAll(async () => t?.close());

  const ship = (batchId: string, overrides: Record<string, unknown> = {}) =>
    recordStage(f, grower.owner, batchId, {
      stage: 'shipping',
      destinationBusinessId: distributor.business.id,
      quantity: 400,
      bizTransactions: [{ type: 'desadv', id: 'PXK-0042' }],
      ...overrides,
    });

  describe('GET /api/businesses/directory', () => {
    it('finds a business by its name typed without diacritics, or in capitals', async () => {
      for (const q of ['huong khe', 'HƯƠNG KHÊ', 'Bưởi hương']) {
        expect((await searchDirectory(f, distributor.owner, q)).map((b) => b.id)).toContain(grower.business.id);
      }
      expect(await searchDirectory(f, grower.owner, 'dong do')).toEqual([
        { id: distributor.business.id, legalName: 'Công ty Phân phối Đông Đô', province: 'Hà Nội', taxCode: '0109876543' },
      ]);
    });

    it('finds a business by the start of its tax code', async () => {
      expect((await searchDirectory(f, grower.owner, '0109876')).map((b) => b.id)).toEqual([distributor.business.id]);
    });

    it('lists only verified businesses, at most 10', async () => {
      const owner = await createUser(f);
      const pending = await createBusiness(f, owner, { legalName: 'Hợp tác xã Chờ Duyệt Hương Khê', taxCode: makeTaxCode() });
      expect((await searchDirectory(f, grower.owner, 'cho duyet')).map((b) => b.id)).not.toContain(pending.id);
      for (let n = 0; n < 11; n++) await createProducer(f, admin, { business: { legalName: `Đại lý Thạch Hà số ${n}` } });
      expect(await searchDirectory(f, grower.owner, 'thach ha')).toHaveLength(10);
    });

    it('treats LIKE wildcards as plain text', async () => {
      expect(await searchDirectory(f, grower.owner, '%%')).toEqual([]);
    });

    it('is for signed-in users, and needs at least two characters', async () => {
      expectApiError(await f.http.get('/api/businesses/directory?q=huong'), 401, 'UNAUTHENTICATED');
      expectApiError(await f.http.get('/api/businesses/directory?q=h', { token: grower.owner.token }), 400, 'VALIDATION_FAILED', ['q']);
      expectApiError(await f.http.get('/api/businesses/directory', { token: grower.owner.token }), 400, 'VALIDATION_FAILED', ['q']);
    });
  });

  describe('GET /api/businesses/:businessId/incoming-shipments', () => {
    it('lists a shipment to the business with its batch, sender, documents and time, not yet received', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id, { displayName: 'Bưởi vụ thu' });
      const shipping = await ship(batch.id, { eventTime: '2026-11-20T08:00:00+07:00' });
      const pending = await incomingShipments(f, distributor.owner, distributor.business.id);
      expect(pending.items.find((s) => s.eventId === shipping.id)).toEqual({
        eventId: shipping.id,
        batch: { id: batch.id, lotCode: batch.lotCode, displayName: 'Bưởi vụ thu', productName: grower.product.name },
        quantity: 400,
        unit: 'KGM',
        sender: { businessId: grower.business.id, name: 'Hợp tác xã Bưởi Hương Khê' },
        documents: [{ type: 'desadv', id: 'PXK-0042' }],
        shippedAt: '2026-11-20T01:00:00.000Z',
        shippedTimeZoneOffset: '+07:00',
        received: null,
      });
      expect((await incomingShipments(f, grower.owner, grower.business.id, 'all')).items.map((s) => s.eventId)).not.toContain(shipping.id);
    });

    it('is for the members of that business only', async () => {
      expectApiError(
        await f.http.get(`/api/businesses/${distributor.business.id}/incoming-shipments`, { token: outsider.owner.token }),
        403,
        'FORBIDDEN',
      );
      expectApiError(
        await f.http.get(`/api/businesses/${distributor.business.id}/incoming-shipments?status=later`, { token: distributor.owner.token }),
        400,
        'VALIDATION_FAILED',
        ['status'],
      );
    });

    it('leaves out a shipment its sender declared did not occur', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const shipping = await ship(batch.id);
      await declareError(f, grower.owner, shipping.id, { reason: 'did_not_occur', explanation: 'Ghi nhầm lô' });
      expect((await incomingShipments(f, distributor.owner, distributor.business.id, 'all')).items.map((s) => s.eventId)).not.toContain(
        shipping.id,
      );
    });
  });

  describe('POST /api/shipments/:eventId/receive', () => {
    it('records receiving with one action: from the shipper, under the same documents, linked to the shipment', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const shipping = await ship(batch.id);
      const response = await f.http.post<EventView>(`/api/shipments/${shipping.id}/receive`, undefined, { token: distributor.owner.token });
      expect(response.status).toBe(201);
      const receiving = response.body;
      expect(receiving).toMatchObject({ stage: 'receiving', businessId: distributor.business.id });
      expect(receiving.epcis).toMatchObject({
        bizStep: 'receiving',
        quantityList: [expect.objectContaining({ quantity: 400, uom: 'KGM' })],
        sourceList: [{ type: 'owning_party', source: `urn:nguon:party:${grower.business.id}` }],
        bizTransactionList: shipping.epcis.bizTransactionList,
        'nguon:shipment': shipping.eventId,
      });

      const received = (await incomingShipments(f, distributor.owner, distributor.business.id, 'received')).items.find(
        (s) => s.eventId === shipping.id,
      );
      expect(received?.received).toEqual({
        eventId: receiving.id,
        receivedAt: receiving.eventTime,
        receivedTimeZoneOffset: '+07:00',
        quantity: 400,
        unit: 'KGM',
        // With one click, at the receiver's place (its only one here).
        place: { id: distributor.location.id, name: distributor.location.name },
        shortfallReason: null,
      });
      expect((await incomingShipments(f, distributor.owner, distributor.business.id)).items.map((s) => s.eventId)).not.toContain(
        shipping.id,
      );

      // One step back, one step forward: the consumer page names both parties.
      const view = (await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`)).body;
      expect(view.timeline.map((e) => [e.stage, e.destination?.name ?? e.source?.name ?? null])).toEqual(
        expect.arrayContaining([
          ['shipping', 'Công ty Phân phối Đông Đô'],
          ['receiving', 'Hợp tác xã Bưởi Hương Khê'],
        ]),
      );
    });

    it('takes a time, a place and the quantity that arrived', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const shipping = await ship(batch.id);
      const staff = await createStaff(f, distributor.owner, distributor.business.id);
      const receiving = await receiveShipment(f, staff, shipping.id, {
        eventTime: '2026-11-21T09:30:00+07:00',
        locationId: distributor.location.id,
        quantity: 395,
        shortfallReason: 'short',
        note: 'Hao hụt 5 kg',
      });
      expect(receiving.locationId).toBe(distributor.location.id);
      expect(receiving.epcis).toMatchObject({
        eventTime: '2026-11-21T09:30:00+07:00',
        quantityList: [expect.objectContaining({ quantity: 395 })],
        'nguon:note': 'Hao hụt 5 kg',
      });
    });

    it('refuses to receive a shipment twice', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const shipping = await ship(batch.id);
      await receiveShipment(f, distributor.owner, shipping.id);
      const before = await snapshotTables(t);
      const again = expectApiError(
        await f.http.post(`/api/shipments/${shipping.id}/receive`, {}, { token: distributor.owner.token }),
        409,
        'SHIPMENT_ALREADY_RECEIVED',
      );
      expect(again.message).toMatch(/đã được xác nhận/);
      expect(await snapshotTables(t)).toEqual(before);
    });

    it('counts a receipt recorded through the receiving stage form as well', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const { shipping } = await shipAndReceive(f, grower.owner, distributor, batch.id);
      expectApiError(
        await f.http.post(`/api/shipments/${shipping.id}/receive`, {}, { token: distributor.owner.token }),
        409,
        'SHIPMENT_ALREADY_RECEIVED',
      );
    });

    it('lets only the receiving business confirm it', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const shipping = await ship(batch.id);
      const before = await snapshotTables(t);
      expectApiError(await f.http.post(`/api/shipments/${shipping.id}/receive`, {}, { token: outsider.owner.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.post(`/api/shipments/${shipping.id}/receive`, {}, { token: grower.owner.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.post(`/api/shipments/${shipping.id}/receive`, {}), 401, 'UNAUTHENTICATED');
      expect(await snapshotTables(t)).toEqual(before);
    });

    it('answers 404 for what is not a shipment to a business, and 400 for a bad body', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const harvest = await recordStage(f, grower.owner, batch.id, { stage: 'harvesting' });
      const toMarket = await recordStage(f, grower.owner, batch.id, { stage: 'shipping', destinationName: 'Chợ Vinh' });
      for (const id of [harvest.id, toMarket.id, randomUUID()]) {
        expectApiError(await f.http.post(`/api/shipments/${id}/receive`, {}, { token: distributor.owner.token }), 404, 'EVENT_NOT_FOUND');
      }
      expectApiError(await f.http.post('/api/shipments/not-an-id/receive', {}, { token: distributor.owner.token }), 404, 'NOT_FOUND');
      const shipping = await ship(batch.id);
      expectApiError(
        await f.http.post(
          `/api/shipments/${shipping.id}/receive`,
          { quantity: -1, locationId: grower.location.id },
          { token: distributor.owner.token },
        ),
        400,
        'VALIDATION_FAILED',
        ['quantity'],
      );
      expectApiError(
        await f.http.post(`/api/shipments/${shipping.id}/receive`, { locationId: grower.location.id }, { token: distributor.owner.token }),
        404,
        'LOCATION_NOT_FOUND',
        ['locationId'],
      );
      expectApiError(
        await f.http.post(
          `/api/shipments/${shipping.id}/receive`,
          { eventTime: '2999-01-01T00:00:00+07:00' },
          { token: distributor.owner.token },
        ),
        400,
        'VALIDATION_FAILED',
        ['eventTime'],
      );
    });
  });

  describe('who may record on a shipped batch', () => {
    it('gives the receiver no rights once the shipment is declared not to have happened', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const shipping = await ship(batch.id);
      expect((await f.http.post(`/api/batches/${batch.id}/events`, { stage: 'storing' }, { token: distributor.owner.token })).status).toBe(
        201,
      );
      await declareError(f, grower.owner, shipping.id, { reason: 'did_not_occur', explanation: 'Không gửi' });
      expectApiError(
        await f.http.post(`/api/batches/${batch.id}/events`, { stage: 'storing' }, { token: distributor.owner.token }),
        403,
        'FORBIDDEN',
      );
      const events = (await f.http.get<Page<EventView>>(`/api/batches/${batch.id}/events?limit=100`, { token: grower.owner.token })).body
        .items;
      expect(events.find((e) => e.id === shipping.id)?.declaredWrong).toBe(true);
    });
  });
});
