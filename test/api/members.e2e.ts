import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, CurrentUser, MemberView } from '@nguon/shared';
import {
  createBatch,
  createBusiness,
  createProducer,
  createStaff,
  createUser,
  makeEmail,
  makeLotCode,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, snapshotAllTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { membershipAudit, membershipNotices } from '../support/membership.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('members of a business', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let shop: Producer;
  let batch: BatchView;

  const membersPath = (businessId = shop.business.id) => `/api/businesses/${businessId}/members`;
  const list = (user: Credential, businessId = shop.business.id) =>
    f.http.get<MemberView[]>(membersPath(businessId), { token: user.token });
  const remove = (user: Credential, email: string, businessId = shop.business.id) =>
    f.http.request('DELETE', `${membersPath(businessId)}/${encodeURIComponent(email)}`, { token: user.token });
  const changeRole = (user: Credential, email: string, role: string, businessId = shop.business.id) =>
    f.http.request<MemberView>('PATCH', `${membersPath(businessId)}/${encodeURIComponent(email)}`, { token: user.token, body: { role } });
  const leave = (user: Credential, businessId = shop.business.id) =>
    f.http.post(`${membersPath(businessId)}/leave`, undefined, { token: user.token });
  const recordPacking = (user: Credential) =>
    f.http.post(`/api/batches/${batch.id}/events`, { stage: 'packing', quantity: 1 }, { token: user.token });
  const me = async (user: Credential) => (await f.http.get<CurrentUser>('/api/auth/me', { token: user.token })).body;

  /** The snapshot every refusal below must leave as it was. */
  const snapshot = () => snapshotAllTables(t);

  /** A business of its own with a founding owner, so counting owners is not disturbed by other tests. */
  async function ownBusiness(): Promise<{ founder: TestUser; id: string }> {
    const founder = await createUser(f);
    return { founder, id: (await createBusiness(f, founder)).id };
  }

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
        email: shop.owner.email,
        displayName: expect.any(String),
        role: 'owner',
        userId: shop.owner.id,
        status: 'active',
        since: expect.any(String),
      });
    });

    it('lists members only, never pending invitations, to staff and owners alike', async () => {
      const staff = await createStaff(f, shop.owner, shop.business.id);
      const invited = makeEmail('cho');
      await f.http.post(`/api/businesses/${shop.business.id}/invitations`, { email: invited, role: 'owner' }, { token: shop.owner.token });
      for (const user of [staff, shop.owner]) {
        const members = (await list(user)).body;
        expect(members.map((m) => m.email)).not.toContain(invited);
        expect(new Set(members.map((m) => m.status))).toEqual(new Set(['active']));
      }
    });
  });

  describe('PATCH /api/businesses/:id/members/:email', () => {
    it('lets an owner make staff an owner and back; the new owner may then manage members', async () => {
      const { founder, id } = await ownBusiness();
      const staff = await createStaff(f, founder, id);
      expectApiError(await f.http.get(`/api/businesses/${id}/invitations`, { token: staff.token }), 403, 'FORBIDDEN');

      const promoted = await changeRole(founder, staff.email.toUpperCase(), 'owner', id);
      expect(promoted.status).toBe(200);
      expect(promoted.body).toEqual(expect.objectContaining({ userId: staff.id, role: 'owner', status: 'active' }));
      expect((await f.http.get(`/api/businesses/${id}/invitations`, { token: staff.token })).status).toBe(200);
      expect((await me(staff)).memberships).toEqual([expect.objectContaining({ businessId: id, role: 'owner' })]);

      expect((await changeRole(staff, founder.email, 'staff', id)).body.role).toBe('staff');
      expect((await list(staff, id)).body.map((m) => [m.userId, m.role]).sort()).toEqual(
        [
          [founder.id, 'staff'],
          [staff.id, 'owner'],
        ].sort(),
      );
    });

    it('refuses to demote the last owner (422 LAST_OWNER), changing nothing', async () => {
      const { founder, id } = await ownBusiness();
      const before = await snapshot();
      expectApiError(await changeRole(founder, founder.email, 'staff', id), 422, 'LAST_OWNER');
      expect(await snapshot()).toEqual(before);
    });

    it('is for owners: staff get 403; an unknown member 404; a wrong role 400', async () => {
      const staff = await createStaff(f, shop.owner, shop.business.id);
      const before = await snapshot();
      expectApiError(await changeRole(staff, staff.email, 'owner'), 403, 'FORBIDDEN');
      expectApiError(await changeRole(shop.owner, makeEmail('ai'), 'owner'), 404, 'MEMBER_NOT_FOUND');
      expectApiError(await changeRole(shop.owner, staff.email, 'admin'), 400, 'VALIDATION_FAILED', ['role']);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('DELETE /api/businesses/:id/members/:email', () => {
    it('removes a member, whose writes for the business are refused from then on (403)', async () => {
      const staff = await createStaff(f, shop.owner, shop.business.id);
      expect((await recordPacking(staff)).status).toBe(201);

      expect((await remove(shop.owner, staff.email.toUpperCase())).status).toBe(204);

      const before = await snapshot();
      expectApiError(await recordPacking(staff), 403, 'FORBIDDEN');
      expectApiError(
        await f.http.post(
          '/api/batches',
          { productId: shop.product.id, lotCode: makeLotCode(), productionDate: '2026-10-01' },
          { token: staff.token },
        ),
        403,
        'FORBIDDEN',
      );
      expectApiError(await list(staff), 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect((await list(shop.owner)).body.map((m) => m.email)).not.toContain(staff.email);
      expect((await me(staff)).memberships).toEqual([]);
    });

    it('never removes the last owner (422 LAST_OWNER); an owner may remove another while one remains', async () => {
      const { founder, id } = await ownBusiness();
      expectApiError(await remove(founder, founder.email, id), 422, 'LAST_OWNER');

      const partner = await createStaff(f, founder, id, 'owner');
      expect((await remove(partner, founder.email, id)).status).toBe(204);
      const before = await snapshot();
      expectApiError(await remove(partner, partner.email, id), 422, 'LAST_OWNER');
      expect(await snapshot()).toEqual(before);
      expect((await list(partner, id)).body).toEqual([expect.objectContaining({ userId: partner.id, role: 'owner' })]);
    });

    it('keeps one owner when two owners remove or demote each other at the same moment', async () => {
      for (let round = 0; round < 3; round++) {
        const { founder, id } = await ownBusiness();
        const partner = await createStaff(f, founder, id, 'owner');
        const answers = await Promise.all([
          remove(founder, partner.email, id),
          round === 1 ? changeRole(partner, founder.email, 'staff', id) : remove(partner, founder.email, id),
        ]);
        // One wins; the other finds itself refusing the last owner (422), or no longer an owner (403).
        expect(answers.filter((a) => a.status < 300)).toHaveLength(1);
        expect(answers.filter((a) => a.status === 422 || a.status === 403)).toHaveLength(1);
        expect(await countRows(t, 'business_members', `business_id = $1 AND role = 'owner'`, [id])).toBe(1);
      }
    });

    it('answers 404 MEMBER_NOT_FOUND for an email that is not a member', async () => {
      const other = await createProducer(f, admin);
      const before = await snapshot();
      expectApiError(await remove(shop.owner, makeEmail('ai')), 404, 'MEMBER_NOT_FOUND');
      // A member of another business is no member of this one.
      expectApiError(await remove(shop.owner, other.owner.email), 404, 'MEMBER_NOT_FOUND');
      expect(await snapshot()).toEqual(before);
      expect((await list(other.owner, other.business.id)).body.map((m) => m.userId)).toContain(other.owner.id);
    });
  });

  describe('POST /api/businesses/:id/members/leave', () => {
    it('lets staff leave; the last owner cannot (422 LAST_OWNER)', async () => {
      const { founder, id } = await ownBusiness();
      const staff = await createStaff(f, founder, id);
      expect((await leave(staff, id)).status).toBe(204);
      expect((await me(staff)).memberships).toEqual([]);
      expectApiError(await leave(staff, id), 403, 'FORBIDDEN');
      const before = await snapshot();
      expectApiError(await leave(founder, id), 422, 'LAST_OWNER');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('every membership change', () => {
    it('is in the audit log and told to the other owners (not to the one who made it, nor to staff)', async () => {
      const { founder, id } = await ownBusiness();
      const partner = await createStaff(f, founder, id, 'owner');
      const staff = await createStaff(f, founder, id);
      const leaver = await createStaff(f, partner, id);
      const invited = makeEmail('moi');
      const invitation = (
        await f.http.post(`/api/businesses/${id}/invitations`, { email: invited, role: 'staff' }, { token: partner.token })
      ).body as { invitation: { id: string } };
      await f.http.post(`/api/businesses/${id}/invitations/${invitation.invitation.id}/resend`, undefined, { token: partner.token });
      await f.http.request('DELETE', `/api/businesses/${id}/invitations/${invitation.invitation.id}`, { token: partner.token });
      expect((await changeRole(partner, staff.email, 'owner', id)).status).toBe(200);
      expect((await changeRole(partner, staff.email, 'staff', id)).status).toBe(200);
      expect((await leave(leaver, id)).status).toBe(204);
      expect((await remove(partner, staff.email, id)).status).toBe(204);

      const audit = await membershipAudit(t, id);
      expect(audit.map((a) => a.action)).toEqual([
        'member.invite',
        'member.join',
        'member.invite',
        'member.join',
        'member.invite',
        'member.join',
        'member.invite',
        'member.invite_resend',
        'member.invite_revoke',
        'member.role_change',
        'member.role_change',
        'member.leave',
        'member.remove',
      ]);
      expect(audit.at(-1)).toEqual(
        expect.objectContaining({
          user_id: partner.id,
          target_id: staff.id,
          details: expect.objectContaining({ email: staff.email, role: 'staff' }),
        }),
      );
      expect(audit.at(-4)!.details).toEqual(expect.objectContaining({ email: staff.email, from: 'staff', to: 'owner' }));

      // The founder did none of the partner's changes: told of each. The partner is told only of what others did.
      const toFounder = await membershipNotices(f, founder, id);
      expect(toFounder).toHaveLength(audit.filter((a) => a.user_id !== founder.id).length);
      expect(toFounder.map((n) => n.body.en)).toEqual(
        expect.arrayContaining([
          `${partner.email} removed ${staff.email} (staff) from the business.`,
          `${leaver.email} (staff) left the business.`,
          `${partner.email} changed the role of ${staff.email} from staff to owner.`,
          `${partner.email} revoked the invitation to ${invited}.`,
        ]),
      );
      expect(toFounder[0]!.body.vi).toBe(`${partner.email} đã đưa ${staff.email} (nhân viên) ra khỏi doanh nghiệp.`);
      const toPartner = await membershipNotices(f, partner, id);
      expect(toPartner).toHaveLength(
        audit.filter((a) => a.user_id !== partner.id && !(a.action === 'member.join' && a.user_id === partner.id)).length,
      );
      expect(toPartner.map((n) => n.body.en).join('\n')).not.toContain(`${partner.email} removed`);
      const otherStaff = await createStaff(f, founder, id);
      expect(await membershipNotices(f, otherStaff, id)).toEqual([]);
    });
  });

  describe('a staff member', () => {
    let staff: TestUser;
    beforeAll(async () => {
      staff = await createStaff(f, shop.owner, shop.business.id);
    });

    it('can list the members but cannot invite, see invitations or remove anyone (403), changing nothing', async () => {
      expect((await list(staff)).status).toBe(200);
      const before = await snapshot();
      const invitations = `/api/businesses/${shop.business.id}/invitations`;
      expectApiError(await f.http.post(invitations, { email: makeEmail(), role: 'staff' }, { token: staff.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.post(invitations, { email: makeEmail(), role: 'owner' }, { token: staff.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.get(invitations, { token: staff.token }), 403, 'FORBIDDEN');
      expectApiError(await remove(staff, shop.owner.email), 403, 'FORBIDDEN');
      expectApiError(await remove(staff, staff.email), 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it('may register batches and record stages and processing', async () => {
      const registered = await f.http.post<BatchView>(
        '/api/batches',
        { productId: shop.product.id, lotCode: makeLotCode('S'), productionDate: '2026-10-01', quantity: 10 },
        { token: staff.token },
      );
      expect(registered.status).toBe(201);
      expect(
        (await f.http.post(`/api/batches/${registered.body.id}/events`, { stage: 'harvesting', quantity: 10 }, { token: staff.token }))
          .status,
      ).toBe(201);
      const output = await createBatch(f, shop.owner, shop.product.id);
      const processing = await f.http.post(
        '/api/events/processing',
        {
          inputs: [{ batchId: registered.body.id, quantity: 5, unit: 'KGM' }],
          outputs: [{ batchId: output.id, quantity: 4 }],
        },
        { token: staff.token },
      );
      expect(processing.status).toBe(201);
    });

    it('may not add products, places or certificates, nor manage API keys (403), changing nothing', async () => {
      const id = shop.business.id;
      const before = await snapshot();
      const refusals = [
        await f.http.post(
          `/api/businesses/${id}/products`,
          { name: { vi: 'Cam', en: 'Orange' }, category: 'fruit', unit: 'KGM' },
          { token: staff.token },
        ),
        await f.http.post(
          `/api/businesses/${id}/locations`,
          { kind: 'warehouse', name: 'Kho', address: 'Thôn 3', province: 'Hà Tĩnh' },
          { token: staff.token },
        ),
        await f.http.post(
          `/api/businesses/${id}/certificates`,
          { kind: 'vietgap', name: 'VietGAP', issuer: 'Cục Trồng trọt' },
          { token: staff.token },
        ),
        await f.http.post(`/api/businesses/${id}/api-keys`, { name: 'ERP', scopes: ['capture'] }, { token: staff.token }),
        await f.http.get(`/api/businesses/${id}/api-keys`, { token: staff.token }),
      ];
      for (const response of refusals) expectApiError(response, 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });
  });
});
