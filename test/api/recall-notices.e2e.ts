import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, NotificationView, Page, PublicBatchView, RecallReachView, RecallView } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProducer,
  createStaff,
  createUser,
  recordProcessing,
  shipAndReceive,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotAllTables, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What a recall tells the businesses it concerns, and what the inspector learns back: the reach
 * shown before confirming, the kind of problem in each reader's language, the notice as data with
 * the business's own lots, and an acknowledgement ("Đã nhận") kept with who and when.
 */
describe('recall notices and acknowledgements', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let farm: Producer, factory: Producer, shop: Producer, bystander: Producer;
  let oranges: BatchView, juice: BatchView, otherJuice: BatchView;
  let shopClerk: TestUser;

  const notices = async (p: { business: { id: string } }, who: TestUser, query = '') =>
    (await f.http.get<Page<NotificationView>>(`/api/businesses/${p.business.id}/notifications${query}`, { token: who.token })).body;
  const acknowledge = (businessId: string, noticeId: string, who: { token: string }) =>
    f.http.post<NotificationView>(`/api/businesses/${businessId}/notifications/${noticeId}/acknowledge`, undefined, { token: who.token });

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector', displayName: 'Thanh tra Hà Tĩnh' });
    [farm, factory, shop, bystander] = [
      await createProducer(f, admin, { business: { legalName: 'HTX Cam Hương Khê' } }),
      await createProducer(f, admin, { business: { legalName: 'Công ty Nước ép Đồng Lộc' } }),
      await createProducer(f, admin, { business: { legalName: 'Cửa hàng Sạch Hà Nội' } }),
      await createProducer(f, admin),
    ];
    oranges = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'CAM-01' });
    await shipAndReceive(f, farm.owner, factory, oranges.id);
    juice = await createBatch(f, factory.owner, factory.product.id, { lotCode: 'NUOC-01', unit: 'LTR' });
    otherJuice = await createBatch(f, factory.owner, factory.product.id, { lotCode: 'NUOC-02', unit: 'LTR' });
    await recordProcessing(f, factory.owner, {
      inputs: [{ batchId: oranges.id, quantity: 400, unit: 'KGM' }],
      outputs: [{ batchId: juice.id }],
    });
    await shipAndReceive(f, factory.owner, shop, juice.id);
    shopClerk = await createStaff(f, shop.owner, shop.business.id);
  });
  afterAll(async () => t?.close());

  describe('GET /api/batches/:id/recall/preview', () => {
    it('lists the batches and businesses a recall would reach, each business with its own lots, and writes nothing', async () => {
      const before = await snapshotAllTables(t);
      const preview = await f.http.get<RecallReachView>(`/api/batches/${oranges.id}/recall/preview`, { token: inspector.token });
      expect(preview.status).toBe(200);
      expect(await snapshotAllTables(t)).toEqual(before);
      expect(preview.body.batch).toMatchObject({ batchId: oranges.id, lotCode: 'CAM-01', businessName: 'HTX Cam Hương Khê' });
      expect(preview.body.affected.map((a) => [a.lotCode, a.depth])).toEqual([['NUOC-01', 1]]);
      const lotsOf = Object.fromEntries(preview.body.businesses.map((b) => [b.name, b.lots.map((l) => l.lotCode).sort()]));
      expect(lotsOf).toEqual({
        'HTX Cam Hương Khê': ['CAM-01'],
        'Công ty Nước ép Đồng Lộc': ['CAM-01', 'NUOC-01'],
        'Cửa hàng Sạch Hà Nội': ['NUOC-01'],
      });
    });

    it("is the recall's to see: the producer's owner yes, another business no, an unknown batch 404", async () => {
      expect((await f.http.get(`/api/batches/${oranges.id}/recall/preview`, { token: farm.owner.token })).status).toBe(200);
      expectApiError(await f.http.get(`/api/batches/${oranges.id}/recall/preview`, { token: bystander.owner.token }), 403, 'FORBIDDEN');
      expectApiError(
        await f.http.get(`/api/batches/00000000-0000-4000-8000-000000000000/recall/preview`, { token: inspector.token }),
        404,
        'BATCH_NOT_FOUND',
      );
    });
  });

  describe('POST /api/batches/:id/recall', () => {
    it('refuses a reason category outside the shared list', async () => {
      expectApiError(
        await f.http.post(
          `/api/batches/${oranges.id}/recall`,
          { severity: 'class_i', reasonCategory: 'bad-vibes', reason: 'x' },
          { token: inspector.token },
        ),
        400,
        'VALIDATION_FAILED',
        ['reasonCategory'],
      );
    });

    it('keeps the reason category, shown to consumers in their language beside the details as written', async () => {
      const recall = await f.http.post<RecallView>(
        `/api/batches/${oranges.id}/recall`,
        { severity: 'class_i', reasonCategory: 'contamination', reason: 'Phát hiện Salmonella trong mẫu kiểm nghiệm.' },
        { token: inspector.token },
      );
      expect(recall.status).toBe(201);
      expect(recall.body).toMatchObject({ reasonCategory: 'contamination', reason: 'Phát hiện Salmonella trong mẫu kiểm nghiệm.' });
      expect(await sql(t, `SELECT reason_category FROM recalls WHERE id = $1`, [recall.body.id])).toEqual([
        { reason_category: 'contamination' },
      ]);
      const downstream = await f.http.get<PublicBatchView>(`/api/public/batches/${juice.id}`);
      expect(downstream.body.recall).toMatchObject({ reasonCategory: 'contamination', severity: 'class_i' });
    });

    it('makes the category "other" for a client that sends none', async () => {
      const recall = await f.http.post<RecallView>(
        `/api/batches/${otherJuice.id}/recall`,
        { severity: 'class_iii', reason: 'Nhãn in sai hạn sử dụng' },
        { token: factory.owner.token },
      );
      expect(recall.status).toBe(201);
      expect(recall.body.reasonCategory).toBe('other');
      expect(await sql(t, `SELECT reason_category FROM recalls WHERE id = $1`, [recall.body.id])).toEqual([{ reason_category: 'other' }]);
      expect((await f.http.get<PublicBatchView>(`/api/public/batches/${otherJuice.id}`)).body.recall?.reasonCategory).toBe('other');
    });
  });

  describe('a recall notice', () => {
    it('ends its sentences with one full stop, whether the reason has one or not', async () => {
      const [notice] = (await notices(shop, shop.owner)).items;
      expect(notice!.body.vi).toContain('Lý do: Nhiễm bẩn (vi sinh vật, hóa chất, tồn dư): Phát hiện Salmonella trong mẫu kiểm nghiệm. Lô');
      expect(notice!.body.en).toContain(
        'Reason: Contamination (microbial, chemical, residues): Phát hiện Salmonella trong mẫu kiểm nghiệm. Your',
      );
      for (const text of [notice!.body.vi, notice!.body.en]) expect(text).not.toMatch(/\.\./);
      // A reason of kind "other" reads as its details alone, given their full stop.
      const own = (await notices(factory, factory.owner)).items.find((n) => n.batchId === otherJuice.id);
      expect(own!.body.vi).toContain('Lý do: Nhãn in sai hạn sử dụng. Lô hàng');
      expect(own!.body.en).toContain('Reason: Nhãn in sai hạn sử dụng. Your');
    });

    it("says, as data, the class, the reason and the business's own lots the recall concerns", async () => {
      const [notice] = (await notices(shop, shop.owner)).items;
      expect(notice).toMatchObject({ kind: 'recall', batchId: oranges.id });
      expect(notice!.recall).toEqual({
        severity: 'class_i',
        reasonCategory: 'contamination',
        reason: 'Phát hiện Salmonella trong mẫu kiểm nghiệm.',
        recalledAt: expect.any(String),
        liftedAt: null,
        batch: { batchId: oranges.id, lotCode: 'CAM-01', productName: farm.product.name },
        lots: [{ batchId: juice.id, lotCode: 'NUOC-01', productName: factory.product.name }],
        acknowledgedAt: null,
        acknowledgedBy: null,
      });
      const factoryLots = (await notices(factory, factory.owner, '?recallsInForce=true')).items.map((n) =>
        n.recall!.lots.map((l) => l.lotCode).sort(),
      );
      // The factory's own recall of NUOC-02, and the farm's recall reaching CAM-01 (received) and NUOC-01 (made from it).
      expect(factoryLots.sort()).toEqual([['CAM-01', 'NUOC-01'], ['NUOC-02']]);
    });
  });

  describe('POST /api/businesses/:businessId/notifications/:id/acknowledge', () => {
    it('is not done by reading the notice', async () => {
      const [notice] = (await notices(shop, shop.owner)).items;
      const read = await f.http.post(`/api/businesses/${shop.business.id}/notifications/${notice!.id}/read`, undefined, {
        token: shop.owner.token,
      });
      expect(read.status).toBe(204);
      const [after] = (await notices(shop, shop.owner)).items;
      expect(after!.readAt).not.toBeNull();
      expect(after!.recall!.acknowledgedAt).toBeNull();
    });

    it("is refused to another business's members and to API keys, whichever path they take", async () => {
      const [notice] = (await notices(shop, shop.owner)).items;
      expectApiError(await acknowledge(shop.business.id, notice!.id, bystander.owner), 403, 'FORBIDDEN');
      expectApiError(await acknowledge(bystander.business.id, notice!.id, bystander.owner), 404, 'NOTIFICATION_NOT_FOUND');
      const key = await createApiKey(f, shop.owner, shop.business.id, { scopes: ['capture', 'read'] });
      expect([401, 403]).toContain((await acknowledge(shop.business.id, notice!.id, key)).status);
      expect(await sql(t, `SELECT acknowledged_at FROM notifications WHERE id = $1`, [notice!.id])).toEqual([{ acknowledged_at: null }]);
    });

    it('keeps who acknowledged and when, audited once; acknowledging again changes nothing', async () => {
      const [notice] = (await notices(shop, shopClerk)).items;
      const first = await acknowledge(shop.business.id, notice!.id, shopClerk);
      expect(first.status).toBe(200);
      expect(first.body.recall).toMatchObject({ acknowledgedAt: expect.any(String), acknowledgedBy: shopClerk.email.split('@')[0] });
      const [row] = await sql<{ acknowledged_by: string; acknowledged_at: Date }>(
        t,
        `SELECT acknowledged_by, acknowledged_at FROM notifications WHERE id = $1`,
        [notice!.id],
      );
      expect(row!.acknowledged_by).toBe(shopClerk.id);
      expect(row!.acknowledged_at.toISOString()).toBe(first.body.recall!.acknowledgedAt);

      const again = await acknowledge(shop.business.id, notice!.id, shop.owner);
      expect(again.status).toBe(200);
      expect(again.body.recall).toMatchObject({
        acknowledgedAt: first.body.recall!.acknowledgedAt,
        acknowledgedBy: shopClerk.email.split('@')[0],
      });
      const audit = await sql<{ user_id: string; business_id: string; target_id: string; details: object }>(
        t,
        `SELECT user_id, business_id, target_id, details FROM audit_log WHERE action = 'recall.acknowledge'`,
      );
      expect(audit).toEqual([
        { user_id: shopClerk.id, business_id: shop.business.id, target_id: notice!.recallId, details: { notificationId: notice!.id } },
      ]);
    });

    it('is for recall notices only', async () => {
      // The clerk joining told the shop's owner: a membership notice, nothing to acknowledge.
      const membership = (await notices(shop, shop.owner)).items.find((n) => n.kind === 'membership');
      expect(membership?.recall).toBeNull();
      expectApiError(await acknowledge(shop.business.id, membership!.id, shop.owner), 409, 'CONFLICT');
    });

    it("shows the inspector each business told, with the business's acknowledgement or none yet", async () => {
      const [notice] = (await notices(shop, shop.owner)).items;
      const recall = await f.http.get<RecallView>(`/api/recalls/${notice!.recallId}`, { token: inspector.token });
      const told = Object.fromEntries(recall.body.notifiedBusinesses.map((b) => [b.name, [b.acknowledgedBy, b.acknowledgedAt !== null]]));
      expect(told).toEqual({
        'Cửa hàng Sạch Hà Nội': [shopClerk.email.split('@')[0], true],
        'Công ty Nước ép Đồng Lộc': [null, false],
        'HTX Cam Hương Khê': [null, false],
      });
      const list = await f.http.get<Page<RecallView>>('/api/recalls', { token: inspector.token });
      const counts = list.body.items.map((r) => [
        r.lotCode,
        r.notifiedBusinesses.filter((b) => b.acknowledgedAt).length,
        r.notifiedBusinesses.length,
      ]);
      expect(counts).toEqual([
        ['NUOC-02', 0, 1],
        ['CAM-01', 1, 3],
      ]);
    });
  });
});
