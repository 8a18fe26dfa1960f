import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LoginResponse, Page, UserView } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProducer,
  createUser,
  makeEmail,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotAllTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A word no other account in this file's database has, to search for. */
const tag = () => `zq${randomUUID().slice(0, 8)}`;

describe('administering users', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let producer: Producer;

  const listUsers = async (query: string, who: Credential = admin) => {
    const response = await f.http.get<Page<UserView>>(`/api/admin/users?${query}`, { token: who.token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const updateUser = (id: string, body: unknown, who: Credential = admin) =>
    f.http.request<UserView>('PATCH', `/api/admin/users/${id}`, { body, token: who.token });
  const snapshot = () => snapshotAllTables(t);

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin);
  });
  afterAll(async () => t?.close());

  describe('GET /api/admin/users', () => {
    it('finds users by part of their email, in any letter case', async () => {
      const word = tag();
      const user = await createUser(f, { email: `${word}.nguyen@example.test` });
      const page = await listUsers(`q=${word.toUpperCase()}`);
      expect(page).toEqual({
        items: [
          {
            id: user.id,
            email: user.email,
            displayName: expect.any(String),
            role: 'member',
            disabled: false,
            createdAt: expect.any(String),
          },
        ],
        total: 1,
        limit: 20,
        offset: 0,
      });
    });

    it('finds users by name with or without diacritics', async () => {
      const word = tag();
      const user = await createUser(f, { displayName: `Đặng Thị Hằng ${word}` });
      for (const q of [`Đặng Thị Hằng ${word}`, `dang thi hang ${word}`, `DANG THI HANG ${word}`, `hằng ${word}`]) {
        const page = await listUsers(`q=${encodeURIComponent(q)}`);
        expect({ q, ids: page.items.map((u) => u.id) }).toEqual({ q, ids: [user.id] });
      }
    });

    it('filters by role', async () => {
      const inspector = await createUser(f, { role: 'inspector' });
      const inspectors = await listUsers('role=inspector&limit=100');
      expect(inspectors.items.map((u) => u.id)).toContain(inspector.id);
      expect(new Set(inspectors.items.map((u) => u.role))).toEqual(new Set(['inspector']));
      const admins = await listUsers('role=admin&limit=100');
      expect(admins.items.map((u) => u.id)).toEqual([admin.id]);
    });

    it('refuses an unknown role, naming it', async () => {
      expectApiError(await f.http.get('/api/admin/users?role=owner', { token: admin.token }), 400, 'VALIDATION_FAILED', ['role']);
    });
  });

  describe('POST /api/admin/users', () => {
    it("creates an inspector account, who can sign in, read the audit log and any batch's events", async () => {
      const email = makeEmail('thanh-tra');
      const password = 'mật khẩu ban đầu của thanh tra';
      const response = await f.http.post<UserView>(
        '/api/admin/users',
        { email, displayName: 'Thanh tra Sở NN&PTNT', password, role: 'inspector' },
        { token: admin.token },
      );
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        email,
        displayName: 'Thanh tra Sở NN&PTNT',
        role: 'inspector',
        disabled: false,
        createdAt: expect.any(String),
      });

      const login = await f.http.post<LoginResponse>('/api/auth/login', { email, password });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ id: response.body.id, role: 'inspector' });
      const token = login.body.accessToken;
      expect((await f.http.get('/api/audit', { token })).status).toBe(200);
      const batch = await createBatch(f, producer.owner, producer.product.id);
      const events = await f.http.get(`/api/batches/${batch.id}/events`, { token });
      expect(events.status).toBe(200);
      expect(events.body.total).toBe(1);
    });

    it('refuses an email already used (in any case) with 409 EMAIL_TAKEN', async () => {
      const before = await snapshot();
      const response = await f.http.post(
        '/api/admin/users',
        { email: producer.owner.email.toUpperCase(), displayName: 'Trùng', password: 'long enough password', role: 'inspector' },
        { token: admin.token },
      );
      expectApiError(response, 409, 'EMAIL_TAKEN');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a short password and an unknown role, naming them', async () => {
      const response = await f.http.post(
        '/api/admin/users',
        { email: makeEmail(), displayName: 'Ngắn', password: 'short', role: 'superuser' },
        { token: admin.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['password', 'role']);
    });
  });

  describe('PATCH /api/admin/users/:id', () => {
    it('changes a role, which takes effect at once, on the tokens the user already has', async () => {
      const user = await createUser(f);
      expectApiError(await f.http.get('/api/audit', { token: user.token }), 403, 'FORBIDDEN');

      const promoted = await updateUser(user.id, { role: 'inspector' });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ id: user.id, role: 'inspector', disabled: false });
      expect((await f.http.get('/api/audit', { token: user.token })).status).toBe(200);
      expect((await listUsers('role=inspector&limit=100')).items.map((u) => u.id)).toContain(user.id);

      expect((await updateUser(user.id, { role: 'member' })).body.role).toBe('member');
      expectApiError(await f.http.get('/api/audit', { token: user.token }), 403, 'FORBIDDEN');
    });

    it('does not let administrators change or disable themselves (403), changing nothing', async () => {
      const before = await snapshot();
      expectApiError(await updateUser(admin.id, { role: 'member' }), 403, 'FORBIDDEN');
      expectApiError(await updateUser(admin.id, { disabled: true }), 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect((await f.http.get('/api/admin/users', { token: admin.token })).status).toBe(200);
    });

    it('answers 404 for a user that does not exist', async () => {
      expectApiError(await updateUser(randomUUID(), { role: 'inspector' }), 404, 'USER_NOT_FOUND');
      expectApiError(await updateUser('not-a-uuid', { role: 'inspector' }), 404, 'NOT_FOUND');
    });
  });

  describe('every /api/admin route', () => {
    it('is refused to everyone but administrators: 403 when signed in or with a key, 401 anonymous; nothing changes', async () => {
      const member = await createUser(f);
      const inspector = await createUser(f, { role: 'inspector' });
      const key = await createApiKey(f, producer.owner, producer.business.id);
      const requests = (who: Credential | null) => {
        const token = who?.token;
        return [
          f.http.get('/api/admin/users', { token }),
          f.http.post(
            '/api/admin/users',
            { email: makeEmail(), displayName: 'Kẻ lạ', password: 'long enough password', role: 'admin' },
            { token },
          ),
          f.http.request('PATCH', `/api/admin/users/${member.id}`, { body: { role: 'admin' }, token }),
          f.http.request('PATCH', `/api/admin/users/${admin.id}`, { body: { disabled: true }, token }),
        ];
      };
      const before = await snapshot();
      for (const [who, credential] of [
        ['a member', member],
        ['a business owner', producer.owner],
        ['an inspector', inspector],
        ['an API key', key],
      ] as const) {
        for (const response of await Promise.all(requests(credential))) {
          expect({ who, status: response.status }).toEqual({ who, status: 403 });
          expectApiError(response, 403, 'FORBIDDEN');
        }
      }
      for (const response of await Promise.all(requests(null))) expectApiError(response, 401, 'UNAUTHENTICATED');
      expect(await snapshot()).toEqual(before);
    });
  });
});
