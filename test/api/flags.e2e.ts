import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PNG } from 'pngjs';
import type { BatchView, FlagCounts, FlagScanResult, FlagView, Page } from '@nguon/shared';
import {
  createBatch,
  createProducer,
  createUser,
  recordProcessing,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows } from '../support/db.js';
import { behindTheAppsBack } from '../factories/inspector.js';
import { scanBatch } from '../factories/lots.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const TINY_PNG = PNG.sync.write(new PNG({ width: 2, height: 2 })).toString('base64');

/**
 * A farm, a factory and a shop whose records are complete except for the anomalies planted here:
 * the checks must find exactly those.
 */
describe('flags and consumer reports', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let farm: Producer, factory: Producer, shop: Producer;
  let lost: BatchView, delivered: BatchView, recent: BatchView, swollen: BatchView, sloppy: BatchView, copied: BatchView;
  let late: BatchView, oversold: BatchView;

  /** A stage with everything its kind requires: place and quantity. */
  const stage = (p: Producer, batch: BatchView, body: Record<string, unknown>) =>
    recordStage(f, p.owner, batch.id, { locationId: p.location.id, quantity: 100, unit: 'KGM', ...body } as never);
  const flags = async (query = '') => (await f.http.get<Page<FlagView>>(`/api/flags${query}`, { token: inspector.token })).body;
  const scan = async () => (await f.http.post<FlagScanResult>('/api/flags/scan', undefined, { token: inspector.token })).body;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    [farm, factory, shop] = [await createProducer(f, admin), await createProducer(f, admin), await createProducer(f, admin)];
    const batch = (lotCode: string) =>
      createBatch(f, farm.owner, farm.product.id, { lotCode, locationId: farm.location.id, eventTime: hoursAgo(300) });
    lost = await batch('LOST');
    delivered = await batch('DELIVERED');
    recent = await batch('RECENT');
    swollen = await batch('SWOLLEN');
    sloppy = await batch('SLOPPY');
    copied = await batch('COPIED');
    late = await batch('LATE');
    oversold = await batch('OVERSOLD');

    const lostShipping = await stage(farm, lost, {
      stage: 'shipping',
      destinationBusinessId: factory.business.id,
      eventTime: hoursAgo(100),
    });
    // Recorded 100 hours ago too: the receiver has had its time (the rows are moved: the clock cannot be).
    await behindTheAppsBack(t, [`UPDATE events SET record_time = now() - interval '100 hours' WHERE id = '${lostShipping.id}'`]);
    // Shipped 100 hours ago but recorded just now: the receiver has not had its time yet.
    await stage(farm, late, { stage: 'shipping', destinationBusinessId: factory.business.id, eventTime: hoursAgo(100) });
    // 1000 kg registered, 1500 kg shipped, the farm having confirmed saving it anyway.
    await stage(farm, oversold, {
      stage: 'shipping',
      destinationName: 'Chợ Vinh',
      quantity: 1500,
      overrideMassBalance: true,
      bizTransactions: [{ type: 'desadv', id: 'PX-1' }],
    });
    await stage(farm, delivered, { stage: 'shipping', destinationBusinessId: shop.business.id, eventTime: hoursAgo(100) });
    await stage(shop, delivered, { stage: 'receiving', eventTime: hoursAgo(90) });
    await stage(farm, recent, { stage: 'shipping', destinationBusinessId: factory.business.id, eventTime: hoursAgo(2) });
    // 100 kg of oranges in, 150 kg out.
    const own = await createBatch(f, farm.owner, farm.product.id, {
      lotCode: 'JAM',
      locationId: farm.location.id,
      eventTime: hoursAgo(300),
    });
    await recordProcessing(f, farm.owner, {
      locationId: farm.location.id,
      eventTime: hoursAgo(50),
      inputs: [{ batchId: swollen.id, quantity: 100, unit: 'KGM' }],
      outputs: [{ batchId: own.id, quantity: 150, unit: 'KGM' }],
    });
    // A harvest recorded with neither place nor quantity.
    await recordStage(f, farm.owner, sloppy.id, { stage: 'harvesting', eventTime: hoursAgo(60) });
    // The same code opened by one phone in Hà Tĩnh and by another in Hồ Chí Minh City.
    const [inHaTinh] = await scanBatch(f, copied);
    await f.http.post(`/api/public/batches/${copied.id}/scan-place`, {
      scanToken: inHaTinh!.scanToken,
      latitude: 18.3428,
      longitude: 105.9057,
    });
    const [inSaigon] = await scanBatch(f, copied);
    await f.http.post(`/api/public/batches/${copied.id}/scan-place`, {
      scanToken: inSaigon!.scanToken,
      latitude: 10.7769,
      longitude: 106.7009,
    });
  });
  afterAll(async () => t?.close());

  it('finds exactly the planted anomalies, once', async () => {
    const result = await scan();
    expect(result.raised).toEqual({
      unreceived_shipment: 1,
      outputs_exceed_inputs: 1,
      missing_data: 1,
      consumer_report: 0,
      improbable_scans: 1,
      mass_balance_exceeded: 1,
    });
    const found = (await flags()).items;
    expect(found.map((flag) => [flag.kind, flag.batch?.lotCode]).sort()).toEqual([
      ['improbable_scans', 'COPIED'],
      ['mass_balance_exceeded', 'OVERSOLD'],
      ['missing_data', 'SLOPPY'],
      ['outputs_exceed_inputs', 'JAM'],
      ['unreceived_shipment', 'LOST'],
    ]);
    expect(found.find((flag) => flag.kind === 'mass_balance_exceeded')!.summary.vi).toMatch(/đã xuất 1\.500 kg .* chỉ có 1\.000 kg/);
    const missing = found.find((flag) => flag.kind === 'missing_data')!;
    expect(missing.summary.en).toMatch(/harvesting event of batch SLOPPY lacks: location, quantity/);
    expect(missing.summary.vi).toMatch(/thiếu: địa điểm, số lượng/);
    expect(found.find((flag) => flag.kind === 'unreceived_shipment')!.business?.id).toBe(factory.business.id);
    expect(found.find((flag) => flag.kind === 'improbable_scans')!.summary.en).toMatch(/2 places up to \d{3} km apart/);
    expect((await scan()).raised).toEqual({
      unreceived_shipment: 0,
      outputs_exceed_inputs: 0,
      missing_data: 0,
      consumer_report: 0,
      improbable_scans: 0,
      mass_balance_exceeded: 0,
    });
  });

  it('keeps only a coarse place for a scan, and only for a scan just made', async () => {
    const places = await t.app.database.dataSource.query(
      `SELECT latitude::text, longitude::text FROM scans WHERE batch_id = $1 ORDER BY id`,
      [copied.id],
    );
    expect(places).toEqual([
      { latitude: '18.3', longitude: '105.9' },
      { latitude: '10.8', longitude: '106.7' },
    ]);
    const [scan] = await scanBatch(f, copied);
    expectApiError(
      await f.http.post(`/api/public/batches/${copied.id}/scan-place`, { scanToken: scan!.scanToken, latitude: 95, longitude: 0 }),
      400,
      'VALIDATION_FAILED',
      ['latitude'],
    );
  });

  it("takes a consumer report with a photo into the inspector's queue", async () => {
    const sent = await f.http.post(`/api/public/batches/${delivered.id}/reports`, {
      category: 'counterfeit',
      message: 'Tem QR in mờ, vỏ hộp khác hàng mua trước đây',
      contact: '0912 345 678',
      photo: { contentType: 'image/png', base64: TINY_PNG },
    });
    expect(sent.status).toBe(201);
    const [flag] = (await flags('?kind=consumer_report')).items;
    expect(flag).toMatchObject({
      status: 'open',
      batch: { lotCode: 'DELIVERED' },
      business: { id: farm.business.id },
      report: { category: 'counterfeit', contact: '0912 345 678' },
    });
    const photo = await f.http.getBytes(flag!.report!.photoUrl!, { headers: { authorization: `Bearer ${inspector.token}` } });
    expect(photo.status).toBe(200);
    expect(photo.bytes.equals(Buffer.from(TINY_PNG, 'base64'))).toBe(true);
    expect((await f.http.getBytes(flag!.report!.photoUrl!)).status).toBe(401);
  });

  it('refuses a report it cannot use, storing nothing', async () => {
    const before = await countRows(t, 'consumer_reports');
    expectApiError(
      await f.http.post(`/api/public/batches/${delivered.id}/reports`, { category: 'rude', message: '' }),
      400,
      'VALIDATION_FAILED',
      ['category', 'message'],
    );
    expectApiError(
      await f.http.post(`/api/public/batches/${delivered.id}/reports`, {
        category: 'quality',
        message: 'Hỏng',
        photo: { contentType: 'image/jpeg', base64: TINY_PNG },
      }),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      ['photo.base64'],
    );
    for (const base64 of ['not base64!', `${TINY_PNG}=`, TINY_PNG.slice(1)]) {
      const refused = expectApiError(
        await f.http.post(
          `/api/public/batches/${delivered.id}/reports`,
          {
            category: 'quality',
            message: 'Hỏng',
            photo: { contentType: 'image/png', base64 },
          },
          { headers: { 'accept-language': 'vi' } },
        ),
        400,
        'VALIDATION_FAILED',
        ['photo.base64'],
      );
      expect(refused.fieldErrors?.['photo.base64']).toEqual(['photo.base64 phải được mã hóa base64']);
    }
    expectApiError(
      await f.http.post(`/api/public/batches/00000000-0000-4000-8000-000000000000/reports`, { category: 'quality', message: 'Hỏng' }),
      404,
      'BATCH_NOT_FOUND',
    );
    expect(await countRows(t, 'consumer_reports')).toBe(before);
  });

  it('lets an inspector work a flag through with notes, and nobody else', async () => {
    const [flag] = (await flags('?kind=unreceived_shipment')).items;
    const review = await f.http.request<FlagView>('PATCH', `/api/flags/${flag!.id}`, {
      token: inspector.token,
      body: { status: 'in_review', note: 'Đã gọi cho nhà máy' },
    });
    expect(review.status).toBe(200);
    expect(review.body.status).toBe('in_review');
    expect(review.body.notes).toEqual([expect.objectContaining({ status: 'in_review', text: 'Đã gọi cho nhà máy' })]);
    const closed = await f.http.request<FlagView>('PATCH', `/api/flags/${flag!.id}`, {
      token: inspector.token,
      body: { status: 'closed', note: 'Nhà máy quên ghi nhận hàng, đã bổ sung' },
    });
    expect(closed.body.notes.map((n) => n.status)).toEqual(['in_review', 'closed']);
    expect((await flags('?status=closed')).items.map((f) => f.id)).toEqual([flag!.id]);
    expectApiError(
      await f.http.request('PATCH', `/api/flags/${flag!.id}`, { token: inspector.token, body: {} }),
      400,
      'VALIDATION_FAILED',
      ['note'],
    );
    expectApiError(
      await f.http.request('PATCH', `/api/flags/${flag!.id}`, { token: inspector.token, body: { status: 'solved' } }),
      400,
      'VALIDATION_FAILED',
      ['status'],
    );
    expectApiError(
      await f.http.request('PATCH', `/api/flags/${flag!.id}`, { token: inspector.token, body: { status: null, note: null } }),
      400,
      'VALIDATION_FAILED',
      ['status', 'note'],
    );
    expectApiError(await f.http.get('/api/flags', { token: farm.owner.token }), 403, 'FORBIDDEN');
    expectApiError(await f.http.get('/api/flags'), 401, 'UNAUTHENTICATED');
    expectApiError(await f.http.get('/api/flags/00000000-0000-4000-8000-000000000000', { token: inspector.token }), 404, 'FLAG_NOT_FOUND');
  });

  it("counts the open flags and those in review for the inspector's navigation, for inspectors only", async () => {
    const counts = await f.http.get<FlagCounts>('/api/flags/counts', { token: inspector.token });
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({ open: (await flags('?status=open')).total, inReview: (await flags('?status=in_review')).total });
    expect(counts.body.open).toBeGreaterThan(0);

    const [open] = (await flags('?status=open')).items;
    await f.http.request('PATCH', `/api/flags/${open!.id}`, { token: inspector.token, body: { status: 'in_review' } });
    expect((await f.http.get<FlagCounts>('/api/flags/counts', { token: inspector.token })).body).toEqual({
      open: counts.body.open - 1,
      inReview: counts.body.inReview + 1,
    });
    expectApiError(await f.http.get('/api/flags/counts', { token: farm.owner.token }), 403, 'FORBIDDEN');
    expectApiError(await f.http.get('/api/flags/counts'), 401, 'UNAUTHENTICATED');
  });
});

describe('consumer reports are rate-limited', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('answers 429 once a client sends more reports a minute than allowed', async () => {
    t = await startTestApp({ env: { REPORT_RATE_LIMIT: '2' } });
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    const farm = await createProducer(f, admin);
    const batch = await createBatch(f, farm.owner, farm.product.id);
    const send = () => f.http.post(`/api/public/batches/${batch.id}/reports`, { category: 'quality', message: 'Quả bị dập' });
    expect([(await send()).status, (await send()).status]).toEqual([201, 201]);
    expectApiError(await send(), 429, 'RATE_LIMITED');
  });
});
