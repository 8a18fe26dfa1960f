import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { FlagView, Page, PublicBatchView } from '@nguon/shared';
import {
  createBatch,
  createLocation,
  createProducer,
  createUser,
  createVerifiedBusiness,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { exportEvents } from '../factories/exports.js';
import { incomingShipments, receiveShipment } from '../factories/recording.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Receiving completes the record: where the goods arrived (the receiver's usual place unless
 * named), how much arrived and why less, and when (now unless said), even with one click.
 */
describe('receiving a shipment', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let inspector: TestUser;
  let grower: Producer;
  /** A Hà Nội distributor with one place, its warehouse. */
  let distributor: Producer;

  const ship = async (to: Producer | { owner: TestUser; business: { id: string } }, quantity = 400) => {
    const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 1000 });
    const shipping = await recordStage(f, grower.owner, batch.id, {
      stage: 'shipping',
      destinationBusinessId: to.business.id,
      locationId: grower.location.id,
      quantity,
      bizTransactions: [{ type: 'desadv', id: 'PXK-0077' }],
    });
    return { batch, shipping };
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    grower = await createProducer(f, admin, { business: { legalName: 'Hợp tác xã Bưởi Hương Khê' } });
    distributor = await createProducer(f, admin, {
      business: { legalName: 'Công ty Phân phối Đông Đô' },
      location: { kind: 'warehouse', name: 'Kho Long Biên', address: '12 Long Biên', province: 'Hà Nội' },
    });
  });
  afterAll(async () => t?.close());

  describe('with one click (no details given)', () => {
    it('records where: the receiver’s only place; when: now; how much: what was shipped', async () => {
      const { batch, shipping } = await ship(distributor);
      const before = Date.now();
      const receiving = await receiveShipment(f, distributor.owner, shipping.id);
      expect(receiving.locationId).toBe(distributor.location.id);
      expect(Math.abs(Date.parse(receiving.eventTime) - before)).toBeLessThan(60_000);
      expect(receiving.epcis).toMatchObject({
        bizLocation: { id: `urn:nguon:location:${distributor.location.id}` },
        quantityList: [expect.objectContaining({ quantity: 400, uom: 'KGM' })],
        disposition: 'in_progress',
      });

      // The consumer page shows the receiving with its place.
      const view = (await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`)).body;
      const received = view.timeline.find((e) => e.stage === 'receiving');
      expect(received?.place).toMatchObject({ name: 'Kho Long Biên' });

      // The inspectors' check finds nothing missing on the recommended path.
      await f.http.post('/api/flags/scan', undefined, { token: inspector.token });
      const flags = (await f.http.get<Page<FlagView>>(`/api/flags?batchId=${batch.id}&limit=100`, { token: inspector.token })).body;
      expect(flags.items.map((flag) => flag.kind)).toEqual([]);
    });

    it('uses the place the receiver last received goods at when it has several', async () => {
      const shop = await createLocation(f, distributor.owner, distributor.business.id, { kind: 'shop', name: 'Cửa hàng Hàng Bè' });
      const first = await ship(distributor);
      await receiveShipment(f, distributor.owner, first.shipping.id, { locationId: shop.id });
      const second = await ship(distributor);
      expect((await receiveShipment(f, distributor.owner, second.shipping.id)).locationId).toBe(shop.id);
    });

    it('is refused, writing nothing, when the receiver has no place yet: it is asked to add one', async () => {
      const owner = await createUser(f);
      const newcomer = await createVerifiedBusiness(f, owner, admin, { legalName: 'Đại lý Mới Mở' });
      const { shipping } = await ship({ owner, business: newcomer });
      const snapshot = await snapshotTables(t);
      const refusal = expectApiError(
        await f.http.post(`/api/shipments/${shipping.id}/receive`, {}, { token: owner.token, headers: { 'accept-language': 'en' } }),
        422,
        'PLACE_REQUIRED',
        ['locationId'],
      );
      expect(refusal.message).toMatch(/add a warehouse or shop first/);
      expect(await snapshotTables(t)).toEqual(snapshot);
    });

    it('applies the same to a receipt through the receiving stage form', async () => {
      const { batch } = await ship(distributor);
      const receiving = await recordStage(f, distributor.owner, batch.id, { stage: 'receiving' });
      expect(receiving.locationId).not.toBeNull();
    });
  });

  describe('a short or damaged delivery', () => {
    it('needs a reason when less arrived than was shipped, and writes nothing without one', async () => {
      const { shipping } = await ship(distributor);
      const snapshot = await snapshotTables(t);
      const refusal = expectApiError(
        await f.http.post(`/api/shipments/${shipping.id}/receive`, { quantity: 380 }, { token: distributor.owner.token }),
        422,
        'EVENT_RULE_VIOLATED',
        ['shortfallReason'],
      );
      expect(refusal.fieldErrors!.shortfallReason![0]).toMatch(/ít hơn số lượng đã gửi \(400 kg\)/);
      expect(await snapshotTables(t)).toEqual(snapshot);
    });

    it('records a short delivery as CBV mismatch_quantity and damaged goods as damaged, shown on the received list', async () => {
      const short = await ship(distributor);
      const damaged = await ship(distributor);
      const shortReceipt = await receiveShipment(f, distributor.owner, short.shipping.id, {
        quantity: 380,
        shortfallReason: 'short',
        locationId: distributor.location.id,
        eventTime: '2026-11-21T09:30:00+07:00',
        note: 'Thiếu 20 kg',
      });
      expect(shortReceipt.epcis).toMatchObject({
        disposition: 'mismatch_quantity',
        eventTime: '2026-11-21T09:30:00+07:00',
        quantityList: [expect.objectContaining({ quantity: 380, uom: 'KGM' })],
      });
      const damagedReceipt = await receiveShipment(f, distributor.owner, damaged.shipping.id, {
        quantity: 350,
        shortfallReason: 'damaged',
      });
      expect(damagedReceipt.disposition).toBe('damaged');

      const received = (await incomingShipments(f, distributor.owner, distributor.business.id, 'received')).items;
      expect(received.find((s) => s.eventId === short.shipping.id)?.received).toEqual({
        eventId: shortReceipt.id,
        receivedAt: '2026-11-21T02:30:00.000Z',
        receivedTimeZoneOffset: '+07:00',
        quantity: 380,
        unit: 'KGM',
        place: { id: distributor.location.id, name: 'Kho Long Biên' },
        shortfallReason: 'short',
      });
      expect(received.find((s) => s.eventId === damaged.shipping.id)?.received).toMatchObject({
        quantity: 350,
        shortfallReason: 'damaged',
      });
    });

    it('takes no reason for other stages, nor an unknown one', async () => {
      const { batch, shipping } = await ship(distributor);
      expectApiError(
        await f.http.post(
          `/api/batches/${batch.id}/events`,
          { stage: 'storing', shortfallReason: 'short' },
          { token: distributor.owner.token },
        ),
        422,
        'EVENT_RULE_VIOLATED',
        ['shortfallReason'],
      );
      expectApiError(
        await f.http.post(`/api/shipments/${shipping.id}/receive`, { shortfallReason: 'lost' }, { token: distributor.owner.token }),
        400,
        'VALIDATION_FAILED',
        ['shortfallReason'],
      );
    });
  });

  describe('the FSMA 204 spreadsheet', () => {
    it('has a row for the first land-based receiving: a receipt of a lot the receiver registered, with no shipment before it on the portal', async () => {
      const port = await createProducer(f, admin, {
        business: { legalName: 'Công ty Thủy sản Cửa Sót' },
        location: { kind: 'warehouse', name: 'Cảng cá Cửa Sót', address: 'Thạch Kim', province: 'Hà Tĩnh' },
        product: { name: { vi: 'Cá thu', en: 'Spanish mackerel' } },
      });
      const catchLot = await createBatch(f, port.owner, port.product.id, { lotCode: 'CS-2611-01', quantity: 800 });
      const landing = await recordStage(f, port.owner, catchLot.id, {
        stage: 'receiving',
        sourceName: 'Tàu cá HT-90123-TS',
        quantity: 800,
        bizTransactions: [{ type: 'recadv', id: 'BB-0012' }],
      });
      expect(landing.locationId).toBe(port.location.id);

      const response = await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [{ lotCode: 'CS-2611-01' }] });
      expect(response.status).toBe(200);
      const rows = parse(response.text.slice(1), { columns: true }) as Record<string, string>[];
      const row = rows.find((r) => r['Event ID'] === landing.eventId);
      expect(row).toMatchObject({
        'Critical Tracking Event (CTE)': 'First land-based receiving',
        'Traceability Lot Code': 'CS-2611-01',
        Quantity: '800',
        'Unit of Measure': 'KGM',
        'Immediate Previous Source': 'Tàu cá HT-90123-TS',
        'Reference Document Number': 'BB-0012',
      });
      expect(row!['Location Description']).toMatch(/^Cảng cá Cửa Sót/);
      expect(row!['Traceability Lot Code Source']).not.toBe('');

      // A receipt that confirms a shipment stays a receiving.
      const { batch, shipping } = await ship(distributor);
      const receipt = await receiveShipment(f, distributor.owner, shipping.id);
      const shipped = parse((await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [{ lotCode: batch.lotCode }] })).text.slice(1), {
        columns: true,
      }) as Record<string, string>[];
      expect(shipped.find((r) => r['Event ID'] === receipt.eventId)?.['Critical Tracking Event (CTE)']).toBe('Receiving');
    });
  });
});
