import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LoginResponse } from '@nguon/shared';
import { createUser, makeEmail, type Factory, type TestUser } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient, type HttpResponse } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Failures in a row allowed before an account must wait (server/src/auth/sign-in-backoff.ts). */
const FREE_FAILURES = 5;

describe('per-account sign-in backoff', () => {
  let t: TestApp;
  let f: Factory;

  const login = (email: string, password: string) => f.http.post<LoginResponse>('/api/auth/login', { email, password });
  const failTimes = async (email: string, n: number) => {
    const answers: number[] = [];
    for (let i = 0; i < n; i++) answers.push((await login(email, 'a wrong password, again')).status);
    return answers;
  };
  const retryAfter = (response: HttpResponse) => Number(response.headers.get('retry-after'));

  beforeAll(async () => {
    // The per-address limit is lifted in tests (LOGIN_RATE_LIMIT): what refuses here is the per-account one.
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
  });
  afterAll(async () => t?.close());

  it(`locks an account after ${FREE_FAILURES} failures in a row, even for the right password, with Retry-After`, async () => {
    const user = await createUser(f);
    expect(await failTimes(user.email, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill(401));
    const locked = await login(user.email, user.password);
    expectApiError(locked, 429, 'SIGN_IN_LOCKED');
    expect(retryAfter(locked)).toBeGreaterThan(25);
    expect(retryAfter(locked)).toBeLessThanOrEqual(30);
    // Letter case does not make another account.
    expectApiError(await login(user.email.toUpperCase(), user.password), 429, 'SIGN_IN_LOCKED');
  });

  it('answers an unknown email exactly the same way, so the lock tells nothing about which accounts exist', async () => {
    const user = await createUser(f);
    const nobody = makeEmail('khongco');
    const known = [...(await failTimes(user.email, FREE_FAILURES)), (await login(user.email, 'x'.repeat(12))).status];
    const unknown = [...(await failTimes(nobody, FREE_FAILURES)), (await login(nobody, 'x'.repeat(12))).status];
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toBe(429);
    const a = await login(user.email, user.password);
    const b = await login(nobody, user.password);
    expect({ ...a.body, requestId: null }).toEqual({ ...b.body, requestId: null });
    expect(Math.abs(retryAfter(a) - retryAfter(b))).toBeLessThanOrEqual(2);
  });

  it('forgets the failures on a successful sign-in', async () => {
    const user = await createUser(f);
    expect(await failTimes(user.email, FREE_FAILURES - 1)).toEqual(Array(FREE_FAILURES - 1).fill(401));
    expect((await login(user.email, user.password)).status).toBe(200);
    expect(await failTimes(user.email, FREE_FAILURES - 1)).toEqual(Array(FREE_FAILURES - 1).fill(401));
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('doubles the wait at each failure after a lock, up to 15 minutes; another account is not touched', async () => {
    const user = await createUser(f);
    const neighbour: TestUser = await createUser(f);
    await failTimes(user.email, FREE_FAILURES);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      // Let the lock pass (behind the API's back) and fail once more.
      await sql(t, `UPDATE sign_in_failures SET locked_until = now() - interval '1 second' WHERE email_key = $1`, [
        user.email.toLowerCase(),
      ]);
      expect((await login(user.email, 'still wrong, sorry')).status).toBe(401);
      waits.push(retryAfter(await login(user.email, user.password)));
    }
    expect(waits.map((w) => Math.round(w / 15) * 15)).toEqual([60, 120, 240, 480, 900, 900, 900, 900]);
    expect((await login(neighbour.email, neighbour.password)).status).toBe(200);
  });

  it('is counted in PostgreSQL, so every instance of the portal sees the same lock', async () => {
    const user = await createUser(f);
    await failTimes(user.email, FREE_FAILURES);
    const [row] = await sql<{ failures: number; locked: boolean }>(
      t,
      `SELECT failures, locked_until > now() AS locked FROM sign_in_failures WHERE email_key = $1`,
      [user.email.toLowerCase()],
    );
    expect(row).toEqual({ failures: FREE_FAILURES, locked: true });
    if (!t.config.databaseUrl) return; // The embedded database belongs to one process.
    const second = await startTestApp({
      database: { databaseUrl: t.config.databaseUrl, dataDir: t.config.dataDir, drop: async () => undefined },
    });
    try {
      expectApiError(
        await httpClient(second.baseUrl).post('/api/auth/login', { email: user.email, password: user.password }),
        429,
        'SIGN_IN_LOCKED',
      );
    } finally {
      await second.close();
    }
  });
});
