import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreatedInvitation, CurrentUser, InvitationPreview, InvitationView, LoginResponse } from '@nguon/shared';
import {
  acceptInvitation,
  businessInput,
  createBusiness,
  createStaff,
  createUser,
  inviteMember,
  makeEmail,
  signUpUnverified,
  type Credential,
  type Factory,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, snapshotAllTables, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { lastMailTo, mailsTo, tokenIn } from '../support/mailbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'mật khẩu người được mời';

describe('invitations to a business', () => {
  let t: TestApp;
  let f: Factory;
  let owner: TestUser;
  let businessId: string;

  const invitationsPath = (id = businessId) => `/api/businesses/${id}/invitations`;
  const listInvitations = (user: Credential, id = businessId) => f.http.get<InvitationView[]>(invitationsPath(id), { token: user.token });
  const accept = (user: Credential, token: string) => f.http.post<CurrentUser>('/api/invitations/accept', { token }, { token: user.token });
  const signUpWith = (token: string, displayName = 'Người được mời') =>
    f.http.post<LoginResponse>('/api/invitations/sign-up', { token, password: PASSWORD, displayName });
  const membershipsOf = async (user: Credential) => (await f.http.get<CurrentUser>('/api/auth/me', { token: user.token })).body.memberships;
  const tokenOf = (invitation: CreatedInvitation) => new URL(invitation.link).searchParams.get('token')!;
  const snapshot = () => snapshotAllTables(t);

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    owner = await createUser(f);
    businessId = (await createBusiness(f, owner, { legalName: 'HTX Bưởi Mời Thử' })).id;
  });
  afterAll(async () => t?.close());

  describe('the hijack that was', () => {
    it('signing up with an invited address grants nothing by itself', async () => {
      const email = makeEmail('cuop');
      await inviteMember(f, owner, businessId, email, 'owner');
      const squatter = await createUser(f, { email });
      expect(await membershipsOf(squatter)).toEqual([]);
      expect(await countRows(t, 'business_members', 'user_id = $1', [squatter.id])).toBe(0);
      expect((await listInvitations(owner)).body.map((i) => i.email)).toContain(email);
    });

    it('an account that already has the invited address joins only by accepting with the token', async () => {
      const user = await createUser(f);
      const invitation = await inviteMember(f, owner, businessId, user.email);
      expect(await membershipsOf(user)).toEqual([]);
      expect((await accept(user, tokenOf(invitation))).body.memberships).toEqual([expect.objectContaining({ businessId, role: 'staff' })]);
    });
  });

  describe('POST /api/businesses/:id/invitations', () => {
    it('mails the invitee a single-use link and shows the owner the same link once', async () => {
      const email = makeEmail('moi');
      const response = await f.http.post<CreatedInvitation>(invitationsPath(), { email, role: 'staff' }, { token: owner.token });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        invitation: {
          id: expect.any(String),
          email,
          role: 'staff',
          invitedByEmail: owner.email,
          createdAt: expect.any(String),
          expiresAt: expect.any(String),
          expired: false,
        },
        link: expect.stringMatching(/^http:\/\/nguon\.test\/invitations\/accept\?token=[A-Za-z0-9_-]{43}$/),
      });
      const days = (Date.parse(response.body.invitation.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      const mail = await lastMailTo(t, email);
      expect(mail.subject).toBe('Lời mời tham gia HTX Bưởi Mời Thử trên Nguồn / Invitation to join HTX Bưởi Mời Thử on Nguồn');
      expect(mail.text.indexOf('mời bạn tham gia')).toBeLessThan(mail.text.indexOf('invites you to join'));
      expect(tokenIn(mail, '/invitations/accept')).toBe(tokenOf(response.body));
      // Only a hash is stored, and the list never shows the link again.
      const [row] = await sql<{ token_hash: string }>(t, `SELECT token_hash FROM business_invitations WHERE id = $1`, [
        response.body.invitation.id,
      ]);
      expect(row!.token_hash).toBe(createHash('sha256').update(tokenOf(response.body)).digest('hex'));
      expect(JSON.stringify((await listInvitations(owner)).body)).not.toContain(tokenOf(response.body));
    });

    it('refuses a member or an address already invited, in any letter case (409 ALREADY_MEMBER)', async () => {
      const invited = makeEmail('cho');
      await inviteMember(f, owner, businessId, invited);
      const staff = await createStaff(f, owner, businessId);
      const before = await snapshot();
      for (const email of [owner.email, staff.email.toUpperCase(), invited.toUpperCase()]) {
        expectApiError(await f.http.post(invitationsPath(), { email, role: 'owner' }, { token: owner.token }), 409, 'ALREADY_MEMBER');
      }
      expectApiError(
        await f.http.post(invitationsPath(), { email: 'not-an-email', role: 'staff' }, { token: owner.token }),
        400,
        'VALIDATION_FAILED',
        ['email'],
      );
      expectApiError(
        await f.http.post(invitationsPath(), { email: makeEmail(), role: 'admin' }, { token: owner.token }),
        400,
        'VALIDATION_FAILED',
        ['role'],
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('POST /api/invitations/accept', () => {
    it('needs the token: a made-up one is 400 INVALID_TOKEN, and a used one too', async () => {
      const user = await createUser(f);
      const invitation = await inviteMember(f, owner, businessId, user.email, 'owner');
      const before = await snapshot();
      expectApiError(await accept(user, 'x'.repeat(43)), 400, 'INVALID_TOKEN');
      expect(await snapshot()).toEqual(before);

      const joined = await accept(user, tokenOf(invitation));
      expect(joined.status).toBe(200);
      expect(joined.body.memberships).toEqual([expect.objectContaining({ businessId, role: 'owner' })]);

      const other = await createUser(f);
      expectApiError(await accept(other, tokenOf(invitation)), 400, 'INVALID_TOKEN');
      expect(await membershipsOf(other)).toEqual([]);
    });

    it('refuses an expired token, and a revoked one', async () => {
      const user = await createUser(f);
      const expiring = await inviteMember(f, owner, businessId, user.email);
      await sql(t, `UPDATE business_invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.invitation.id]);
      expectApiError(await accept(user, tokenOf(expiring)), 400, 'INVALID_TOKEN');
      expectApiError(await f.http.post('/api/invitations/preview', { token: tokenOf(expiring) }), 400, 'INVALID_TOKEN');
      expect((await listInvitations(owner)).body.find((i) => i.id === expiring.invitation.id)?.expired).toBe(true);

      const other = await createUser(f);
      const revoked = await inviteMember(f, owner, businessId, other.email);
      expect((await f.http.request('DELETE', `${invitationsPath()}/${revoked.invitation.id}`, { token: owner.token })).status).toBe(204);
      expectApiError(await accept(other, tokenOf(revoked)), 400, 'INVALID_TOKEN');
      expect(await membershipsOf(other)).toEqual([]);
      expect((await listInvitations(owner)).body.map((i) => i.id)).not.toContain(revoked.invitation.id);
    });

    it('works from a link the owner handed over, for whoever is signed in', async () => {
      const invitation = await inviteMember(f, owner, businessId, makeEmail('tay'));
      const holder = await createUser(f);
      expect((await accept(holder, tokenOf(invitation))).body.memberships).toEqual([
        expect.objectContaining({ businessId, role: 'staff' }),
      ]);
    });

    it('answers 409 ALREADY_MEMBER to a member, leaving the token usable; 401 to the anonymous', async () => {
      const staff = await createStaff(f, owner, businessId);
      const invitation = await inviteMember(f, owner, businessId, makeEmail('lai'));
      expectApiError(await accept(staff, tokenOf(invitation)), 409, 'ALREADY_MEMBER');
      expectApiError(await f.http.post('/api/invitations/accept', { token: tokenOf(invitation) }), 401, 'UNAUTHENTICATED');
      expect((await f.http.post<InvitationPreview>('/api/invitations/preview', { token: tokenOf(invitation) })).body).toEqual({
        businessId,
        businessName: 'HTX Bưởi Mời Thử',
        role: 'staff',
        email: invitation.invitation.email,
        expiresAt: invitation.invitation.expiresAt,
      });
    });

    it('confirms the address of an unconfirmed account the invitation was mailed to', async () => {
      const user = await signUpUnverified(f);
      const invitation = await inviteMember(f, owner, businessId, user.email);
      expect((await accept(user, tokenOf(invitation))).body).toEqual(expect.objectContaining({ emailVerified: true }));
      expect((await f.http.post('/api/businesses', businessInput(), { token: user.token })).status).toBe(201);
    });
  });

  describe('POST /api/invitations/sign-up', () => {
    it('makes an account with the invited address, confirmed by the token, that joins at once', async () => {
      const email = makeEmail('dangky');
      const invitation = await inviteMember(f, owner, businessId, email);
      const response = await signUpWith(tokenOf(invitation));
      expect(response.status).toBe(201);
      expect(response.body.user).toEqual({
        id: expect.any(String),
        email,
        displayName: 'Người được mời',
        role: 'member',
        emailVerified: true,
        memberships: [expect.objectContaining({ businessId, role: 'staff' })],
      });
      expectApiError(await signUpWith(tokenOf(invitation)), 400, 'INVALID_TOKEN');
      expect(await countRows(t, 'users', 'lower(email) = lower($1)', [email])).toBe(1);
    });

    it('tells the holder of an address that has an account to sign in instead (409 EMAIL_TAKEN), changing nothing', async () => {
      const user = await createUser(f);
      const invitation = await inviteMember(f, owner, businessId, user.email);
      const before = await snapshot();
      expectApiError(await signUpWith(tokenOf(invitation)), 409, 'EMAIL_TAKEN');
      expect(await snapshot()).toEqual(before);
      await acceptInvitation(f, user);
      expect(await membershipsOf(user)).toHaveLength(1);
    });
  });

  describe('owners manage invitations', () => {
    it('re-sending mails a new link; the old one stops working', async () => {
      const user = await createUser(f);
      const first = await inviteMember(f, owner, businessId, user.email);
      const resent = await f.http.post<CreatedInvitation>(`${invitationsPath()}/${first.invitation.id}/resend`, undefined, {
        token: owner.token,
      });
      expect(resent.status).toBe(200);
      expect(resent.body.link).not.toBe(first.link);
      expect(tokenIn(await lastMailTo(t, user.email), '/invitations/accept')).toBe(tokenOf(resent.body));
      expect(await mailsTo(t, user.email)).toHaveLength(3);
      expectApiError(await accept(user, tokenOf(first)), 400, 'INVALID_TOKEN');
      expect((await accept(user, tokenOf(resent.body))).status).toBe(200);
    });

    it('staff cannot list, re-send or revoke invitations (403); another business cannot reach them (403/404)', async () => {
      const staff = await createStaff(f, owner, businessId);
      const invitation = await inviteMember(f, owner, businessId, makeEmail('kin'), 'owner');
      const stranger = await createUser(f);
      const strangersBusiness = (await createBusiness(f, stranger)).id;
      const before = await snapshot();
      expectApiError(await listInvitations(staff), 403, 'FORBIDDEN');
      expectApiError(
        await f.http.post(`${invitationsPath()}/${invitation.invitation.id}/resend`, undefined, { token: staff.token }),
        403,
        'FORBIDDEN',
      );
      expectApiError(
        await f.http.request('DELETE', `${invitationsPath()}/${invitation.invitation.id}`, { token: staff.token }),
        403,
        'FORBIDDEN',
      );
      expectApiError(await listInvitations(stranger), 403, 'FORBIDDEN');
      expectApiError(
        await f.http.request('DELETE', `${invitationsPath(strangersBusiness)}/${invitation.invitation.id}`, { token: stranger.token }),
        404,
        'INVITATION_NOT_FOUND',
      );
      expectApiError(
        await f.http.post(`${invitationsPath(strangersBusiness)}/${invitation.invitation.id}/resend`, undefined, { token: stranger.token }),
        404,
        'INVITATION_NOT_FOUND',
      );
      expect(await snapshot()).toEqual(before);
    });
  });
});

describe('invitations and sign-up when the mail server is down', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    // Nothing listens on port 9 of loopback: every send fails.
    t = await startTestApp({ env: { MAIL_TRANSPORT: 'smtp://127.0.0.1:9' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
  });
  afterAll(async () => t?.close());

  it("still answers, with the token stored for a later re-send or the owner's copy of the link", async () => {
    const email = makeEmail('thu');
    expect((await f.http.post('/api/auth/register', { email, password: PASSWORD, displayName: 'Thư' })).status).toBe(202);
    expect(await countRows(t, 'email_verifications', 'user_id = (SELECT id FROM users WHERE email = $1)', [email])).toBe(1);

    const login = await f.http.post<LoginResponse>('/api/auth/login', { email, password: PASSWORD });
    const user = { token: login.body.accessToken };
    // The unconfirmed account cannot register a business; confirm it the way the test factories cannot here.
    await sql(t, `UPDATE users SET email_verified_at = now() WHERE email = $1`, [email]);
    const business = await f.http.post<{ id: string }>('/api/businesses', businessInput(), user);
    const invited = await f.http.post<CreatedInvitation>(
      `/api/businesses/${business.body.id}/invitations`,
      { email: makeEmail('ban'), role: 'staff' },
      user,
    );
    expect(invited.status).toBe(201);
    expect((await f.http.post('/api/invitations/preview', { token: new URL(invited.body.link).searchParams.get('token') })).status).toBe(
      200,
    );
  });
});
