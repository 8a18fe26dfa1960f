import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventView, LocationView } from '@nguon/shared';
import { IdempotencyStore } from '../../server/src/common/idempotency/idempotency-store.js';
import {
  createApiKey,
  createBatch,
  createProducer,
  createStaff,
  createUser,
  recordStage,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Idempotency-Key on writes', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let grower: Producer;
  let distributor: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin);
    distributor = await createProducer(f, admin);
  });
  afterAll(async () => t?.close());

  /** A shipment from the grower to the distributor, waiting to be received. */
  async function shipment(): Promise<{ shippingId: string; batchId: string }> {
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const shipping = await recordStage(f, grower.owner, batch.id, {
      stage: 'shipping',
      destinationBusinessId: distributor.business.id,
      quantity: 100,
    });
    return { shippingId: shipping.id, batchId: batch.id };
  }
  const receipts = (batchId: string) =>
    countRows(t, `events e JOIN event_batches eb ON eb.event_id = e.id`, `eb.batch_id = $1 AND e.biz_step = 'receiving'`, [batchId]);
  const receive = (shippingId: string, key: string, who: Credential = distributor.owner, body: unknown = {}) =>
    f.http.post<EventView>(`/api/shipments/${shippingId}/receive`, body, { token: who.token, headers: { 'idempotency-key': key } });
  const addLocation = (key: string, name: string, who: Credential = grower.owner) =>
    f.http.post<LocationView>(
      `/api/businesses/${grower.business.id}/locations`,
      { kind: 'farm', name, address: 'Thôn 2', province: 'Hà Tĩnh' },
      { token: who.token, headers: { 'idempotency-key': key } },
    );
  const locationsNamed = (name: string) => countRows(t, 'locations', 'name = $1', [name]);

  it('answers the same key and request again with the stored answer, recording once', async () => {
    const { shippingId, batchId } = await shipment();
    const key = randomUUID();
    const first = await receive(shippingId, key);
    const again = await receive(shippingId, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await receipts(batchId)).toBe(1);
  });

  it('creates one location for a write sent twice, where nothing else would stop the second', async () => {
    const key = randomUUID();
    const name = `Vườn ${key}`;
    const first = await addLocation(key, name);
    const again = await addLocation(key, name);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect(await locationsNamed(name)).toBe(1);
  });

  it('lets one of two concurrent twins run and refuses or replays the other, recording once', async () => {
    const { shippingId, batchId } = await shipment();
    const key = randomUUID();
    const answers = await Promise.all([receive(shippingId, key), receive(shippingId, key), receive(shippingId, key)]);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body.id).toBe(created[0]!.body.id);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expectApiError(refused, 409, 'IDEMPOTENCY_KEY_IN_USE');
      expect(refused.headers.get('retry-after')).toBe('1');
    }
    expect(await receipts(batchId)).toBe(1);

    const name = `Vườn ${key}`;
    await Promise.all(Array.from({ length: 5 }, () => addLocation(key, name)));
    expect(await locationsNamed(name)).toBe(1);
  });

  it('refuses the same key on a different request with 422, and runs nothing', async () => {
    const key = randomUUID();
    const name = `Vườn ${key}`;
    expect((await addLocation(key, name)).status).toBe(201);
    expectApiError(await addLocation(key, `${name} khác`), 422, 'IDEMPOTENCY_KEY_REUSED');
    const { shippingId, batchId } = await shipment();
    expectApiError(await receive(shippingId, key, grower.owner), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await locationsNamed(`${name} khác`)).toBe(0);
    expect(await receipts(batchId)).toBe(0);
  });

  it('keeps keys apart per user and per API key', async () => {
    const key = randomUUID();
    const name = `Vườn ${key}`;
    const coOwner = await createStaff(f, grower.owner, grower.business.id, 'owner');
    expect((await addLocation(key, name)).status).toBe(201);
    const other = await addLocation(key, name, coOwner);
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await locationsNamed(name)).toBe(2);
    // The distributor's owner and its API key each use the key on a request of their own.
    const [first, second] = [await shipment(), await shipment()];
    const apiKey = await createApiKey(f, distributor.owner, distributor.business.id);
    expect((await receive(first.shippingId, key)).status).toBe(201);
    const byKey = await receive(second.shippingId, key, apiKey);
    expect(byKey.status).toBe(201);
    expect(byKey.headers.get('idempotent-replayed')).toBeNull();
    expect(await receipts(second.batchId)).toBe(1);
  });

  it('releases the key of a request that failed, so the corrected request runs under it', async () => {
    const key = randomUUID();
    const refused = await f.http.post(
      `/api/businesses/${grower.business.id}/locations`,
      { kind: 'farm' },
      { token: grower.owner.token, headers: { 'idempotency-key': key } },
    );
    expectApiError(refused, 400, 'VALIDATION_FAILED');
    expect((await addLocation(key, `Vườn ${key}`)).status).toBe(201);
  });

  it('forgets a key after a day: on reuse, and in the periodic sweep', async () => {
    const key = randomUUID();
    const name = `Vườn ${key}`;
    expect((await addLocation(key, name)).status).toBe(201);
    await sql(t, `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const later = await addLocation(key, `${name} mới`);
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();

    const swept = randomUUID();
    expect((await addLocation(swept, `Vườn ${swept}`)).status).toBe(201);
    await sql(t, `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [swept]);
    expect(await t.app.nest.get(IdempotencyStore).sweep()).toBeGreaterThanOrEqual(1);
    expect(await countRows(t, 'idempotency_keys', 'key = $1', [swept])).toBe(0);
    expect(await countRows(t, 'idempotency_keys', 'key = $1', [key])).toBe(1);
  });

  it('takes over a key whose request died without an answer', async () => {
    const key = randomUUID();
    await sql(
      t,
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, created_at) VALUES ($1, $2, 'POST', '/x', 'h', now() - interval '5 minutes')`,
      [grower.owner.id, key],
    );
    expect((await addLocation(key, `Vườn ${key}`)).status).toBe(201);
  });

  it.each([
    ['short', 'abc'],
    ['a space', 'abc def ghi'],
    ['too long', 'k'.repeat(129)],
    ['non-ASCII', 'cl\u00e9-de-test'],
  ])('refuses a key that is %s with 400', async (_, key) => {
    expectApiError(await addLocation(key, `Vườn ${randomUUID()}`), 400, 'IDEMPOTENCY_KEY_INVALID');
  });

  it('leaves writes without a key, and reads, as they were', async () => {
    const name = `Vườn ${randomUUID()}`;
    const body = { kind: 'farm', name, address: 'Thôn 2', province: 'Hà Tĩnh' };
    await f.http.post(`/api/businesses/${grower.business.id}/locations`, body, { token: grower.owner.token });
    await f.http.post(`/api/businesses/${grower.business.id}/locations`, body, { token: grower.owner.token });
    expect(await locationsNamed(name)).toBe(2);
    const read = await f.http.get(`/api/businesses/${grower.business.id}/locations`, {
      token: grower.owner.token,
      headers: { 'idempotency-key': 'not valid at all' },
    });
    expect(read.status).toBe(200);
  });
});

// Two instances need a shared PostgreSQL server; the embedded database belongs to one process.
(process.env.DATABASE_URL ? describe : describe.skip)('Idempotency-Key across two instances on one database', () => {
  let database: ScratchDatabase;
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    database = await createScratchDatabase();
    one = await startTestApp({ database });
    two = await startTestApp({ database });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('records a receipt once when its twins reach both instances at the same time', async () => {
    const f: Factory = { http: httpClient(one.baseUrl), testApp: one };
    const admin = await createUser(f, { role: 'admin' });
    const grower = await createProducer(f, admin);
    const distributor = await createProducer(f, admin);
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const shipping = await recordStage(f, grower.owner, batch.id, {
      stage: 'shipping',
      destinationBusinessId: distributor.business.id,
      quantity: 100,
    });
    const key = randomUUID();
    const receive = (app: TestApp) =>
      httpClient(app.baseUrl).post<EventView>(
        `/api/shipments/${shipping.id}/receive`,
        {},
        {
          token: distributor.owner.token,
          headers: { 'idempotency-key': key },
        },
      );
    const answers = await Promise.all([receive(one), receive(two), receive(one), receive(two)]);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body.id).toBe(created[0]!.body.id);
    for (const refused of answers.filter((a) => a.status !== 201)) expectApiError(refused, 409, 'IDEMPOTENCY_KEY_IN_USE');
    const after = [await receive(two), await receive(one)];
    for (const answer of after)
      expect({ status: answer.status, replayed: answer.headers.get('idempotent-replayed'), id: answer.body.id }).toEqual({
        status: 201,
        replayed: 'true',
        id: created[0]!.body.id,
      });
    expect(
      await countRows(one, `events e JOIN event_batches eb ON eb.event_id = e.id`, `eb.batch_id = $1 AND e.biz_step = 'receiving'`, [
        batch.id,
      ]),
    ).toBe(1);
  });
});
