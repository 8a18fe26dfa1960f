import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuditEntryView,
  BatchView,
  BusinessView,
  CreatedApiKey,
  CreatedInvitation,
  EventView,
  LocationView,
  LoginResponse,
  Page,
  ProductView,
  UserView,
} from '@nguon/shared';
import {
  acceptInvitation,
  businessInput,
  createApiKey,
  createBatch,
  createBusiness,
  createProducer,
  createStaff,
  createUser,
  inviteMember,
  makeEmail,
  makeLotCode,
  signIn,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { auditEntriesOf, newRequestId, type AuditRow } from '../support/audit.js';
import { countRows, sql } from '../support/db.js';
import { httpClient, type HttpResponse } from '../support/http.js';
import { lastMailTo, tokenIn } from '../support/mailbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the audit log', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let inspector: TestUser;
  let alice: Producer;
  /** Every password and API key used in this file: none may appear in any entry. */
  const secrets: string[] = [];

  /**
   * Sends a write and returns it with the one audit entry it left, found by the request id the
   * server answered with (`x-request-id`); fails unless there is exactly one new entry.
   */
  async function audited<T>(send: () => Promise<HttpResponse<T>>): Promise<{ response: HttpResponse<T>; entry: AuditRow }> {
    const before = await countRows(t, 'audit_log');
    const response = await send();
    expect(response.status).toBeLessThan(300);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toEqual(expect.any(String));
    const entries = await auditEntriesOf(t, requestId!);
    expect(entries).toHaveLength(1);
    expect(await countRows(t, 'audit_log')).toBe(before + 1);
    const entry = entries[0]!;
    expect({ client_address: entry.client_address, request_id: entry.request_id }).toEqual({
      client_address: '127.0.0.1',
      request_id: requestId,
    });
    return { response, entry };
  }

  /** The fields every entry has, for a user or a key acting for a business (or none). */
  const by = (
    actor: { userId?: string; apiKeyId?: string },
    businessId: string | null,
    action: string,
    targetType: string,
    targetId: string | null,
  ) => ({
    user_id: actor.userId ?? null,
    api_key_id: actor.apiKeyId ?? null,
    business_id: businessId,
    action,
    target_type: targetType,
    target_id: targetId,
  });

  const search = (query: string, token = admin.token) => f.http.get<Page<AuditEntryView>>(`/api/audit?${query}`, { token });

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    alice = await createProducer(f, admin);
    secrets.push(admin.password, alice.owner.password);
  });
  afterAll(async () => t?.close());

  describe('every kind of write leaves exactly one entry: who, for which business, what, from where, which request', () => {
    let user: TestUser;
    let business: BusinessView;
    let batch: BatchView;

    it('user.register, user.verify_email, user.login, user.password_change, user.logout', async () => {
      const email = makeEmail('nhat-ky');
      const password = 'mật khẩu cho nhật ký';
      const newPassword = 'mật khẩu mới cho nhật ký';
      secrets.push(password, newPassword);

      const register = await audited(() => f.http.post('/api/auth/register', { email, password, displayName: 'Nhật Ký' }));
      const token = tokenIn(await lastMailTo(t, email), '/verify-email');
      const verify = await audited(() => f.http.post<LoginResponse>('/api/auth/verify-email', { token }));
      const id = verify.response.body.user.id;
      expect(register.entry).toMatchObject(by({ userId: id }, null, 'user.register', 'user', id));
      expect(verify.entry).toMatchObject(by({ userId: id }, null, 'user.verify_email', 'user', id));
      user = { id, email, password, token: verify.response.body.accessToken };

      const login = await audited(() => f.http.post<LoginResponse>('/api/auth/login', { email, password }));
      expect(login.entry).toMatchObject(by({ userId: id }, null, 'user.login', 'user', id));

      const change = await audited(() =>
        f.http.post('/api/auth/password', { currentPassword: password, newPassword }, { token: user.token }),
      );
      expect(change.entry).toMatchObject(by({ userId: id }, null, 'user.password_change', 'user', id));
      user = { ...user, password: newPassword };

      const other = await signIn(f, user);
      const logout = await audited(() => f.http.post('/api/auth/logout', undefined, { token: other.token }));
      expect(logout.entry).toMatchObject(by({ userId: id }, null, 'user.logout', 'user', id));
    });

    it('business.register, business.verify, business.reject, business.suspend', async () => {
      const register = await audited(() => f.http.post<BusinessView>('/api/businesses', businessInput(), { token: user.token }));
      business = register.response.body;
      expect(register.entry).toMatchObject(by({ userId: user.id }, business.id, 'business.register', 'business', business.id));

      const verify = await audited(() => f.http.post('/api/businesses/' + business.id + '/verify', undefined, { token: admin.token }));
      expect(verify.entry).toMatchObject({
        ...by({ userId: admin.id }, business.id, 'business.verify', 'business', business.id),
        details: expect.objectContaining({ from: 'pending', to: 'verified' }),
      });

      const suspend = await audited(() =>
        f.http.post(`/api/businesses/${business.id}/suspend`, { reason: 'Nhãn sai' }, { token: admin.token }),
      );
      expect(suspend.entry).toMatchObject({
        ...by({ userId: admin.id }, business.id, 'business.suspend', 'business', business.id),
        details: expect.objectContaining({ from: 'verified', to: 'suspended', reason: 'Nhãn sai' }),
      });
      await f.http.post(`/api/businesses/${business.id}/verify`, undefined, { token: admin.token });

      const pending = await createBusiness(f, user);
      const reject = await audited(() =>
        f.http.post(`/api/businesses/${pending.id}/reject`, { reason: 'Hồ sơ thiếu' }, { token: admin.token }),
      );
      expect(reject.entry).toMatchObject({
        ...by({ userId: admin.id }, pending.id, 'business.reject', 'business', pending.id),
        details: expect.objectContaining({ reason: 'Hồ sơ thiếu' }),
      });
    });

    it('certificate.add, location.add, product.create', async () => {
      const certificate = await audited(() =>
        f.http.post<BusinessView>(
          `/api/businesses/${business.id}/certificates`,
          { kind: 'ocop', name: 'OCOP 4 sao', issuer: 'UBND tỉnh Hà Tĩnh', stars: 4 },
          { token: user.token },
        ),
      );
      const certificateId = certificate.response.body.certificates.at(-1)!.id;
      expect(certificate.entry).toMatchObject(by({ userId: user.id }, business.id, 'certificate.add', 'certificate', certificateId));

      const location = await audited(() =>
        f.http.post<LocationView>(
          `/api/businesses/${business.id}/locations`,
          { kind: 'farm', name: 'Vườn bưởi', address: 'Thôn 4', province: 'Hà Tĩnh' },
          { token: user.token },
        ),
      );
      expect(location.entry).toMatchObject(by({ userId: user.id }, business.id, 'location.add', 'location', location.response.body.id));

      const product = await audited(() =>
        f.http.post<ProductView>(
          `/api/businesses/${business.id}/products`,
          { name: { vi: 'Bưởi', en: 'Pomelo' }, category: 'fruit', unit: 'KGM' },
          { token: user.token },
        ),
      );
      expect(product.entry).toMatchObject(by({ userId: user.id }, business.id, 'product.create', 'product', product.response.body.id));

      const register = await audited(() =>
        f.http.post<BatchView>(
          '/api/batches',
          { productId: product.response.body.id, lotCode: makeLotCode('A'), productionDate: '2026-10-01', quantity: 50 },
          { token: user.token },
        ),
      );
      batch = register.response.body;
      expect(register.entry).toMatchObject(by({ userId: user.id }, business.id, 'batch.register', 'batch', batch.id));
    });

    it('batch.register and event.record (a stage, and processing), by a user and by an API key', async () => {
      const stage = await audited(() =>
        f.http.post<EventView>(`/api/batches/${batch.id}/events`, { stage: 'harvesting', quantity: 50 }, { token: user.token }),
      );
      expect(stage.entry).toMatchObject({
        ...by({ userId: user.id }, business.id, 'event.record', 'event', stage.response.body.eventId),
        details: expect.objectContaining({ stage: 'harvesting' }),
      });

      const key = await createApiKey(f, user, business.id, { scopes: ['capture'] });
      secrets.push(key.key);
      const output = await audited(() =>
        f.http.post<BatchView>(
          '/api/batches',
          { productId: batch.productId, lotCode: makeLotCode('B'), productionDate: '2026-10-02' },
          { token: key.token },
        ),
      );
      expect(output.entry).toMatchObject(by({ apiKeyId: key.id }, business.id, 'batch.register', 'batch', output.response.body.id));

      const processing = await audited(() =>
        f.http.post<EventView>(
          '/api/events/processing',
          {
            inputs: [{ batchId: batch.id, quantity: 20, unit: 'KGM' }],
            outputs: [{ batchId: output.response.body.id, quantity: 15 }],
          },
          { token: key.token },
        ),
      );
      expect(processing.entry).toMatchObject({
        ...by({ apiKeyId: key.id }, business.id, 'event.record', 'event', processing.response.body.eventId),
        details: expect.objectContaining({ stage: 'processing' }),
      });
    });

    it('member.invite, member.join, member.remove, member.invite_revoke', async () => {
      const colleague = await createUser(f);
      const invite = await audited(() =>
        f.http.post<CreatedInvitation>(
          `/api/businesses/${business.id}/invitations`,
          { email: colleague.email, role: 'staff' },
          { token: user.token },
        ),
      );
      const invitationId = invite.response.body.invitation.id;
      expect(invite.entry).toMatchObject({
        ...by({ userId: user.id }, business.id, 'member.invite', 'invitation', invitationId),
        details: expect.objectContaining({ email: colleague.email, role: 'staff' }),
      });
      const token = tokenIn(await lastMailTo(t, colleague.email), '/invitations/accept');
      const join = await audited(() => f.http.post('/api/invitations/accept', { token }, { token: colleague.token }));
      expect(join.entry).toMatchObject({
        ...by({ userId: colleague.id }, business.id, 'member.join', 'user', colleague.id),
        details: expect.objectContaining({ invitationId }),
      });

      const remove = await audited(() =>
        f.http.request('DELETE', `/api/businesses/${business.id}/members/${encodeURIComponent(colleague.email)}`, { token: user.token }),
      );
      expect(remove.entry).toMatchObject(by({ userId: user.id }, business.id, 'member.remove', 'user', colleague.id));

      const email = makeEmail('loi-moi');
      const second = await inviteMember(f, user, business.id, email);
      const revoke = await audited(() =>
        f.http.request('DELETE', `/api/businesses/${business.id}/invitations/${second.invitation.id}`, { token: user.token }),
      );
      expect(revoke.entry).toMatchObject({
        ...by({ userId: user.id }, business.id, 'member.invite_revoke', 'invitation', second.invitation.id),
        details: expect.objectContaining({ email }),
      });
    });

    it('api_key.create, api_key.rotate, api_key.revoke', async () => {
      const keys = `/api/businesses/${business.id}/api-keys`;
      const create = await audited(() => f.http.post<CreatedApiKey>(keys, { name: 'Máy in tem', scopes: ['read'] }, { token: user.token }));
      secrets.push(create.response.body.key);
      expect(create.entry).toMatchObject(by({ userId: user.id }, business.id, 'api_key.create', 'api_key', create.response.body.id));

      const rotate = await audited(() =>
        f.http.post<CreatedApiKey>(`${keys}/${create.response.body.id}/rotate`, undefined, { token: user.token }),
      );
      secrets.push(rotate.response.body.key);
      expect(rotate.entry).toMatchObject({
        ...by({ userId: user.id }, business.id, 'api_key.rotate', 'api_key', rotate.response.body.id),
        details: expect.objectContaining({ replaces: create.response.body.id }),
      });

      const revoke = await audited(() => f.http.request('DELETE', `${keys}/${rotate.response.body.id}`, { token: user.token }));
      expect(revoke.entry).toMatchObject(by({ userId: user.id }, business.id, 'api_key.revoke', 'api_key', rotate.response.body.id));
    });

    it('user.create and user.update, by an administrator', async () => {
      const password = 'mật khẩu thanh tra ban đầu';
      secrets.push(password);
      const create = await audited(() =>
        f.http.post<UserView>(
          '/api/admin/users',
          { email: makeEmail('thanh-tra'), displayName: 'Thanh tra', password, role: 'inspector' },
          { token: admin.token },
        ),
      );
      expect(create.entry).toMatchObject(by({ userId: admin.id }, null, 'user.create', 'user', create.response.body.id));

      const update = await audited(() =>
        f.http.request<UserView>('PATCH', `/api/admin/users/${create.response.body.id}`, { body: { role: 'member' }, token: admin.token }),
      );
      expect(update.entry).toMatchObject({
        ...by({ userId: admin.id }, null, 'user.update', 'user', create.response.body.id),
        details: { before: { role: 'inspector', disabled: false }, after: { role: 'member', disabled: false } },
      });
    });

    it('keeps the request id the client sent beside its own, and the client address of the connection, not a forwarded one', async () => {
      const requestId = newRequestId('client');
      const response = await f.http.post(
        '/api/auth/login',
        { email: alice.owner.email, password: alice.owner.password },
        {
          headers: { 'x-request-id': requestId, 'x-forwarded-for': '203.0.113.7' },
        },
      );
      expect(response.status).toBe(200);
      const serverId = response.headers.get('x-request-id');
      expect(serverId).not.toBe(requestId);
      expect(await auditEntriesOf(t, requestId)).toEqual([
        expect.objectContaining({
          action: 'user.login',
          user_id: alice.owner.id,
          client_address: '127.0.0.1',
          request_id: serverId,
          client_request_id: requestId,
        }),
      ]);
    });
  });

  describe('a refused write', () => {
    it('leaves no entry, whatever the reason it was refused', async () => {
      const staff = await createStaff(f, alice.owner, alice.business.id);
      const before = await countRows(t, 'audit_log');
      const refusals = [
        await f.http.post('/api/businesses', businessInput()),
        await f.http.post('/api/businesses', businessInput({ taxCode: '123' }), { token: alice.owner.token }),
        await f.http.post('/api/businesses', businessInput({ taxCode: alice.business.taxCode }), { token: alice.owner.token }),
        await f.http.post(
          `/api/businesses/${alice.business.id}/products`,
          { name: { vi: 'Cam', en: 'Orange' }, category: 'fruit', unit: 'KGM' },
          { token: staff.token },
        ),
        await f.http.post(`/api/businesses/${alice.business.id}/verify`, undefined, { token: admin.token }),
        await f.http.post(`/api/businesses/${alice.business.id}/suspend`, {}, { token: admin.token }),
        await f.http.request('DELETE', `/api/businesses/${alice.business.id}/members/${encodeURIComponent(alice.owner.email)}`, {
          token: alice.owner.token,
        }),
        await f.http.post('/api/auth/login', { email: alice.owner.email, password: 'wrong password entirely' }),
        await f.http.post(
          '/api/auth/password',
          { currentPassword: 'wrong password entirely', newPassword: 'long enough password' },
          { token: alice.owner.token },
        ),
        await f.http.request('PATCH', `/api/admin/users/${admin.id}`, { body: { role: 'member' }, token: admin.token }),
      ];
      expect(refusals.map((r) => r.status)).toEqual([401, 400, 409, 403, 409, 400, 422, 401, 422, 403]);
      expect(await countRows(t, 'audit_log')).toBe(before);
      for (const response of refusals) expect(await auditEntriesOf(t, response.headers.get('x-request-id')!)).toEqual([]);
    });
  });

  describe('GET /api/audit', () => {
    let owner: TestUser;
    let business: BusinessView;
    let batch: BatchView;

    beforeAll(async () => {
      // An owner who joined an existing business, registered a batch there and recorded three stages.
      owner = await createUser(f);
      const other = await createProducer(f, admin);
      business = other.business;
      await inviteMember(f, other.owner, business.id, owner.email, 'owner');
      await acceptInvitation(f, owner);
      batch = await createBatch(f, owner, other.product.id);
      for (const stage of ['harvesting', 'packing', 'storing'] as const) {
        await sleep(5);
        await f.http.post(`/api/batches/${batch.id}/events`, { stage }, { token: owner.token });
      }
    });

    const expectEntries = async (query: string, where: string, params: unknown[]) => {
      const response = await search(`${query}&limit=100`);
      expect(response.status).toBe(200);
      const ids = (
        await sql<{ id: string }>(t, `SELECT id::text FROM audit_log WHERE ${where} ORDER BY occurred_at DESC, id DESC`, params)
      ).map((r) => r.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(response.body.items.map((e) => e.id)).toEqual(ids);
      expect(response.body.total).toBe(ids.length);
      return response.body.items;
    };

    it('filters by business', async () => {
      const items = await expectEntries(`businessId=${business.id}`, 'business_id = $1', [business.id]);
      expect(items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['business.register', 'business.verify', 'member.invite', 'member.join', 'batch.register', 'event.record']),
      );
      expect(items.every((e) => e.businessName === business.legalName)).toBe(true);
    });

    it('filters by user', async () => {
      const items = await expectEntries(`userId=${owner.id}`, 'user_id = $1', [owner.id]);
      expect(items.map((e) => e.action)).toEqual([
        'event.record',
        'event.record',
        'event.record',
        'batch.register',
        'member.join',
        'user.verify_email',
        'user.register',
      ]);
      expect(items.every((e) => e.userEmail === owner.email)).toBe(true);
    });

    it('filters by target: a batch with the events recorded on it', async () => {
      const items = await expectEntries(`targetId=${batch.id}`, `target_id = $1 OR details->'batches' ? $1`, [batch.id]);
      expect(items.map((e) => e.details.stage ?? e.action)).toEqual(['storing', 'packing', 'harvesting', 'batch.register']);
      expect(items.at(-1)).toEqual(
        expect.objectContaining({
          action: 'batch.register',
          targetType: 'batch',
          targetId: batch.id,
          userId: owner.id,
          businessId: business.id,
        }),
      );
    });

    it('filters by action, and combines filters', async () => {
      await expectEntries('action=business.verify', `action = 'business.verify'`, []);
      const items = await expectEntries(`action=event.record&userId=${owner.id}`, `action = 'event.record' AND user_id = $1`, [owner.id]);
      expect(items).toHaveLength(3);
    });

    it('filters by time: from is inclusive, to is exclusive', async () => {
      const all = (await search(`userId=${owner.id}`)).body.items;
      const [storing, packing] = all;
      expect(all.map((e) => e.details.stage ?? e.action)).toEqual([
        'storing',
        'packing',
        'harvesting',
        'batch.register',
        'member.join',
        'user.verify_email',
        'user.register',
      ]);
      const at = (entry: AuditEntryView | undefined) => encodeURIComponent(entry!.occurredAt);
      const ids = async (query: string) => (await search(`userId=${owner.id}&${query}`)).body.items.map((e) => e.id);

      expect(await ids(`from=${at(packing)}&to=${at(storing)}`)).toEqual([packing!.id]);
      expect(await ids(`from=${at(packing)}`)).toEqual([storing!.id, packing!.id]);
      expect(await ids(`to=${at(packing)}`)).toEqual(all.slice(2).map((e) => e.id));
    });

    it('pages newest first, telling the total on every page', async () => {
      const all = (await search(`userId=${owner.id}&limit=100`)).body;
      expect(all.total).toBe(7);
      const times = all.items.map((e) => e.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      const pages = [];
      for (const offset of [0, 2, 4, 6]) {
        const page = (await search(`userId=${owner.id}&limit=2&offset=${offset}`)).body;
        expect({ total: page.total, limit: page.limit, offset: page.offset }).toEqual({ total: 7, limit: 2, offset });
        pages.push(...page.items);
      }
      expect(pages).toEqual(all.items);
      const past = (await search(`userId=${owner.id}&limit=2&offset=10`)).body;
      expect(past.items).toEqual([]);
      expect(past.total).toBe(7);
    });

    it('refuses invalid filters, naming them', async () => {
      expectApiError(await search('businessId=abc&from=yesterday'), 400, 'VALIDATION_FAILED', ['businessId', 'from']);
    });

    it('is for administrators and inspectors only: members get 403, API keys 403, the anonymous 401', async () => {
      expect((await search('limit=1', inspector.token)).status).toBe(200);
      expectApiError(await search('limit=1', owner.token), 403, 'FORBIDDEN');
      expectApiError(await search(`businessId=${business.id}`, owner.token), 403, 'FORBIDDEN');
      const key = await createApiKey(f, owner, business.id, { scopes: ['capture', 'read'] });
      secrets.push(key.key);
      expectApiError(await search('limit=1', key.token), 403, 'FORBIDDEN');
      expectApiError(await f.http.get('/api/audit'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('the audit_log table', () => {
    it("refuses UPDATE and DELETE, even behind the API's back", async () => {
      const before = await sql(t, `SELECT * FROM audit_log ORDER BY id`);
      expect(before.length).toBeGreaterThan(0);
      await expect(sql(t, `UPDATE audit_log SET action = 'tampered' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql(t, `DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
      await expect(sql(t, `DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      expect(await sql(t, `SELECT * FROM audit_log ORDER BY id`)).toEqual(before);
    });

    it('holds no password and no API key in any entry', async () => {
      expect(secrets.length).toBeGreaterThanOrEqual(8);
      const rows = await sql<{ details: string }>(t, `SELECT a::text AS details FROM audit_log a`);
      const text = rows.map((r) => r.details).join('\n');
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        if (secret.startsWith('ngk_')) expect(text).not.toContain(secret.split('_').slice(2).join('_'));
      }
      expect(text).not.toContain('$argon2');
    });
  });
});
