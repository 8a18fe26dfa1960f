import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchListItem, BatchView, Page } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProduct,
  createProducer,
  createStaff,
  createUser,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { vietnamDate } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe("GET /api/businesses/:id/batches: a business's batches, filtered", () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let grower: Producer;
  let other: Producer;
  let honeyProductId: string;
  /** Oldest first: the list shows them newest first. */
  let pomelo: BatchView;
  let winter: BatchView;
  let honey: BatchView;

  const list = (who: { token: string }, query = '', businessId = grower.business.id) =>
    f.http.get<Page<BatchListItem>>(`/api/businesses/${businessId}/batches${query}`, { token: who.token });
  const lots = async (query: string) => {
    const response = await list(grower.owner, query);
    expect(response.status).toBe(200);
    return response.body.items.map((b) => b.lotCode);
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    grower = await createProducer(f, admin, { product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' } } });
    other = await createProducer(f, admin);
    honeyProductId = (
      await createProduct(f, grower.owner, grower.business.id, { name: { vi: 'Mật ong Vũ Quang', en: 'Vu Quang honey' }, unit: 'LTR' })
    ).id;
    pomelo = await createBatch(f, grower.owner, grower.product.id, { lotCode: 'PT-2026-01', productionDate: vietnamDate(-3) });
    winter = await createBatch(f, grower.owner, grower.product.id, {
      lotCode: 'PT-2026-02',
      displayName: 'Bưởi vụ đông Hương Khê',
      productionDate: vietnamDate(-2),
    });
    honey = await createBatch(f, grower.owner, honeyProductId, { lotCode: 'MO_2026/1', productionDate: vietnamDate(-1), unit: 'LTR' });
    await createBatch(f, other.owner, other.product.id, { lotCode: 'PT-2026-03' });
  });
  afterAll(async () => t?.close());

  it("lists only the business's batches, newest first, with product name and last event time", async () => {
    const response = await list(grower.owner);
    expect(response.body.total).toBe(3);
    expect(response.body.items.map((b) => b.id)).toEqual([honey.id, winter.id, pomelo.id]);
    expect(response.body.items[2]).toMatchObject({ ...pomelo, productName: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' } });
    // Its only event so far: its creation, stamped when it was recorded (its production date is its data).
    expect(Date.now() - Date.parse(response.body.items[2]!.lastEventAt!)).toBeLessThan(120_000);
  });

  it('takes the time of the latest event as the last event', async () => {
    const packing = await recordStage(f, grower.owner, pomelo.id, { stage: 'packing' });
    const [row] = (await list(grower.owner, `?q=${pomelo.lotCode}`)).body.items;
    expect(row!.lastEventAt).toBe(packing.eventTime);
  });

  it('pages with limit and offset, counting every match', async () => {
    const page = (await list(grower.owner, '?limit=2&offset=2')).body;
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.items.map((b) => b.id)).toEqual([pomelo.id]);
  });

  it('filters by product', async () => {
    expect(await lots(`?productId=${honeyProductId}`)).toEqual(['MO_2026/1']);
    expect(await lots(`?productId=${other.product.id}`)).toEqual([]);
  });

  it('filters by status', async () => {
    expect(await lots('?status=active')).toHaveLength(3);
    // Statuses change through holds and recalls; here the row is set directly.
    await sql(t, `UPDATE batches SET status = 'on_hold' WHERE id = $1`, [honey.id]);
    expect(await lots('?status=on_hold')).toEqual(['MO_2026/1']);
    expect(await lots('?status=active')).toEqual(['PT-2026-02', 'PT-2026-01']);
    expect(await lots('?status=recalled')).toEqual([]);
  });

  it('searches lot codes, batch names and product names, with or without diacritics', async () => {
    expect(await lots('?q=pt-2026-02')).toEqual(['PT-2026-02']);
    expect(await lots(`?q=${encodeURIComponent('vu dong')}`)).toEqual(['PT-2026-02']);
    expect(await lots(`?q=${encodeURIComponent('Hương Khê')}`)).toEqual(['PT-2026-02']);
    expect(await lots('?q=buoi')).toEqual(['PT-2026-02', 'PT-2026-01']);
    expect(await lots('?q=honey')).toEqual(['MO_2026/1']);
    // LIKE wildcards are matched as themselves.
    expect(await lots('?q=_2026')).toEqual(['MO_2026/1']);
    expect(await lots('?q=%25')).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await lots(`?q=2026&productId=${grower.product.id}&status=active&limit=1`)).toEqual(['PT-2026-02']);
  });

  it('refuses filters it cannot read with field errors', async () => {
    expectApiError(await list(grower.owner, '?status=lost'), 400, 'VALIDATION_FAILED', ['status']);
    expectApiError(await list(grower.owner, '?productId=abc'), 400, 'VALIDATION_FAILED', ['productId']);
    expectApiError(await list(grower.owner, `?q=${'x'.repeat(101)}`), 400, 'VALIDATION_FAILED', ['q']);
    expectApiError(await list(grower.owner, '?limit=0'), 400, 'VALIDATION_FAILED', ['limit']);
  });

  it("is for the business's members, its read keys and inspectors; others get 403, strangers 401", async () => {
    const staff = await createStaff(f, grower.owner, grower.business.id);
    const key = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['read'] });
    expect((await list(staff)).body.total).toBe(3);
    expect((await list(key)).body.total).toBe(3);
    expect((await list(inspector)).body.total).toBe(3);
    expectApiError(await list(other.owner), 403, 'FORBIDDEN');
    expectApiError(await f.http.get(`/api/businesses/${grower.business.id}/batches`), 401, 'UNAUTHENTICATED');
    expectApiError(await list(inspector, '', '00000000-0000-4000-8000-000000000000'), 404, 'BUSINESS_NOT_FOUND');
  });
});
