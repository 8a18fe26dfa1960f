import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimitGuard } from '../../server/src/common/rate-limit/rate-limit.guard.js';
import { createBatch, createProduct, createUser, createVerifiedBusiness, type Factory } from '../factories/index.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { appsOnOneDatabase, until } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('rate limits per client address', () => {
  const limit = 5;
  let t: TestApp;
  let f: Factory;
  let codePath: string;

  beforeAll(async () => {
    // Every scan counts here (no per-client window), so what the limit refused shows in the count.
    t = await startTestApp({ env: { PUBLIC_RATE_LIMIT: String(limit), SCAN_COUNT_WINDOW_MINUTES: '0' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    const owner = await createUser(f);
    const business = await createVerifiedBusiness(f, owner, admin);
    const product = await createProduct(f, owner, business.id);
    const batch = await createBatch(f, owner, product.id);
    codePath = new URL(batch.identityUrl).pathname;
  });
  afterAll(async () => t?.close());

  it('answers 429 in the error shape, with Retry-After, once a client passes the public limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < limit; i++) statuses.push((await f.http.get(codePath)).status);
    expect(statuses).toEqual(Array(limit).fill(200));
    const refused = await f.http.get(codePath, { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/too many/i),
      requestId: expect.any(String),
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('does not count scans that were refused', async () => {
    const [row] = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM scans`);
    expect(row!.n).toBe(limit);
  });
});

describe('sign-in attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10' } });
  });
  afterAll(async () => t?.close());

  it('are limited to ten a minute per client address', async () => {
    const f = { http: httpClient(t.baseUrl) };
    const statuses: number[] = [];
    // A different email each time: the per-account backoff (sign-in-backoff.e2e.ts) is not what is measured here.
    for (let i = 0; i < 11; i++)
      statuses.push((await f.http.post('/api/auth/login', { email: `nobody-${i}@example.test`, password: 'wrong' })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

// Two instances on one database: the embedded one opens in one process at a time.
(process.env.DATABASE_URL ? describe : describe.skip)('rate limits behind several instances', () => {
  const apps = appsOnOneDatabase('nguon-shared-limits-');
  afterAll(() => apps.close());

  it('hold per client across instances: what one instance counted counts on the other within a second', async () => {
    const db = await apps.database();
    const [one, two] = [await apps.start(db, { LOGIN_RATE_LIMIT: '4' }), await apps.start(db, { LOGIN_RATE_LIMIT: '4' })];
    const signIn = async (t: TestApp, n: number) =>
      (await httpClient(t.baseUrl).post('/api/auth/login', { email: `spread-${n}@example.test`, password: 'wrong' })).status;
    /**
     * Waits until the instances' shared count of the client's sign-ins reaches `hits` (each shares
     * twice a second by itself), then has every instance share once more, which reads it back: a
     * loaded machine may delay a timer, not what the next sharing learns.
     */
    const sharedHits = async (hits: number) => {
      await until('the hits shared', async () => {
        const [row] = await sql<{ hits: number }>(one, `SELECT sum(hits)::int AS hits FROM rate_limit_hits WHERE key LIKE 'login:%'`);
        return (row?.hits ?? 0) >= hits;
      });
      for (const instance of [one, two]) await instance.app.nest.get(RateLimitGuard).share();
    };
    for (let n = 0; n < 3; n++) expect(await signIn(one, n)).toBe(401);
    // Once the first has shared its three and the second has read them back, the second lets one more through, then refuses.
    await sharedHits(3);
    expect(await signIn(two, 3)).toBe(401);
    expect(await signIn(two, 4)).toBe(429);
    // And the first refuses the client's next request (its own count, four, is within the limit) once it has heard of the second's.
    await sharedHits(5);
    expect(await signIn(one, 5)).toBe(429);
  });
});
