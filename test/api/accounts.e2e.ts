import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CurrentUser, LoginResponse, UserView } from '@nguon/shared';
import { TokenService } from '../../server/src/auth/token.service.js';
import { createHash } from 'node:crypto';
import {
  businessInput,
  createBusiness,
  createUser,
  makeEmail,
  signIn,
  signUpUnverified,
  type Factory,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, snapshotAllTables, sql } from '../support/db.js';
import { httpClient, type HttpResponse } from '../support/http.js';
import { lastMailTo, mailsTo, tokenIn } from '../support/mailbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'mật khẩu đủ dài 2026';
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { sid: string; sub: string; exp: number };

/** Nothing that reveals a password: not the password itself, not its hash, not a field for either. */
function expectNoPasswordIn(response: HttpResponse, password: string): void {
  const text = JSON.stringify(response.body);
  expect(text).not.toContain(password);
  expect(text).not.toContain('$argon2');
  expect(text).not.toMatch(/password_?hash/i);
}

describe('accounts', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;

  const register = (email: string, password = PASSWORD, displayName = 'Nguyễn Văn An') =>
    f.http.post<LoginResponse>('/api/auth/register', { email, password, displayName });
  const login = (email: string, password: string) => f.http.post<LoginResponse>('/api/auth/login', { email, password });
  const me = (token: string) => f.http.get<CurrentUser>('/api/auth/me', { token });

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
  });
  afterAll(async () => t?.close());

  describe('POST /api/auth/register', () => {
    it('answers 202 "check your mail" and mails a confirmation link; the account exists, unconfirmed', async () => {
      const email = makeEmail('an');
      const response = await register(email);

      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'check_mail' });
      const mail = await lastMailTo(t, email);
      // Bilingual, Vietnamese first, the link on the portal's public address.
      expect(mail.subject).toBe('Xác nhận địa chỉ email của bạn trên Nguồn / Confirm your email address on Nguồn');
      expect(mail.text.indexOf('Chào Nguyễn Văn An')).toBeLessThan(mail.text.indexOf('Hello Nguyễn Văn An'));
      expect(mail.text).toMatch(/http:\/\/nguon\.test\/verify-email\?token=[A-Za-z0-9_-]{43}\b/);
      expect(mail.html).toContain('<a href="http://nguon.test/verify-email?token=');
      const signIn = await login(email, PASSWORD);
      expect(signIn.status).toBe(200);
      expect(signIn.body.user).toEqual({
        id: expect.any(String),
        email,
        displayName: 'Nguyễn Văn An',
        role: 'member',
        emailVerified: false,
        memberships: [],
      });
    });

    it('answers a taken address exactly as a new one, and mails its owner instead of changing the account', async () => {
      const owner = await createUser(f, { password: PASSWORD });
      const fresh = makeEmail('moi');
      const answers = [await register(fresh, 'another long password'), await register(owner.email.toUpperCase(), 'another long password')];
      expect(answers.map((a) => a.status)).toEqual([202, 202]);
      expect(answers[1]!.body).toEqual(answers[0]!.body);
      expect([...answers[1]!.headers.keys()].sort()).toEqual([...answers[0]!.headers.keys()].sort());

      const notice = await lastMailTo(t, owner.email);
      expect(notice.subject).toBe('Có người vừa đăng ký Nguồn bằng email của bạn / Someone tried to sign up to Nguồn with your email');
      expect(notice.text).toContain('http://nguon.test/login');
      expect(notice.text).not.toContain('token=');
      expect(await countRows(t, 'users', 'lower(email) = lower($1)', [owner.email])).toBe(1);
      expect((await login(owner.email, PASSWORD)).status).toBe(200);
      expectApiError(await login(owner.email, 'another long password'), 401, 'INVALID_CREDENTIALS');
    });

    it('lets a newer sign-up take over an address nobody confirmed: the earlier password, sign-ins and link stop working', async () => {
      const email = makeEmail('chiem');
      await register(email, 'password of a squatter');
      const squatter = (await login(email, 'password of a squatter')).body.accessToken;
      const squattersLink = tokenIn(await lastMailTo(t, email), '/verify-email');

      expect((await register(email, PASSWORD, 'Chủ thật')).status).toBe(202);
      expectApiError(await me(squatter), 401, 'UNAUTHENTICATED');
      expectApiError(await f.http.post('/api/auth/verify-email', { token: squattersLink }), 400, 'INVALID_TOKEN');
      const verified = await f.http.post<LoginResponse>('/api/auth/verify-email', {
        token: tokenIn(await lastMailTo(t, email), '/verify-email'),
      });
      expect(verified.body.user).toEqual(expect.objectContaining({ email, displayName: 'Chủ thật', emailVerified: true }));
      expectApiError(await login(email, 'password of a squatter'), 401, 'INVALID_CREDENTIALS');
    });

    it('refuses a password shorter than ten characters, naming the field and creating nobody', async () => {
      const email = makeEmail('ngan');
      const response = await register(email, 'ngan-9chr');
      expectApiError(response, 400, 'VALIDATION_FAILED', ['password']);
      expect(JSON.stringify(response.body)).not.toContain('ngan-9chr');
      expect(await countRows(t, 'users', 'lower(email) = lower($1)', [email])).toBe(0);
    });

    it('never echoes the password, nor any hash of it', async () => {
      const response = await register(makeEmail('kin'));
      expect(response.status).toBe(202);
      expectNoPasswordIn(response, PASSWORD);
    });
  });

  describe('POST /api/auth/verify-email', () => {
    it('confirms the address and signs in, once: the same link again, an expired or a made-up one is 400 INVALID_TOKEN', async () => {
      const email = makeEmail('xacnhan');
      await register(email);
      const token = tokenIn(await lastMailTo(t, email), '/verify-email');

      const verified = await f.http.post<LoginResponse>('/api/auth/verify-email', { token });
      expect(verified.status).toBe(200);
      expect(verified.body.user).toEqual(expect.objectContaining({ email, emailVerified: true }));
      expect((await me(verified.body.accessToken)).body.emailVerified).toBe(true);
      expectApiError(await f.http.post('/api/auth/verify-email', { token }), 400, 'INVALID_TOKEN');

      const late = makeEmail('muon');
      await register(late);
      const lateToken = tokenIn(await lastMailTo(t, late), '/verify-email');
      await sql(
        t,
        `UPDATE email_verifications SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
        [late],
      );
      expectApiError(await f.http.post('/api/auth/verify-email', { token: lateToken }), 400, 'INVALID_TOKEN');
      expectApiError(await f.http.post('/api/auth/verify-email', { token: 'A'.repeat(43) }), 400, 'INVALID_TOKEN');
      expectApiError(await f.http.post('/api/auth/verify-email', { token: 'not a token' }), 400, 'VALIDATION_FAILED', ['token']);
      expect((await login(late, PASSWORD)).body.user.emailVerified).toBe(false);
    });

    it('keeps only a hash of the token', async () => {
      const email = makeEmail('bam');
      await register(email);
      const token = tokenIn(await lastMailTo(t, email), '/verify-email');
      const rows = await sql<{ token_hash: string }>(
        t,
        `SELECT token_hash FROM email_verifications v JOIN users u ON u.id = v.user_id WHERE u.email = $1`,
        [email],
      );
      expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    });
  });

  describe('POST /api/auth/verify-email/resend', () => {
    it('mails a new link (the old one stops working), at most once a minute (429 with Retry-After)', async () => {
      const user = await signUpUnverified(f);
      const first = tokenIn(await lastMailTo(t, user.email), '/verify-email');
      await sql(t, `UPDATE email_verifications SET created_at = created_at - interval '2 minutes' WHERE user_id = $1`, [user.id]);

      expect((await f.http.post('/api/auth/verify-email/resend', undefined, { token: user.token })).status).toBe(204);
      const second = tokenIn(await lastMailTo(t, user.email), '/verify-email');
      expect(second).not.toBe(first);
      const tooSoon = await f.http.post('/api/auth/verify-email/resend', undefined, { token: user.token });
      expectApiError(tooSoon, 429, 'RATE_LIMITED');
      expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(tooSoon.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await mailsTo(t, user.email)).toHaveLength(2);

      expectApiError(await f.http.post('/api/auth/verify-email', { token: first }), 400, 'INVALID_TOKEN');
      expect((await f.http.post('/api/auth/verify-email', { token: second })).status).toBe(200);
      expectApiError(await f.http.post('/api/auth/verify-email/resend', undefined, { token: user.token }), 409, 'EMAIL_ALREADY_VERIFIED');
      expectApiError(await f.http.post('/api/auth/verify-email/resend'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('registering a business', () => {
    it('needs a confirmed address: 403 EMAIL_NOT_VERIFIED before, changing nothing; 201 after', async () => {
      const user = await signUpUnverified(f);
      const before = await snapshotAllTables(t);
      expectApiError(await f.http.post('/api/businesses', businessInput(), { token: user.token }), 403, 'EMAIL_NOT_VERIFIED');
      expect(await snapshotAllTables(t)).toEqual(before);

      await f.http.post('/api/auth/verify-email', { token: tokenIn(await lastMailTo(t, user.email), '/verify-email') });
      expect((await f.http.post('/api/businesses', businessInput(), { token: user.token })).status).toBe(201);
    });
  });

  describe('POST /api/auth/login', () => {
    it('signs in with the right password (the email in any case), starting a new session', async () => {
      const user = await createUser(f, { password: PASSWORD });
      const response = await login(user.email.toUpperCase(), PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body.user.id).toBe(user.id);
      expect(response.body.accessToken).not.toBe(user.token);
      expect((await me(response.body.accessToken)).body.id).toBe(user.id);
      expect(await countRows(t, 'sessions', 'user_id = $1 AND revoked_at IS NULL', [user.id])).toBe(2);
      expectNoPasswordIn(response, PASSWORD);
    });

    it('answers a wrong password and an unknown email alike, with 401 INVALID_CREDENTIALS', async () => {
      const user = await createUser(f, { password: PASSWORD });
      const wrongPassword = await login(user.email, `${PASSWORD}!`);
      const unknownEmail = await login(makeEmail('nobody'), PASSWORD);
      const a = expectApiError(wrongPassword, 401, 'INVALID_CREDENTIALS');
      const b = expectApiError(unknownEmail, 401, 'INVALID_CREDENTIALS');
      expect({ ...a, requestId: null }).toEqual({ ...b, requestId: null });
      expect(await countRows(t, 'sessions', 'user_id = $1', [user.id])).toBe(1);
    });
  });

  describe('GET /api/auth/me', () => {
    it('tells who is signed in, with the businesses they act for and their role there', async () => {
      const user = await createUser(f);
      const business = await createBusiness(f, user);
      const response = await me(user.token);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: user.id,
        email: user.email,
        displayName: expect.any(String),
        role: 'member',
        emailVerified: true,
        memberships: [{ businessId: business.id, businessName: business.legalName, businessStatus: 'pending', role: 'owner' }],
      });
    });

    it('answers 401 UNAUTHENTICATED without a token', async () => {
      expectApiError(await f.http.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /api/auth/logout', () => {
    it('ends the token it is called with, and only that one', async () => {
      const first = await createUser(f);
      const second = await signIn(f, first);

      const response = await f.http.post('/api/auth/logout', undefined, { token: first.token });
      expect(response.status).toBe(204);
      expectApiError(await me(first.token), 401, 'UNAUTHENTICATED');
      expectApiError(await f.http.post('/api/auth/logout', undefined, { token: first.token }), 401, 'UNAUTHENTICATED');
      expect((await me(second.token)).status).toBe(200);
    });
  });

  describe('POST /api/auth/password', () => {
    const changePassword = (user: TestUser, currentPassword: string, newPassword: string) =>
      f.http.post('/api/auth/password', { currentPassword, newPassword }, { token: user.token });

    it('refuses a wrong current password with 422 WRONG_PASSWORD naming currentPassword, changing nothing', async () => {
      const user = await createUser(f);
      const other = await signIn(f, user);
      const [before] = await sql<{ password_hash: string }>(t, `SELECT password_hash FROM users WHERE id = $1`, [user.id]);

      const response = await changePassword(user, 'not my password at all', 'a brand new password');
      expectApiError(response, 422, 'WRONG_PASSWORD', ['currentPassword']);
      expect(await sql(t, `SELECT password_hash FROM users WHERE id = $1`, [user.id])).toEqual([before]);
      expect((await me(other.token)).status).toBe(200);
      expect((await login(user.email, user.password)).status).toBe(200);
    });

    it('refuses a new password shorter than ten characters, naming newPassword', async () => {
      const user = await createUser(f);
      expectApiError(await changePassword(user, user.password, 'short'), 400, 'VALIDATION_FAILED', ['newPassword']);
      expect((await login(user.email, user.password)).status).toBe(200);
    });

    it('changes it: the old password is refused, the new one works, every other session ends and this one continues', async () => {
      const user = await createUser(f);
      const laptop = await signIn(f, user);
      const phone = await signIn(f, user);
      const newPassword = 'một mật khẩu mới hoàn toàn';

      const response = await changePassword(user, user.password, newPassword);
      expect(response.status).toBe(204);

      expectApiError(await login(user.email, user.password), 401, 'INVALID_CREDENTIALS');
      expect((await login(user.email, newPassword)).status).toBe(200);
      expectApiError(await me(laptop.token), 401, 'UNAUTHENTICATED');
      expectApiError(await me(phone.token), 401, 'UNAUTHENTICATED');
      expect((await me(user.token)).status).toBe(200);
    });
  });

  describe('a disabled account', () => {
    const setDisabled = (user: TestUser, disabled: boolean) =>
      f.http.request<UserView>('PATCH', `/api/admin/users/${user.id}`, { body: { disabled }, token: admin.token });

    it('cannot sign in (403 ACCOUNT_DISABLED), and the tokens it had stop working at once', async () => {
      const user = await createUser(f);
      const other = await signIn(f, user);
      expect((await me(user.token)).status).toBe(200);

      const response = await setDisabled(user, true);
      expect(response.status).toBe(200);
      expect(response.body.disabled).toBe(true);

      expectApiError(await login(user.email, user.password), 403, 'ACCOUNT_DISABLED');
      for (const token of [user.token, other.token]) {
        const refused = await me(token);
        expect([401, 403]).toContain(refused.status);
        expectApiError(refused, refused.status, refused.status === 401 ? 'UNAUTHENTICATED' : 'ACCOUNT_DISABLED');
      }
      expect(await countRows(t, 'sessions', 'user_id = $1 AND revoked_at IS NULL', [user.id])).toBe(0);
    });

    it('can sign in again once re-enabled, while the tokens it had stay ended', async () => {
      const user = await createUser(f);
      await setDisabled(user, true);
      expect((await setDisabled(user, false)).body.disabled).toBe(false);

      const response = await login(user.email, user.password);
      expect(response.status).toBe(200);
      expect((await me(response.body.accessToken)).status).toBe(200);
      expectApiError(await me(user.token), 401, 'UNAUTHENTICATED');
    });
  });

  describe('no password or hash in any response', () => {
    it('holds for sign-up, sign-in, my account, and the administrator views of users', async () => {
      const email = makeEmail('hoa');
      const responses: HttpResponse[] = [await register(email)];
      responses.push(await f.http.post('/api/auth/verify-email', { token: tokenIn(await lastMailTo(t, email), '/verify-email') }));
      responses.push(await login(email, PASSWORD));
      const token = responses[2]!.body.accessToken;
      const id = responses[1]!.body.user.id;
      responses.push(await me(token));
      responses.push(await f.http.get(`/api/admin/users?q=${encodeURIComponent(email)}`, { token: admin.token }));
      responses.push(await f.http.request('PATCH', `/api/admin/users/${id}`, { body: { role: 'member' }, token: admin.token }));
      responses.push(
        await f.http.post(
          '/api/admin/users',
          { email: makeEmail('tra'), displayName: 'Thanh tra', password: PASSWORD, role: 'inspector' },
          { token: admin.token },
        ),
      );
      responses.push(await f.http.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD} mới` }, { token }));
      responses.push(await f.http.get('/api/audit?limit=100', { token: admin.token }));

      expect(responses.map((r) => r.status)).toEqual([202, 200, 200, 200, 200, 200, 201, 204, 200]);
      expect(responses[4]!.body.items).toEqual([expect.objectContaining({ id, email })]);
      for (const response of responses) {
        expectNoPasswordIn(response, PASSWORD);
        expect(JSON.stringify(response.body)).not.toContain(`${PASSWORD} mới`);
      }
    });
  });

  describe('the users table', () => {
    it('stores an argon2 hash of the password, never the password itself', async () => {
      const user = await createUser(f, { password: PASSWORD });
      const [row] = await sql<{ password_hash: string }>(t, `SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      expect(row!.password_hash).toMatch(/^\$argon2(id|i|d)\$/);
      expect(row!.password_hash).not.toContain(PASSWORD);
      const [whole] = await sql<{ text: string }>(t, `SELECT string_agg(u::text, '|') AS text FROM users u`);
      expect(whole!.text).not.toContain(PASSWORD);
    });
  });
});

describe('sign-in tokens expire', () => {
  const ttlSeconds = 60;
  let t: TestApp;
  let f: Factory;
  let user: TestUser;
  let tokens: TokenService;

  beforeAll(async () => {
    t = await startTestApp({ env: { TOKEN_TTL_SECONDS: String(ttlSeconds) } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    tokens = t.app.nest.get(TokenService);
    user = await createUser(f);
  });
  afterAll(async () => t?.close());

  it('after TOKEN_TTL_SECONDS: the token, the answer and the session all say so', async () => {
    const started = Date.now();
    const response = await f.http.post<LoginResponse>('/api/auth/login', { email: user.email, password: user.password });
    const expiresAt = new Date(response.body.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(started + ttlSeconds * 1000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + ttlSeconds * 1000 + 1000);
    const { sid, exp } = claimsOf(response.body.accessToken);
    expect(exp).toBe(Math.floor(expiresAt / 1000));
    const [session] = await sql<{ expires_at: Date }>(t, `SELECT expires_at FROM sessions WHERE id = $1`, [sid]);
    expect(session!.expires_at.toISOString()).toBe(response.body.expiresAt);
  });

  it('refuses a token past its expiry with 401, while the same session with a live token works', async () => {
    const { sid, sub } = claimsOf(user.token);
    const expired = tokens.issue(sid, sub, new Date(Date.now() - 1000));
    const live = tokens.issue(sid, sub, new Date(Date.now() + 30_000));
    expectApiError(await f.http.get('/api/auth/me', { token: expired }), 401, 'UNAUTHENTICATED');
    expectApiError(await f.http.post('/api/businesses', {}, { token: expired }), 401, 'UNAUTHENTICATED');
    expect((await f.http.get('/api/auth/me', { token: live })).status).toBe(200);
  });

  it('refuses a token whose session has expired, whatever the token says', async () => {
    const other = await signIn(f, user);
    expect((await f.http.get('/api/auth/me', { token: other.token })).status).toBe(200);
    await sql(t, `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [claimsOf(other.token).sid]);
    expectApiError(await f.http.get('/api/auth/me', { token: other.token }), 401, 'UNAUTHENTICATED');
  });
});
