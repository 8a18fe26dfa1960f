import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditEntryView, Page } from '@nguon/shared';
import { createBatch, createProducer, createUser, type Factory, type TestUser } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The address the proxy in front of the portal saw; it appends it to what the client sent. */
const REAL_CLIENT = '203.0.113.7';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '10', PUBLIC_RATE_LIMIT: '30' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    user = await createUser(f);
  });
  afterAll(async () => t?.close());

  /** A request as the proxy passes it on: the client's own X-Forwarded-For, then the address it saw. */
  const viaProxy = (forged: string) => ({ 'x-forwarded-for': `${forged}, ${REAL_CLIENT}` });
  const auditOf = async (action: string) =>
    (await f.http.get<Page<AuditEntryView>>(`/api/audit?userId=${user.id}&action=${action}`, { token: admin.token })).body.items;

  it('stores the address the proxy saw in the audit log, not a forged leftmost X-Forwarded-For', async () => {
    const login = await f.http.post(
      '/api/auth/login',
      { email: user.email, password: user.password },
      { headers: viaProxy('198.51.100.99') },
    );
    expect(login.status).toBe(200);
    const [entry] = await auditOf('user.login');
    expect(entry?.clientAddress).toBe(REAL_CLIENT);
  });

  it('limits warm consumer views, answered before Fastify, by the address the proxy saw', async () => {
    const producer = await createProducer(f, admin);
    const batch = await createBatch(f, producer.owner, producer.product.id);
    const view = (forged: string, client = REAL_CLIENT) =>
      f.http.get(`/api/public/batches/${batch.id}`, {
        headers: { 'accept-encoding': 'identity', 'x-forwarded-for': `${forged}, ${client}` },
      });
    const answeredBefore = t.app.lane.answered;
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await view(`10.9.${i}.1`)).status);
    // The first view was built by Fastify's route, the rest answered from memory.
    expect(t.app.lane.answered - answeredBefore).toBe(29);
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
    expect((await view('10.9.99.1', '203.0.113.8')).status).toBe(200);
  });

  it('limits 25 wrong sign-ins with a new forged address each to the login limit of 10', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const forged = `10.${i}.${(i * 7) % 256}.${(i * 13) % 256}`;
      // A different account each time, so only the per-address limit can stop them (not the per-account backoff).
      const response = await f.http.post(
        '/api/auth/login',
        { email: `guess${i}@example.test`, password: 'wrong password' },
        { headers: viaProxy(forged) },
      );
      statuses.push(response.status);
      if (response.status === 429) expect((response.body as { code: string }).code).toBe('RATE_LIMITED');
    }
    // The successful sign-in above counted too: the same real client.
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
  });
});

describe('X-Request-Id sent by a client', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
  });
  afterAll(async () => t?.close());

  it("is recorded as the client's beside the server's own id, never instead of it", async () => {
    const user = await createUser(f);
    const clientId = 'mobile-app-7f3a';
    const login = await f.http.post(
      '/api/auth/login',
      { email: user.email, password: user.password },
      { headers: { 'x-request-id': clientId } },
    );
    const serverId = login.headers.get('x-request-id');
    expect(serverId).toMatch(UUID);
    const [entry] = (await f.http.get<Page<AuditEntryView>>(`/api/audit?userId=${user.id}&action=user.login`, { token: admin.token })).body
      .items;
    expect(entry).toMatchObject({ requestId: serverId, clientRequestId: clientId });
  });

  it('does not become the id of an error answer', async () => {
    const refused = await f.http.get('/api/batches/not-a-uuid', { headers: { 'x-request-id': 'duplicate-of-someone-else' } });
    const body = expectApiError(refused, 404, 'NOT_FOUND');
    expect(body.requestId).toMatch(UUID);
  });
});
