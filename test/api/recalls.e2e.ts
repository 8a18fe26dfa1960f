import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, CreatedWebhook, NotificationView, Page, PublicBatchView, RecallView } from '@nguon/shared';
import {
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
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { webhookReceiver } from '../support/webhook-receiver.js';

/**
 * Oranges from a farm go to a juice factory, which presses them with another farm's lot; the
 * juice goes to a shop. The farm's lot is recalled: the juice is downstream, the factory and the
 * shop are told, the other farm is not.
 */
describe('recalls', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser, inspector: TestUser;
  let farm: Producer, otherFarm: Producer, factory: Producer, shop: Producer, bystander: Producer;
  let oranges: BatchView, otherOranges: BatchView, juice: BatchView;

  const publicView = async (batch: BatchView) => (await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`)).body;
  const notices = async (p: Producer) =>
    (await f.http.get<Page<NotificationView>>(`/api/businesses/${p.business.id}/notifications`, { token: p.owner.token })).body;

  beforeAll(async () => {
    // The receivers listen on this machine, which webhooks may not reach unless the operator allows it.
    t = await startTestApp({ env: { OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    [farm, otherFarm, factory, shop, bystander] = [
      await createProducer(f, admin),
      await createProducer(f, admin),
      await createProducer(f, admin),
      await createProducer(f, admin),
      await createProducer(f, admin),
    ];
    oranges = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'CAM-01' });
    otherOranges = await createBatch(f, otherFarm.owner, otherFarm.product.id, { lotCode: 'CAM-02' });
    await shipAndReceive(f, farm.owner, factory, oranges.id);
    await shipAndReceive(f, otherFarm.owner, factory, otherOranges.id);
    juice = await createBatch(f, factory.owner, factory.product.id, { lotCode: 'NUOC-EP-01', unit: 'LTR' });
    await recordProcessing(f, factory.owner, {
      inputs: [oranges, otherOranges].map((o) => ({ batchId: o.id, quantity: 400, unit: 'KGM' as const })),
      outputs: [{ batchId: juice.id }],
    });
    await shipAndReceive(f, factory.owner, shop, juice.id);
  });
  afterAll(async () => t?.close());

  it("refuses a recall from anyone but an inspector, an administrator or the batch's owner", async () => {
    const body = { severity: 'class_i', reason: 'Nhiễm khuẩn' };
    expectApiError(await f.http.post(`/api/batches/${oranges.id}/recall`, body), 401, 'UNAUTHENTICATED');
    expectApiError(await f.http.post(`/api/batches/${oranges.id}/recall`, body, { token: bystander.owner.token }), 403, 'FORBIDDEN');
    // The factory holds the oranges but did not make them.
    expectApiError(await f.http.post(`/api/batches/${oranges.id}/recall`, body, { token: factory.owner.token }), 403, 'FORBIDDEN');
    const staff = await createStaff(f, farm.owner, farm.business.id);
    expectApiError(await f.http.post(`/api/batches/${oranges.id}/recall`, body, { token: staff.token }), 403, 'FORBIDDEN');
    expect(await countRows(t, 'recalls')).toBe(0);
  });

  it('says what is wrong with a recall request', async () => {
    const error = expectApiError(
      await f.http.post(`/api/batches/${oranges.id}/recall`, { severity: 'urgent' }, { token: inspector.token }),
      400,
      'VALIDATION_FAILED',
      ['severity', 'reason'],
    );
    expect(error.message).toBeTruthy();
    // A reason of spaces tells consumers nothing.
    expectApiError(
      await f.http.post(`/api/batches/${oranges.id}/recall`, { severity: 'class_i', reason: '   ' }, { token: inspector.token }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    expectApiError(
      await f.http.post(
        `/api/batches/00000000-0000-4000-8000-000000000000/recall`,
        { severity: 'class_i', reason: 'x' },
        { token: inspector.token },
      ),
      404,
      'BATCH_NOT_FOUND',
    );
  });

  it('recalls a batch: downstream flagged, banners at once, a recalled event, notices and signed webhooks', async () => {
    const factoryHook = await webhookReceiver();
    const created = await f.http.post<CreatedWebhook>(
      `/api/businesses/${factory.business.id}/webhooks`,
      { url: factoryHook.url },
      { token: factory.owner.token },
    );
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    // Pages are cached before the recall: they must change at once anyway.
    expect((await publicView(juice)).recall).toBeNull();
    const delivery = factoryHook.next();

    const response = await f.http.post<RecallView>(
      `/api/batches/${oranges.id}/recall`,
      { severity: 'class_i', reason: 'Dư lượng thuốc bảo vệ thực vật vượt ngưỡng' },
      { token: inspector.token },
    );
    expect(response.status).toBe(201);
    const recall = response.body;
    expect(recall).toMatchObject({ batchId: oranges.id, lotCode: 'CAM-01', severity: 'class_i', liftedAt: null });
    expect(recall.affected.map((a) => [a.lotCode, a.depth])).toEqual([['NUOC-EP-01', 1]]);
    expect(recall.notifiedBusinesses.map((b) => b.id).sort()).toEqual([farm.business.id, factory.business.id, shop.business.id].sort());

    const own = await publicView(oranges);
    expect(own.status).toBe('recalled');
    expect(own.recall).toMatchObject({ severity: 'class_i', reason: 'Dư lượng thuốc bảo vệ thực vật vượt ngưỡng', source: null });
    const downstream = await publicView(juice);
    expect(downstream.recall).toMatchObject({ severity: 'class_i', source: { id: oranges.id, lotCode: 'CAM-01' } });
    expect((await publicView(otherOranges)).recall).toBeNull();

    const [event] = await sql<{ disposition: string; business_id: string }>(
      t,
      `SELECT e.disposition, e.business_id FROM events e JOIN event_batches eb ON eb.event_id = e.id WHERE eb.batch_id = $1 AND e.disposition = 'recalled'`,
      [oranges.id],
    );
    expect(event).toEqual({ disposition: 'recalled', business_id: farm.business.id });
    const integrity = await f.http.get(`/api/batches/${oranges.id}/integrity`);
    expect(integrity.body.verified).toBe(true);

    const shopNotices = await notices(shop);
    expect(shopNotices.items).toHaveLength(1);
    expect(shopNotices.items[0]).toMatchObject({ kind: 'recall', recallId: recall.id, batchId: oranges.id, readAt: null });
    expect(shopNotices.items[0]!.body.vi).toContain('NUOC-EP-01');
    expect((await notices(otherFarm)).items).toHaveLength(0);
    expect((await notices(bystander)).items).toHaveLength(0);

    const sent = await delivery;
    expect(sent.headers['x-nguon-event']).toBe('recall.created');
    const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(sent.headers['x-nguon-signature']))!;
    expect(createHmac('sha256', created.body.secret).update(`${timestamp}.${sent.body}`).digest('hex')).toBe(mac);
    const payload = JSON.parse(sent.body);
    expect(payload).toMatchObject({ type: 'recall.created', recall: { id: recall.id, severity: 'class_i', batch: { lotCode: 'CAM-01' } } });
    expect(payload.yourBatches.map((b: { lotCode: string }) => b.lotCode).sort()).toEqual(['CAM-01', 'NUOC-EP-01']);
    await factoryHook.close();

    const audit = await sql<{ action: string }>(t, `SELECT action FROM audit_log WHERE target_id = $1 AND action = 'batch.recall'`, [
      oranges.id,
    ]);
    expect(audit).toHaveLength(1);
    expectApiError(
      await f.http.post(`/api/batches/${oranges.id}/recall`, { severity: 'class_ii', reason: 'again' }, { token: inspector.token }),
      409,
      'ALREADY_RECALLED',
    );
  });

  it('refuses to ship a recalled batch, and lets a notice be marked read by its business only', async () => {
    expectApiError(
      await f.http.post(
        `/api/batches/${oranges.id}/events`,
        { stage: 'shipping', destinationName: 'Chợ Hà Tĩnh' },
        { token: factory.owner.token },
      ),
      422,
      'BATCH_RECALLED',
    );
    const [notice] = (await notices(shop)).items;
    expectApiError(
      await f.http.post(`/api/businesses/${bystander.business.id}/notifications/${notice!.id}/read`, undefined, {
        token: bystander.owner.token,
      }),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    expect(
      (await f.http.post(`/api/businesses/${shop.business.id}/notifications/${notice!.id}/read`, undefined, { token: shop.owner.token }))
        .status,
    ).toBe(204);
    const unread = await f.http.get<Page<NotificationView>>(`/api/businesses/${shop.business.id}/notifications?unread=true`, {
      token: shop.owner.token,
    });
    expect(unread.body.total).toBe(0);
  });

  it("keeps an inspector's recall out of the owner's hands, and lifts it for an inspector", async () => {
    expectApiError(
      await f.http.post(`/api/batches/${oranges.id}/recall/lift`, { reason: 'Đã xử lý' }, { token: farm.owner.token }),
      403,
      'FORBIDDEN',
    );
    const lifted = await f.http.post<RecallView>(
      `/api/batches/${oranges.id}/recall/lift`,
      { reason: 'Mẫu kiểm lại đạt' },
      { token: inspector.token },
    );
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ liftReason: 'Mẫu kiểm lại đạt', liftedAt: expect.any(String) });
    expect((await publicView(oranges)).recall).toBeNull();
    expect((await publicView(juice)).recall).toBeNull();
    expect((await notices(shop)).items.map((n) => n.kind)).toEqual(['recall_lifted', 'recall']);
    expectApiError(
      await f.http.post(`/api/batches/${oranges.id}/recall/lift`, { reason: 'again' }, { token: inspector.token }),
      404,
      'RECALL_NOT_FOUND',
    );
    const [active] = await sql<{ disposition: string }>(
      t,
      `SELECT e.disposition FROM events e JOIN event_batches eb ON eb.event_id = e.id WHERE eb.batch_id = $1 ORDER BY e.record_time DESC LIMIT 1`,
      [oranges.id],
    );
    expect(active!.disposition).toBe('active');
  });

  it('lets an owner recall and lift its own batch, and lists recalls for inspectors only', async () => {
    const recalled = await f.http.post<RecallView>(
      `/api/batches/${otherOranges.id}/recall`,
      { severity: 'class_iii', reason: 'Nhãn sai hạn dùng' },
      { token: otherFarm.owner.token },
    );
    expect(recalled.status).toBe(201);
    expect(
      (await f.http.post(`/api/batches/${otherOranges.id}/recall/lift`, { reason: 'Đã in lại nhãn' }, { token: otherFarm.owner.token }))
        .status,
    ).toBe(200);
    const list = await f.http.get<Page<RecallView>>('/api/recalls', { token: inspector.token });
    expect(list.body.items.map((r) => r.lotCode)).toEqual(['CAM-02', 'CAM-01']);
    expectApiError(await f.http.get('/api/recalls', { token: farm.owner.token }), 403, 'FORBIDDEN');
    expect((await f.http.get<RecallView>(`/api/recalls/${recalled.body.id}`, { token: admin.token })).body.recalledBy).toBe(
      otherFarm.owner.email.split('@')[0],
    );
  });

  it('keeps a delivery for later when the receiver fails, and owners manage webhooks', async () => {
    const failing = await webhookReceiver(500);
    const hook = await f.http.post<CreatedWebhook>(
      `/api/businesses/${shop.business.id}/webhooks`,
      { url: failing.url },
      { token: shop.owner.token },
    );
    const attempt = failing.next();
    await f.http.post(`/api/batches/${juice.id}/recall`, { severity: 'class_ii', reason: 'Bao bì phồng' }, { token: inspector.token });
    await attempt;
    await failing.close();
    // The failure is written after the answer reaches the receiver: wait for it to land.
    let row: { status: string; attempts: number; last_status: number | null } | undefined;
    for (let i = 0; i < 50 && row?.last_status !== 500; i++) {
      [row] = await sql(t, `SELECT status, attempts, last_status FROM webhook_deliveries WHERE webhook_id = $1`, [hook.body.id]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(row).toEqual({ status: 'pending', attempts: 1, last_status: 500 });
    const retry = await sql<{ later: boolean }>(
      t,
      `SELECT next_attempt_at > now() + interval '20 seconds' AS later FROM webhook_deliveries WHERE webhook_id = $1`,
      [hook.body.id],
    );
    expect(retry).toEqual([{ later: true }]);

    expectApiError(
      await f.http.post(`/api/businesses/${shop.business.id}/webhooks`, { url: 'ftp://example.test/x' }, { token: shop.owner.token }),
      400,
      'VALIDATION_FAILED',
      ['url'],
    );
    expectApiError(await f.http.get(`/api/businesses/${shop.business.id}/webhooks`, { token: factory.owner.token }), 403, 'FORBIDDEN');
    const listed = await f.http.get(`/api/businesses/${shop.business.id}/webhooks`, { token: shop.owner.token });
    // The owner sees that it failed and will be retried, not the receiver's status.
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: hook.body.id,
        lastDelivery: { status: 'failed', attempts: 1, at: expect.any(String), nextAttemptAt: expect.any(String) },
      }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(hook.body.secret);
    expect(
      (await f.http.request('DELETE', `/api/businesses/${shop.business.id}/webhooks/${hook.body.id}`, { token: shop.owner.token })).status,
    ).toBe(204);
    expect((await sql(t, `SELECT status FROM webhook_deliveries WHERE webhook_id = $1`, [hook.body.id]))[0]).toEqual({ status: 'failed' });
  });
});
