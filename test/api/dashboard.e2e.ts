import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchScansView, BatchView } from '@nguon/shared';
import {
  addCertificate,
  createBatch,
  createBusiness,
  createLocation,
  createProducer,
  createProduct,
  createUser,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { finishedImport, importCsv, uploadImport } from '../factories/imports.js';
import { behindTheAppsBack } from '../factories/inspector.js';
import { declareWrong, getDashboard, scanBatch, vietnamDate } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe("a business's dashboard and its batches' scans", () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  /** The grower ships to the distributor; each has a verified business, a place and a product. */
  let grower: Producer;
  let distributor: Producer;
  /** A business of its own for batch statuses. */
  let keeper: Producer;
  /** Registered today: nothing needs doing. */
  let fresh: BatchView;
  /** Registered 45 days ago and untouched since: past the 30-day default. */
  let quiet: BatchView;
  /** Registered today with last month's production date: new, not quiet. */
  let lateRegistered: BatchView;
  let shipped: BatchView;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    grower = await createProducer(f, admin);
    distributor = await createProducer(f, admin);
    keeper = await createProducer(f, admin);
    const today = vietnamDate();
    fresh = await createBatch(f, grower.owner, grower.product.id, { productionDate: today, expiryDate: undefined });
    quiet = await createBatch(f, grower.owner, grower.product.id, { productionDate: vietnamDate(-45), expiryDate: undefined });
    // 45 days pass for it: its records were made then (the clock cannot be moved, the rows can).
    await behindTheAppsBack(t, [
      `UPDATE events SET record_time = now() - interval '45 days', event_time = now() - interval '45 days'
        WHERE id IN (SELECT event_id FROM event_batches WHERE batch_id = '${quiet.id}')`,
      `UPDATE batches SET created_at = now() - interval '45 days' WHERE id = '${quiet.id}'`,
    ]);
    lateRegistered = await createBatch(f, grower.owner, grower.product.id, { productionDate: vietnamDate(-33), expiryDate: undefined });
    shipped = await createBatch(f, grower.owner, grower.product.id, { productionDate: today, expiryDate: undefined });
    await recordStage(f, grower.owner, shipped.id, { stage: 'shipping', destinationBusinessId: distributor.business.id, quantity: 200 });
    await addCertificate(f, grower.owner, grower.business.id, {
      name: 'VietGAP hết hạn',
      validFrom: vietnamDate(-400),
      validTo: vietnamDate(-1),
    });
    await addCertificate(f, grower.owner, grower.business.id, {
      name: 'OCOP sắp hết hạn',
      kind: 'ocop',
      stars: 4,
      validFrom: vietnamDate(-300),
      validTo: vietnamDate(10),
    });
    await addCertificate(f, grower.owner, grower.business.id, {
      name: 'HACCP còn hạn',
      kind: 'haccp',
      validFrom: vietnamDate(-10),
      validTo: vietnamDate(400),
    });
  });
  afterAll(async () => t?.close());

  describe('GET /api/businesses/:id/dashboard', () => {
    it('counts batches on hold as open, recalled and closed ones not', async () => {
      const [held, recalled, closed] = [
        await createBatch(f, keeper.owner, keeper.product.id, { productionDate: vietnamDate(), expiryDate: undefined }),
        await createBatch(f, keeper.owner, keeper.product.id, { productionDate: vietnamDate(), expiryDate: undefined }),
        await createBatch(f, keeper.owner, keeper.product.id, { productionDate: vietnamDate(), expiryDate: undefined }),
      ] as const;
      // Statuses change through holds, recalls and closing; here the rows are set directly.
      await sql(t, `UPDATE batches SET status = $2 WHERE id = $1`, [held.id, 'on_hold']);
      await sql(t, `UPDATE batches SET status = $2 WHERE id = $1`, [recalled.id, 'recalled']);
      await sql(t, `UPDATE batches SET status = $2 WHERE id = $1`, [closed.id, 'closed']);
      const dashboard = await getDashboard(f, keeper.owner, keeper.business.id);
      expect(dashboard.counts.openBatches).toBe(1);
      expect(dashboard.openBatches.map((b) => [b.id, b.status])).toEqual([[held.id, 'on_hold']]);
    });

    it('counts the products and the open batches', async () => {
      const dashboard = await getDashboard(f, grower.owner, grower.business.id);
      expect(dashboard.businessId).toBe(grower.business.id);
      expect(dashboard.counts).toEqual({ products: 1, openBatches: 4 });
      expect(dashboard.openBatches.map((b) => b.id)).toEqual([shipped.id, lateRegistered.id, fresh.id, quiet.id]);
      expect(dashboard.openBatches[0]).toMatchObject({ lotCode: shipped.lotCode, status: 'active', productName: grower.product.name });
    });

    it('lists the events the business recorded, newest first, with their batch', async () => {
      const { recentEvents } = await getDashboard(f, grower.owner, grower.business.id);
      expect(recentEvents.map((e) => e.stage)).toEqual(['shipping', 'registration', 'registration', 'registration', 'registration']);
      expect(recentEvents.every((e) => !e.declaredWrong)).toBe(true);
      expect(recentEvents[0]!.batch).toEqual({ id: shipped.id, lotCode: shipped.lotCode, productName: grower.product.name });
    });

    it('flags an open batch with nothing recorded for 30 days, and only that one', async () => {
      const { attention } = await getDashboard(f, grower.owner, grower.business.id);
      expect(attention.staleAfterDays).toBe(30);
      expect(attention.staleBatches.map((b) => b.id)).toEqual([quiet.id]);
      const quietFor = (Date.now() - Date.parse(attention.staleBatches[0]!.lastRecordedAt)) / 86_400_000;
      expect(Math.floor(quietFor)).toBe(45);
    });

    it('counts from when a batch was registered, not from its production date: last month’s lot registered today is new', async () => {
      const { attention, openBatches } = await getDashboard(f, grower.owner, grower.business.id);
      expect(attention.staleBatches.map((b) => b.id)).not.toContain(lateRegistered.id);
      const row = openBatches.find((b) => b.id === lateRegistered.id)!;
      expect(Date.now() - Date.parse(row.lastRecordedAt)).toBeLessThan(60_000);
      // Its creation event is stamped when it was recorded; the production date stays the lot's data.
      const [commissioning] = (await f.http.get(`/api/batches/${lateRegistered.id}/events`, { token: grower.owner.token })).body.items;
      // Stamped now, to the minute (as the stage forms give times).
      expect(Date.now() - Date.parse(commissioning.eventTime)).toBeLessThan(120_000);
      expect(commissioning.epcis.ilmd).toMatchObject({ 'nguon:productionDate': vietnamDate(-33) });
      expect((await f.http.get(`/api/batches/${lateRegistered.id}`)).body.productionDate).toBe(vietnamDate(-33));
    });

    it('counts from the import: batches imported today with last month’s production dates are not quiet', async () => {
      const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');
      const lots = ['NHAP-CU-1', 'NHAP-CU-2'];
      const csv = importCsv(
        ['product', 'lot_code', 'production_date', 'quantity', 'unit'],
        lots.map((lot, n) => [keeper.product.gtin!, lot, dayMonthYear(vietnamDate(-40 - n)), '100', 'KGM']),
      );
      const started = await uploadImport(t.baseUrl, keeper.owner, keeper.business.id, 'batches', csv);
      expect(started.status).toBe(202);
      expect((await finishedImport(t.baseUrl, keeper.owner, started.body.id)).status).toBe('done');
      const { attention, openBatches } = await getDashboard(f, keeper.owner, keeper.business.id);
      expect(openBatches.filter((b) => lots.includes(b.lotCode))).toHaveLength(2);
      expect(attention.staleBatches).toEqual([]);
    });

    it('flags expired and soon-ending certificates, not valid ones', async () => {
      const { attention } = await getDashboard(f, grower.owner, grower.business.id);
      expect(attention.certificates.map((c) => [c.name, c.validity, c.validTo])).toEqual([
        ['VietGAP hết hạn', 'expired', vietnamDate(-1)],
        ['OCOP sắp hết hạn', 'expiring', vietnamDate(10)],
      ]);
    });

    it('shows the receiver a shipment sent to it until it records receiving it', async () => {
      const before = await getDashboard(f, distributor.owner, distributor.business.id);
      expect(before.attention.unreceivedShipments).toEqual([
        {
          eventId: expect.any(String),
          shippedAt: expect.any(String),
          eventTimeZoneOffset: '+07:00',
          fromBusiness: { id: grower.business.id, name: grower.business.legalName },
          batch: { id: shipped.id, lotCode: shipped.lotCode, productName: grower.product.name },
          quantity: 200,
          unit: 'KGM',
        },
      ]);
      // The sender has nothing to receive.
      expect((await getDashboard(f, grower.owner, grower.business.id)).attention.unreceivedShipments).toEqual([]);

      const receiving = await recordStage(f, distributor.owner, shipped.id, { stage: 'receiving' });
      const after = await getDashboard(f, distributor.owner, distributor.business.id);
      expect(after.attention.unreceivedShipments).toEqual([]);
      // The receiving is the distributor's recent event, about the grower's batch.
      expect(after.recentEvents.map((e) => [e.stage, e.batch?.id])).toEqual([['receiving', shipped.id]]);

      // A receiving declared wrong did not happen: the shipment waits again.
      await declareWrong(f, distributor.owner, receiving.id);
      const undone = await getDashboard(f, distributor.owner, distributor.business.id);
      expect(undone.attention.unreceivedShipments.map((s) => s.batch.id)).toEqual([shipped.id]);
      expect(undone.recentEvents.map((e) => [e.stage, e.declaredWrong])).toEqual([['receiving', true]]);
    });

    it('does not count an event declared wrong as keeping a batch going', async () => {
      const harvest = await recordStage(f, grower.owner, quiet.id, { stage: 'harvesting' });
      expect((await getDashboard(f, grower.owner, grower.business.id)).attention.staleBatches).toEqual([]);
      await declareWrong(f, grower.owner, harvest.id);
      const { attention } = await getDashboard(f, grower.owner, grower.business.id);
      expect(attention.staleBatches.map((b) => b.id)).toEqual([quiet.id]);
    });

    it("counts this week's scans of the business's codes, by day", async () => {
      await scanBatch(f, fresh, 2);
      await scanBatch(f, shipped, 1);
      const { scans } = await getDashboard(f, grower.owner, grower.business.id);
      expect(scans.total).toBe(3);
      expect(scans.days.map((d) => d.date)).toEqual([-6, -5, -4, -3, -2, -1, 0].map(vietnamDate));
      expect(scans.days.map((d) => d.count)).toEqual([0, 0, 0, 0, 0, 0, 3]);
      expect((await getDashboard(f, distributor.owner, distributor.business.id)).scans.total).toBe(0);
    });

    it('is for the business: a member of another one gets 403, a stranger 401, an inspector reads it', async () => {
      const path = `/api/businesses/${grower.business.id}/dashboard`;
      expectApiError(await f.http.get(path, { token: distributor.owner.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.get(path), 401, 'UNAUTHENTICATED');
      expect((await f.http.get(path, { token: inspector.token })).status).toBe(200);
    });

    it("walks a new business through its first steps, each ticked off from the business's own records", async () => {
      const admin = await createUser(f, { role: 'admin' });
      const owner = await createUser(f);
      const business = await createBusiness(f, owner);
      const steps = async () => (await getDashboard(f, owner, business.id)).onboarding;
      expect(await steps()).toEqual({
        done: { register: true, verification: false, product: false, location: false, batch: false, labels: false },
        firstBatchId: null,
      });

      // A pending business prepares its catalogue while it waits.
      const product = await createProduct(f, owner, business.id);
      await createLocation(f, owner, business.id);
      expect((await steps()).done).toEqual({
        register: true,
        verification: false,
        product: true,
        location: true,
        batch: false,
        labels: false,
      });

      expect((await f.http.post(`/api/businesses/${business.id}/verify`, undefined, { token: admin.token })).status).toBeLessThan(300);
      const first = await createBatch(f, owner, product.id);
      await createBatch(f, owner, product.id);
      expect(await steps()).toEqual({
        done: { register: true, verification: true, product: true, location: true, batch: true, labels: false },
        firstBatchId: first.id,
      });

      // Printing a sheet of labels is the last step; the trail keeps who printed what.
      expect((await f.http.get(`/api/batches/${first.id}/labels.pdf?count=4`, { token: owner.token })).status).toBe(200);
      expect((await steps()).done.labels).toBe(true);
      expect(
        await sql(t, `SELECT business_id, target_id, details FROM audit_log WHERE action = 'batch.labels_print' AND user_id = $1`, [
          owner.id,
        ]),
      ).toEqual([{ business_id: business.id, target_id: first.id, details: { template: expect.any(String), count: 4 } }]);
    });

    it('counts a scanned code as labels out in the world, for businesses that printed them before the portal kept track', async () => {
      const scanned = await createProducer(f, await createUser(f, { role: 'admin' }));
      const batch = await createBatch(f, scanned.owner, scanned.product.id);
      expect((await getDashboard(f, scanned.owner, scanned.business.id)).onboarding.done.labels).toBe(false);
      await scanBatch(f, batch);
      expect((await getDashboard(f, scanned.owner, scanned.business.id)).onboarding.done).toEqual({
        register: true,
        verification: true,
        product: true,
        location: true,
        batch: true,
        labels: true,
      });
    });

    it('answers 404 for a business that does not exist or an id that is not one', async () => {
      expectApiError(
        await f.http.get('/api/businesses/00000000-0000-4000-8000-000000000000/dashboard', { token: inspector.token }),
        404,
        'BUSINESS_NOT_FOUND',
      );
      expectApiError(await f.http.get('/api/businesses/not-an-id/dashboard', { token: inspector.token }), 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/batches/:id/scans', () => {
    it('gives the total, the last 7 days and the first and last scan', async () => {
      await scanBatch(f, quiet, 2);
      const response = await f.http.get<BatchScansView>(`/api/batches/${quiet.id}/scans`, { token: grower.owner.token });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ batchId: quiet.id, total: 2 });
      expect(response.body.lastSevenDays).toHaveLength(7);
      expect(response.body.lastSevenDays[6]).toEqual({ date: vietnamDate(), count: 2 });
      expect(Date.parse(response.body.firstScanAt!)).toBeLessThanOrEqual(Date.parse(response.body.lastScanAt!));
      expect(Date.now() - Date.parse(response.body.lastScanAt!)).toBeLessThan(60_000);
    });

    it('is empty for a batch never scanned', async () => {
      const batch = await createBatch(f, grower.owner, grower.product.id);
      const response = await f.http.get<BatchScansView>(`/api/batches/${batch.id}/scans`, { token: grower.owner.token });
      expect(response.body).toMatchObject({ total: 0, firstScanAt: null, lastScanAt: null });
      expect(response.body.lastSevenDays.every((d) => d.count === 0)).toBe(true);
    });

    it("is for the batch's business and inspectors, not for others", async () => {
      const path = `/api/batches/${fresh.id}/scans`;
      expectApiError(await f.http.get(path, { token: distributor.owner.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.get(path), 401, 'UNAUTHENTICATED');
      expect((await f.http.get(path, { token: inspector.token })).body.total).toBe(2);
      expectApiError(
        await f.http.get('/api/batches/00000000-0000-4000-8000-000000000000/scans', { token: inspector.token }),
        404,
        'BATCH_NOT_FOUND',
      );
    });
  });
});
