import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, CurrentUser, LoginResponse, MemberView } from '@nguon/shared';
import {
  createBatch, createBusiness, createProducer, createStaff, createUser, inviteMember, makeEmail, makeLotCode,
  type Credential, type Factory, type Producer, type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { ALL_WRITE_TABLES, snapshotTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('members of a business', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let shop: Producer;
  let batch: BatchView;

  const membersPath = (businessId = shop.business.id) => `/api/businesses/${businessId}/members`;
  const list = (user: Credential, businessId = shop.business.id) => f.http.get<MemberView[]>(membersPath(businessId), { token: user.token });
  const remove = (user: Credential, email: string, businessId = shop.business.id) =>
    f.http.request('DELETE', `${membersPath(businessId)}/${encodeURIComponent(email)}`, { token: user.token });
  const recordPacking = (user: Credential) => f.http.post(`/api/batches/${batch.id}/events`, { stage: 'packing', quantity: 1 }, { token: user.token });
  const me = async (user: Credential) => (await f.http.get<CurrentUser>('/api/auth/me', { token: user.token })).body;

  /** The snapshot every refusal below must leave as it was. */
  const snapshot = () => snapshotTables(t, ALL_WRITE_TABLES);

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    shop = await createProducer(f, admin);
    batch = await createBatch(f, shop.owner, shop.product.id, { quantity: 500 });
  });
  afterAll(async () => t?.close());

  describe('GET /api/businesses/:id/members', () => {
    it('lists the owner who registered the business as an active owner', async () => {
      const response = await list(shop.owner);
      expect(response.status).toBe(200);
      expect(response.body).toContainEqual({
        email: shop.owner.email, displayName: expect.any(String), role: 'owner', userId: shop.owner.id, status: 'active', since: expect.any(String),
      });
    });
  });

  describe('POST /api/businesses/:id/members', () => {
    it('adds a user who has an account at once; as staff they can then record events on the business\'s batches', async () => {
      const user = await createUser(f);
      expectApiError(await recordPacking(user), 403, 'FORBIDDEN');

      const response = await f.http.post<MemberView>(membersPath(), { email: user.email.toUpperCase(), role: 'staff' }, { token: shop.owner.token });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ email: user.email, displayName: expect.any(String), role: 'staff', userId: user.id, status: 'active', since: expect.any(String) });

      expect((await recordPacking(user)).status).toBe(201);
      expect((await me(user)).memberships).toEqual([expect.objectContaining({ businessId: shop.business.id, role: 'staff' })]);
      expect((await list(shop.owner)).body).toContainEqual(expect.objectContaining({ userId: user.id, status: 'active', role: 'staff' }));
    });

    it('keeps an invitation for an email without an account; signing up with it makes that person a member at once', async () => {
      const email = makeEmail('moi');
      const response = await f.http.post<MemberView>(membersPath(), { email: email.toUpperCase(), role: 'staff' }, { token: shop.owner.token });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ email: email.toUpperCase(), displayName: null, role: 'staff', userId: null, status: 'invited', since: expect.any(String) });
      expect((await list(shop.owner)).body).toContainEqual(expect.objectContaining({ email: email.toUpperCase(), status: 'invited', userId: null }));

      const signUp = await f.http.post<LoginResponse>('/api/auth/register', { email, password: 'mật khẩu nhân viên mới', displayName: 'Nhân viên mới' });
      expect(signUp.status).toBe(201);
      expect(signUp.body.user.memberships).toEqual([expect.objectContaining({ businessId: shop.business.id, role: 'staff' })]);

      const members = (await list(shop.owner)).body;
      expect(members.filter((m) => m.email.toLowerCase() === email)).toEqual([expect.objectContaining({ status: 'active', userId: signUp.body.user.id, role: 'staff' })]);
      expect((await recordPacking({ token: signUp.body.accessToken })).status).toBe(201);
    });

    it('refuses someone who is already a member or invited, in any letter case, with 409 ALREADY_MEMBER', async () => {
      const invited = makeEmail('cho');
      await inviteMember(f, shop.owner, shop.business.id, invited);
      const staff = await createStaff(f, shop.owner, shop.business.id);
      const before = await snapshot();
      for (const email of [shop.owner.email, staff.email.toUpperCase(), invited.toUpperCase()]) {
        expectApiError(await f.http.post(membersPath(), { email, role: 'owner' }, { token: shop.owner.token }), 409, 'ALREADY_MEMBER');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an invalid email or role, naming the field', async () => {
      expectApiError(await f.http.post(membersPath(), { email: 'not-an-email', role: 'staff' }, { token: shop.owner.token }), 400, 'VALIDATION_FAILED', ['email']);
      expectApiError(await f.http.post(membersPath(), { email: makeEmail(), role: 'admin' }, { token: shop.owner.token }), 400, 'VALIDATION_FAILED', ['role']);
    });
  });

  describe('DELETE /api/businesses/:id/members/:email', () => {
    it('removes a member, whose writes for the business are refused from then on (403)', async () => {
      const staff = await createStaff(f, shop.owner, shop.business.id);
      expect((await recordPacking(staff)).status).toBe(201);

      expect((await remove(shop.owner, staff.email.toUpperCase())).status).toBe(204);

      const before = await snapshot();
      expectApiError(await recordPacking(staff), 403, 'FORBIDDEN');
      expectApiError(await f.http.post('/api/batches', { productId: shop.product.id, lotCode: makeLotCode(), productionDate: '2026-10-01' }, { token: staff.token }), 403, 'FORBIDDEN');
      expectApiError(await list(staff), 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect((await list(shop.owner)).body.map((m) => m.email)).not.toContain(staff.email);
      expect((await me(staff)).memberships).toEqual([]);
    });

    it('withdraws an invitation: that email no longer joins when it signs up', async () => {
      const email = makeEmail('rut');
      await inviteMember(f, shop.owner, shop.business.id, email);

      expect((await remove(shop.owner, email)).status).toBe(204);
      expect((await list(shop.owner)).body.map((m) => m.email)).not.toContain(email);
      const signUp = await f.http.post<LoginResponse>('/api/auth/register', { email, password: 'mật khẩu đủ dài', displayName: 'Người được mời' });
      expect(signUp.body.user.memberships).toEqual([]);
      // And it can be invited again afterwards.
      expect((await f.http.post(membersPath(), { email, role: 'staff' }, { token: shop.owner.token })).status).toBe(201);
    });

    it('never removes the last owner (422 LAST_OWNER); an owner may leave while another remains', async () => {
      const founder = await createUser(f);
      const business = await createBusiness(f, founder);
      expectApiError(await remove(founder, founder.email, business.id), 422, 'LAST_OWNER');

      const partner = await createStaff(f, founder, business.id, 'owner');
      expect((await remove(partner, founder.email, business.id)).status).toBe(204);
      const before = await snapshot();
      expectApiError(await remove(partner, partner.email, business.id), 422, 'LAST_OWNER');
      expect(await snapshot()).toEqual(before);
      expect((await list(partner, business.id)).body).toEqual([expect.objectContaining({ userId: partner.id, role: 'owner' })]);
    });

    it('answers 404 MEMBER_NOT_FOUND for an email that is neither a member nor invited', async () => {
      const other = await createProducer(f, admin);
      const before = await snapshot();
      expectApiError(await remove(shop.owner, makeEmail('ai')), 404, 'MEMBER_NOT_FOUND');
      // A member of another business is no member of this one.
      expectApiError(await remove(shop.owner, other.owner.email), 404, 'MEMBER_NOT_FOUND');
      expect(await snapshot()).toEqual(before);
      expect((await list(other.owner, other.business.id)).body.map((m) => m.userId)).toContain(other.owner.id);
    });
  });

  describe('a staff member', () => {
    let staff: TestUser;
    beforeAll(async () => {
      staff = await createStaff(f, shop.owner, shop.business.id);
    });

    it('can list the members but cannot invite or remove anyone (403), changing nothing', async () => {
      expect((await list(staff)).status).toBe(200);
      const before = await snapshot();
      expectApiError(await f.http.post(membersPath(), { email: makeEmail(), role: 'staff' }, { token: staff.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.post(membersPath(), { email: makeEmail(), role: 'owner' }, { token: staff.token }), 403, 'FORBIDDEN');
      expectApiError(await remove(staff, shop.owner.email), 403, 'FORBIDDEN');
      expectApiError(await remove(staff, staff.email), 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it('may register batches and record stages and processing', async () => {
      const registered = await f.http.post<BatchView>('/api/batches', { productId: shop.product.id, lotCode: makeLotCode('S'), productionDate: '2026-10-01', quantity: 10 }, { token: staff.token });
      expect(registered.status).toBe(201);
      expect((await f.http.post(`/api/batches/${registered.body.id}/events`, { stage: 'harvesting', quantity: 10 }, { token: staff.token })).status).toBe(201);
      const output = await createBatch(f, shop.owner, shop.product.id);
      const processing = await f.http.post('/api/events/processing', {
        inputs: [{ batchId: registered.body.id, quantity: 5, unit: 'KGM' }], outputs: [{ batchId: output.id, quantity: 4 }],
      }, { token: staff.token });
      expect(processing.status).toBe(201);
    });

    it('may not add products, places or certificates, nor manage API keys (403), changing nothing', async () => {
      const id = shop.business.id;
      const before = await snapshot();
      const refusals = [
        await f.http.post(`/api/businesses/${id}/products`, { name: { vi: 'Cam', en: 'Orange' }, category: 'fruit', unit: 'KGM' }, { token: staff.token }),
        await f.http.post(`/api/businesses/${id}/locations`, { kind: 'warehouse', name: 'Kho', address: 'Thôn 3', province: 'Hà Tĩnh' }, { token: staff.token }),
        await f.http.post(`/api/businesses/${id}/certificates`, { kind: 'vietgap', name: 'VietGAP', issuer: 'Cục Trồng trọt' }, { token: staff.token }),
        await f.http.post(`/api/businesses/${id}/api-keys`, { name: 'ERP', scopes: ['capture'] }, { token: staff.token }),
        await f.http.get(`/api/businesses/${id}/api-keys`, { token: staff.token }),
      ];
      for (const response of refusals) expectApiError(response, 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });
  });
});
