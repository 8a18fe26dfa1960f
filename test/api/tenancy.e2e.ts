import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiKeyScope, BatchView, BusinessView, CreatedApiKey, ErrorCode } from '@nguon/shared';
import { TokenService } from '../../server/src/auth/token.service.js';
import {
  businessInput,
  createApiKey,
  createBatch,
  createBusiness,
  createProducer,
  createStaff,
  createUser,
  createVerifiedBusiness,
  makeEmail,
  makeLotCode,
  signIn,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotAllTables, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;

interface World {
  admin: TestUser;
  inspector: TestUser;
  /** The business every write below is aimed at, its owner, and a staff member of it. */
  alice: Producer;
  aliceStaff: TestUser;
  /** Owner of another verified business: signed in, but not a member of Alice's. */
  mallory: Producer;
  /** Alice's businesses waiting for a decision, and one verified to suspend. */
  pending: BusinessView;
  toReject: BusinessView;
  toSuspend: BusinessView;
  batch: BatchView;
  otherBatch: BatchView;
  /** A staff member of Alice's whom the control request removes. */
  removable: TestUser;
  keys: {
    /** Alice's business's keys, used as credentials. */
    capture: ApiKey;
    read: ApiKey;
    /** Mallory's business's key, with every scope. */
    mallory: ApiKey;
    /** Targets of the control requests. */
    toRotate: ApiKey;
    toRevoke: ApiKey;
    /** Keys that no longer work. */
    revoked: ApiKey;
    rotatedAway: ApiKey;
  };
  /** Tokens that no longer work: signed out, ended by a password change, of a disabled account, of an expired session. */
  ended: { signedOut: string; passwordChanged: string; disabled: string; sessionExpired: string };
  /** Users the admin, sign-out and password controls act on. */
  subject: TestUser;
  leaver: TestUser;
  changer: TestUser;
}

type ApiKey = CreatedApiKey & Credential;
type RefusalCode = 'FORBIDDEN' | 'INSUFFICIENT_SCOPE';
/** Someone signed in (or a key) who must be refused with 403, and the code they get. */
type Refusal = [who: string, credential: (w: World) => Credential, code: RefusalCode];

interface WriteEndpoint {
  name: string;
  method?: 'POST' | 'PATCH' | 'DELETE';
  path(w: World): string;
  body(w: World): unknown;
  /** Who may do it, for the control request at the end, and the status they get. */
  allowed(w: World): TestUser;
  status: number;
  /** Credentials that must be refused with 403. */
  refused: Refusal[];
}

/** Signed in, but acting for no part of Alice's business. */
const OUTSIDERS: Refusal[] = [
  ['a member of another business', (w) => w.mallory.owner, 'FORBIDDEN'],
  ['an inspector', (w) => w.inspector, 'FORBIDDEN'],
  ['an administrator', (w) => w.admin, 'FORBIDDEN'],
  ["another business's key (every scope)", (w) => w.keys.mallory, 'FORBIDDEN'],
];
/** Alice's own keys, on routes only people may use. */
const OWN_KEYS: Refusal[] = [
  ["the business's own capture key (people only)", (w) => w.keys.capture, 'FORBIDDEN'],
  ["the business's own read key (people only)", (w) => w.keys.read, 'FORBIDDEN'],
];
/** Routes for the business's owners: everyone else, staff and the business's keys included. */
const OWNERS_ONLY: Refusal[] = [...OUTSIDERS, ['a staff member where an owner is needed', (w) => w.aliceStaff, 'FORBIDDEN'], ...OWN_KEYS];
/** The catalogue: the business's owners, and its keys with the manage scope. */
const OWNERS_AND_MANAGE_KEYS: Refusal[] = [
  ...OUTSIDERS,
  ['a staff member where an owner is needed', (w) => w.aliceStaff, 'FORBIDDEN'],
  ["the business's own capture key", (w) => w.keys.capture, 'INSUFFICIENT_SCOPE'],
  ["the business's own read key", (w) => w.keys.read, 'INSUFFICIENT_SCOPE'],
];
/** Routes a business's members and capture keys use. */
const MEMBERS_AND_CAPTURE_KEYS: Refusal[] = [...OUTSIDERS, ["the business's read-only key", (w) => w.keys.read, 'INSUFFICIENT_SCOPE']];
/** Routes for administrators. */
const ADMINS_ONLY: Refusal[] = [
  ['a business owner', (w) => w.alice.owner, 'FORBIDDEN'],
  ['a staff member', (w) => w.aliceStaff, 'FORBIDDEN'],
  ['an inspector', (w) => w.inspector, 'FORBIDDEN'],
  ...OWN_KEYS,
];

const WRITES: WriteEndpoint[] = [
  {
    name: 'POST /api/businesses',
    path: () => '/api/businesses',
    body: () => businessInput(),
    allowed: (w) => w.mallory.owner,
    status: 201,
    refused: OWN_KEYS,
  },
  {
    name: 'POST /api/businesses/:id/verify',
    path: (w) => `/api/businesses/${w.pending.id}/verify`,
    body: () => undefined,
    allowed: (w) => w.admin,
    status: 200,
    refused: [
      ['its own owner', (w) => w.alice.owner, 'FORBIDDEN'],
      ['a member of another business', (w) => w.mallory.owner, 'FORBIDDEN'],
      ...ADMINS_ONLY.slice(1),
    ],
  },
  {
    name: 'POST /api/businesses/:id/reject',
    path: (w) => `/api/businesses/${w.toReject.id}/reject`,
    body: () => ({ reason: 'Giấy phép kinh doanh không khớp' }),
    allowed: (w) => w.admin,
    status: 200,
    refused: [
      ['its own owner', (w) => w.alice.owner, 'FORBIDDEN'],
      ['a member of another business', (w) => w.mallory.owner, 'FORBIDDEN'],
      ...ADMINS_ONLY.slice(1),
    ],
  },
  {
    name: 'POST /api/businesses/:id/suspend',
    path: (w) => `/api/businesses/${w.toSuspend.id}/suspend`,
    body: () => ({ reason: 'Nghi vấn hàng giả' }),
    allowed: (w) => w.admin,
    status: 200,
    refused: [
      ['its own owner', (w) => w.alice.owner, 'FORBIDDEN'],
      ['a member of another business', (w) => w.mallory.owner, 'FORBIDDEN'],
      ...ADMINS_ONLY.slice(1),
    ],
  },
  {
    name: 'POST /api/businesses/:id/certificates',
    path: (w) => `/api/businesses/${w.alice.business.id}/certificates`,
    body: () => ({ kind: 'vietgap', name: 'VietGAP', issuer: 'Cục Trồng trọt', validTo: '2030-01-01' }),
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: OWNERS_ONLY,
  },
  {
    name: 'POST /api/businesses/:id/locations',
    path: (w) => `/api/businesses/${w.alice.business.id}/locations`,
    body: () => ({ kind: 'warehouse', name: 'Kho', address: 'Thôn 3', province: 'Hà Tĩnh' }),
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: OWNERS_AND_MANAGE_KEYS,
  },
  {
    name: 'POST /api/businesses/:id/products',
    path: (w) => `/api/businesses/${w.alice.business.id}/products`,
    body: () => ({ name: { vi: 'Cam', en: 'Orange' }, category: 'fruit', unit: 'KGM' }),
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: OWNERS_AND_MANAGE_KEYS,
  },
  {
    name: 'POST /api/batches',
    path: () => '/api/batches',
    body: (w) => ({ productId: w.alice.product.id, lotCode: makeLotCode('T'), productionDate: '2026-10-01' }),
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: MEMBERS_AND_CAPTURE_KEYS,
  },
  {
    name: 'POST /api/batches/:id/events',
    path: (w) => `/api/batches/${w.batch.id}/events`,
    body: () => ({ stage: 'packing', quantity: 10 }),
    allowed: (w) => w.aliceStaff,
    status: 201,
    refused: MEMBERS_AND_CAPTURE_KEYS,
  },
  {
    name: 'POST /api/events/processing',
    path: () => '/api/events/processing',
    body: (w) => ({ inputs: [{ batchId: w.batch.id, quantity: 5, unit: 'KGM' }], outputs: [{ batchId: w.otherBatch.id, quantity: 4 }] }),
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: MEMBERS_AND_CAPTURE_KEYS,
  },
  {
    name: 'POST /api/businesses/:id/invitations',
    path: (w) => `/api/businesses/${w.alice.business.id}/invitations`,
    body: () => ({ email: makeEmail('moi'), role: 'owner' }),
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: OWNERS_ONLY,
  },
  {
    name: 'PATCH /api/businesses/:id/members/:email',
    method: 'PATCH',
    path: (w) => `/api/businesses/${w.alice.business.id}/members/${encodeURIComponent(w.aliceStaff.email)}`,
    body: () => ({ role: 'staff' }),
    allowed: (w) => w.alice.owner,
    status: 200,
    refused: OWNERS_ONLY,
  },
  {
    name: 'DELETE /api/businesses/:id/members/:email',
    method: 'DELETE',
    path: (w) => `/api/businesses/${w.alice.business.id}/members/${encodeURIComponent(w.removable.email)}`,
    body: () => undefined,
    allowed: (w) => w.alice.owner,
    status: 204,
    refused: OWNERS_ONLY,
  },
  {
    name: 'POST /api/businesses/:id/api-keys',
    path: (w) => `/api/businesses/${w.alice.business.id}/api-keys`,
    body: () => ({ name: 'ERP', scopes: ['capture', 'read'] }),
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: OWNERS_ONLY,
  },
  {
    name: 'POST /api/businesses/:id/api-keys/:keyId/rotate',
    path: (w) => `/api/businesses/${w.alice.business.id}/api-keys/${w.keys.toRotate.id}/rotate`,
    body: () => undefined,
    allowed: (w) => w.alice.owner,
    status: 201,
    refused: OWNERS_ONLY,
  },
  {
    name: 'DELETE /api/businesses/:id/api-keys/:keyId',
    method: 'DELETE',
    path: (w) => `/api/businesses/${w.alice.business.id}/api-keys/${w.keys.toRevoke.id}`,
    body: () => undefined,
    allowed: (w) => w.alice.owner,
    status: 204,
    refused: OWNERS_ONLY,
  },
  {
    name: 'POST /api/admin/users',
    path: () => '/api/admin/users',
    body: () => ({ email: makeEmail('thanh-tra'), displayName: 'Thanh tra', password: 'long enough password', role: 'admin' }),
    allowed: (w) => w.admin,
    status: 201,
    refused: ADMINS_ONLY,
  },
  {
    name: 'PATCH /api/admin/users/:id',
    method: 'PATCH',
    path: (w) => `/api/admin/users/${w.subject.id}`,
    body: () => ({ role: 'admin', disabled: true }),
    allowed: (w) => w.admin,
    status: 200,
    refused: ADMINS_ONLY,
  },
  {
    name: 'POST /api/auth/logout',
    path: () => '/api/auth/logout',
    body: () => undefined,
    allowed: (w) => w.leaver,
    status: 204,
    refused: OWN_KEYS,
  },
  {
    name: 'POST /api/auth/password',
    path: () => '/api/auth/password',
    body: (w) => ({ currentPassword: w.changer.password, newPassword: 'a new password, long enough' }),
    allowed: (w) => w.changer,
    status: 204,
    refused: OWN_KEYS,
  },
];

describe('tenancy: who may write what', () => {
  let t: TestApp;
  let f: Factory;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    const inspector = await createUser(f, { role: 'inspector' });
    const alice = await createProducer(f, admin);
    const mallory = await createProducer(f, admin);
    const aliceStaff = await createStaff(f, alice.owner, alice.business.id);
    const removable = await createStaff(f, alice.owner, alice.business.id);
    const pending = await createBusiness(f, alice.owner);
    const toReject = await createBusiness(f, alice.owner);
    const toSuspend = await createVerifiedBusiness(f, alice.owner, admin);
    const batch = await createBatch(f, alice.owner, alice.product.id, { quantity: 100 });
    const otherBatch = await createBatch(f, alice.owner, alice.product.id);

    const key = (scopes: ApiKeyScope[], owner = alice.owner, businessId = alice.business.id) =>
      createApiKey(f, owner, businessId, { scopes });
    const keysPath = `/api/businesses/${alice.business.id}/api-keys`;
    const revoked = await key(['capture', 'read']);
    expect((await f.http.request('DELETE', `${keysPath}/${revoked.id}`, { token: alice.owner.token })).status).toBe(204);
    const rotatedAway = await key(['capture', 'read']);
    expect((await f.http.post(`${keysPath}/${rotatedAway.id}/rotate`, undefined, { token: alice.owner.token })).status).toBe(201);
    const keys = {
      capture: await key(['capture']),
      read: await key(['read']),
      mallory: await key(['capture', 'read', 'manage'], mallory.owner, mallory.business.id),
      toRotate: await key(['capture']),
      toRevoke: await key(['read']),
      revoked,
      rotatedAway,
    };

    // Sessions that ended each way a session can end.
    const signedOut = await createUser(f);
    expect((await f.http.post('/api/auth/logout', undefined, { token: signedOut.token })).status).toBe(204);
    const passwordChanged = await createUser(f);
    const otherSession = await signIn(f, passwordChanged);
    expect(
      (
        await f.http.post(
          '/api/auth/password',
          { currentPassword: passwordChanged.password, newPassword: 'changed password, long enough' },
          { token: otherSession.token },
        )
      ).status,
    ).toBe(204);
    const disabled = await createStaff(f, alice.owner, alice.business.id, 'owner');
    expect(
      (await f.http.request('PATCH', `/api/admin/users/${disabled.id}`, { body: { disabled: true }, token: admin.token })).status,
    ).toBe(200);
    const expiring = await createStaff(f, alice.owner, alice.business.id, 'owner');
    await sql(t, `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [claimsOf(expiring.token).sid]);
    const ended = {
      signedOut: signedOut.token,
      passwordChanged: passwordChanged.token,
      disabled: disabled.token,
      sessionExpired: expiring.token,
    };

    w = {
      admin,
      inspector,
      alice,
      aliceStaff,
      mallory,
      pending,
      toReject,
      toSuspend,
      batch,
      otherBatch,
      removable,
      keys,
      ended,
      subject: await createUser(f),
      leaver: await createUser(f),
      changer: await createUser(f),
    };
  });
  afterAll(async () => t?.close());

  /** Bearer values that name no one who may act. */
  const badTokens: [string, () => string][] = [
    ['an expired token', () => t.app.nest.get(TokenService).issue(randomUUID(), w.alice.owner.id, new Date(Date.now() - 10 * 3600_000))],
    [
      "an expired token of the owner's own session",
      () => t.app.nest.get(TokenService).issue(claimsOf(w.alice.owner.token).sid as string, w.alice.owner.id, new Date(Date.now() - 1000)),
    ],
    [
      'a token signed with another secret',
      () => {
        const body = base64url({ sid: randomUUID(), sub: w.alice.owner.id, exp: Math.floor(Date.now() / 1000) + 3600 });
        return `${body}.${createHmac('sha256', 'not-the-secret').update(body).digest('base64url')}`;
      },
    ],
    [
      "a token whose user was swapped under the owner's signature",
      () => {
        const signature = w.mallory.owner.token.split('.')[1];
        return `${base64url({ ...claimsOf(w.mallory.owner.token), sub: w.alice.owner.id })}.${signature}`;
      },
    ],
    [
      'a token with its expiry pushed back under the same signature',
      () => {
        const expired = t.app.nest.get(TokenService).issue(randomUUID(), w.alice.owner.id, new Date(Date.now() - 10 * 3600_000));
        return `${base64url({ ...claimsOf(expired), exp: Math.floor(Date.now() / 1000) + 3600 })}.${expired.split('.')[1]}`;
      },
    ],
    ['garbage', () => 'not-a-token'],
    ['a signed-out token', () => w.ended.signedOut],
    ['a token ended by a password change', () => w.ended.passwordChanged],
    ['a token of a disabled account (an owner of the business)', () => w.ended.disabled],
    ['a token whose session expired (an owner of the business)', () => w.ended.sessionExpired],
    ['a revoked API key of the business', () => w.keys.revoked.key],
    ['an API key replaced by rotation', () => w.keys.rotatedAway.key],
    ['a malformed API key', () => 'ngk_not-a-key'],
    ['an API key with a wrong secret', () => `${w.keys.capture.prefix}_${'x'.repeat(43)}`],
  ];

  /** Every table of the schema: each refusal must leave all of them as they were. */
  const snapshot = () => snapshotAllTables(t);

  async function expectRefused(endpoint: WriteEndpoint, headers: Record<string, string>, status: number, code: ErrorCode): Promise<void> {
    const before = await snapshot();
    const response = await f.http.request(endpoint.method ?? 'POST', endpoint.path(w), { body: endpoint.body(w), headers });
    expectApiError(response, status, code);
    expect(await snapshot()).toEqual(before);
  }

  describe.each(WRITES)('$name', (endpoint) => {
    it('is refused without a token (401), changing nothing', async () => {
      await expectRefused(endpoint, {}, 401, 'UNAUTHENTICATED');
    });

    it.each(badTokens)('is refused with %s (401), changing nothing', async (_, token) => {
      await expectRefused(endpoint, { authorization: `Bearer ${token()}` }, 401, 'UNAUTHENTICATED');
    });

    it('is refused when the token is not sent as a Bearer credential (401), changing nothing', async () => {
      await expectRefused(
        endpoint,
        { authorization: `Basic ${Buffer.from(`${w.alice.owner.email}:${w.alice.owner.password}`).toString('base64')}` },
        401,
        'UNAUTHENTICATED',
      );
      await expectRefused(endpoint, { authorization: w.alice.owner.token }, 401, 'UNAUTHENTICATED');
    });

    it.each(endpoint.refused)('is refused to %s (403), changing nothing', async (_, credential, code) => {
      await expectRefused(endpoint, { authorization: `Bearer ${credential(w).token}` }, 403, code);
    });

    it('is accepted from the right user (the control for the refusals above)', async () => {
      const response = await f.http.request(endpoint.method ?? 'POST', endpoint.path(w), {
        body: endpoint.body(w),
        token: endpoint.allowed(w).token,
      });
      expect(response.status).toBe(endpoint.status);
    });
  });

  describe('a business that was shipped a batch', () => {
    it('still cannot register batches of, or record growing stages for, the producer', async () => {
      await f.http.post(
        `/api/batches/${w.batch.id}/events`,
        { stage: 'shipping', destinationBusinessId: w.mallory.business.id },
        { token: w.alice.owner.token },
      );
      const before = await snapshot();
      expectApiError(
        await f.http.post(
          '/api/batches',
          { productId: w.alice.product.id, lotCode: makeLotCode(), productionDate: '2026-10-01' },
          { token: w.mallory.owner.token },
        ),
        403,
        'FORBIDDEN',
      );
      expectApiError(
        await f.http.post(`/api/batches/${w.batch.id}/events`, { stage: 'harvesting' }, { token: w.mallory.owner.token }),
        403,
        'FORBIDDEN',
      );
      // Nor can it use the producer's place for what it may record.
      expectApiError(
        await f.http.post(
          `/api/batches/${w.batch.id}/events`,
          { stage: 'receiving', locationId: w.alice.location.id },
          { token: w.mallory.owner.token },
        ),
        404,
        'LOCATION_NOT_FOUND',
        ['locationId'],
      );
      expect(await snapshot()).toEqual(before);
    });
  });
});
