import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, BusinessView } from '@nguon/shared';
import { TokenService } from '../../server/src/auth/token.service.js';
import {
  businessInput, createBatch, createBusiness, createProducer, createUser, makeLotCode, type Factory, type Producer, type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;

interface World {
  admin: TestUser;
  inspector: TestUser;
  /** The business every write below is aimed at, and its owner. */
  alice: Producer;
  /** Owner of another verified business: signed in, but not a member of Alice's. */
  mallory: Producer;
  pending: BusinessView;
  batch: BatchView;
  otherBatch: BatchView;
}

interface WriteEndpoint {
  name: string;
  path(w: World): string;
  body(w: World): unknown;
  /** Who may do it, for the control request at the end. */
  allowed(w: World): TestUser;
  /** Signed-in users who must be refused with 403; absent when any signed-in user may do it. */
  refused?(w: World): [string, TestUser][];
}

const WRITES: WriteEndpoint[] = [
  {
    name: 'POST /api/businesses',
    path: () => '/api/businesses',
    body: () => businessInput(),
    allowed: (w) => w.mallory.owner,
  },
  {
    name: 'POST /api/businesses/:id/verify',
    path: (w) => `/api/businesses/${w.pending.id}/verify`,
    body: () => undefined,
    allowed: (w) => w.admin,
    refused: (w) => [['its own owner', w.alice.owner], ['a member of another business', w.mallory.owner], ['an inspector', w.inspector]],
  },
  {
    name: 'POST /api/businesses/:id/certificates',
    path: (w) => `/api/businesses/${w.alice.business.id}/certificates`,
    body: () => ({ kind: 'vietgap', name: 'VietGAP', issuer: 'Cục Trồng trọt', validTo: '2030-01-01' }),
    allowed: (w) => w.alice.owner,
    refused: (w) => [['a member of another business', w.mallory.owner], ['an inspector', w.inspector]],
  },
  {
    name: 'POST /api/businesses/:id/locations',
    path: (w) => `/api/businesses/${w.alice.business.id}/locations`,
    body: () => ({ kind: 'warehouse', name: 'Kho', address: 'Thôn 3', province: 'Hà Tĩnh' }),
    allowed: (w) => w.alice.owner,
    refused: (w) => [['a member of another business', w.mallory.owner], ['an inspector', w.inspector]],
  },
  {
    name: 'POST /api/businesses/:id/products',
    path: (w) => `/api/businesses/${w.alice.business.id}/products`,
    body: () => ({ name: { vi: 'Cam', en: 'Orange' }, category: 'fruit', unit: 'KGM' }),
    allowed: (w) => w.alice.owner,
    refused: (w) => [['a member of another business', w.mallory.owner], ['an inspector', w.inspector]],
  },
  {
    name: 'POST /api/batches',
    path: () => '/api/batches',
    body: (w) => ({ productId: w.alice.product.id, lotCode: makeLotCode('T'), productionDate: '2026-10-01' }),
    allowed: (w) => w.alice.owner,
    refused: (w) => [['a member of another business', w.mallory.owner], ['an inspector', w.inspector]],
  },
  {
    name: 'POST /api/batches/:id/events',
    path: (w) => `/api/batches/${w.batch.id}/events`,
    body: () => ({ stage: 'packing', quantity: 10 }),
    allowed: (w) => w.alice.owner,
    refused: (w) => [['a member of another business', w.mallory.owner], ['an inspector', w.inspector]],
  },
  {
    name: 'POST /api/events/processing',
    path: () => '/api/events/processing',
    body: (w) => ({ inputs: [{ batchId: w.batch.id, quantity: 5, unit: 'KGM' }], outputs: [{ batchId: w.otherBatch.id, quantity: 4 }] }),
    allowed: (w) => w.alice.owner,
    refused: (w) => [['a member of another business', w.mallory.owner], ['an inspector', w.inspector]],
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
    const pending = await createBusiness(f, alice.owner);
    const batch = await createBatch(f, alice.owner, alice.product.id, { quantity: 100 });
    const otherBatch = await createBatch(f, alice.owner, alice.product.id);
    w = { admin, inspector, alice, mallory, pending, batch, otherBatch };
  });
  afterAll(async () => t?.close());

  /** Bearer values that name no one who may act. */
  const badTokens: [string, () => string][] = [
    ['an expired token', () => t.app.nest.get(TokenService).issue(randomUUID(), w.alice.owner.id, new Date(Date.now() - 10 * 3600_000))],
    ['a token signed with another secret', () => {
      const body = base64url({ sid: randomUUID(), sub: w.alice.owner.id, exp: Math.floor(Date.now() / 1000) + 3600 });
      return `${body}.${createHmac('sha256', 'not-the-secret').update(body).digest('base64url')}`;
    }],
    ["a token whose user was swapped under the owner's signature", () => {
      const signature = w.mallory.owner.token.split('.')[1];
      return `${base64url({ ...claimsOf(w.mallory.owner.token), sub: w.alice.owner.id })}.${signature}`;
    }],
    ['a token with its expiry pushed back under the same signature', () => {
      const expired = t.app.nest.get(TokenService).issue(randomUUID(), w.alice.owner.id, new Date(Date.now() - 10 * 3600_000));
      return `${base64url({ ...claimsOf(expired), exp: Math.floor(Date.now() / 1000) + 3600 })}.${expired.split('.')[1]}`;
    }],
    ['garbage', () => 'not-a-token'],
  ];

  async function expectRefused(endpoint: WriteEndpoint, headers: Record<string, string>, status: number, code: 'UNAUTHENTICATED' | 'FORBIDDEN'): Promise<void> {
    const before = await snapshotTables(t);
    const response = await f.http.request('POST', endpoint.path(w), { body: endpoint.body(w), headers });
    expectApiError(response, status, code);
    expect(await snapshotTables(t)).toEqual(before);
  }

  describe.each(WRITES)('$name', (endpoint) => {
    it('is refused without a token (401), changing nothing', async () => {
      await expectRefused(endpoint, {}, 401, 'UNAUTHENTICATED');
    });

    it.each(badTokens)('is refused with %s (401), changing nothing', async (_, token) => {
      await expectRefused(endpoint, { authorization: `Bearer ${token()}` }, 401, 'UNAUTHENTICATED');
    });

    it('is refused when the token is not sent as a Bearer credential (401), changing nothing', async () => {
      await expectRefused(endpoint, { authorization: `Basic ${Buffer.from(`${w.alice.owner.email}:${w.alice.owner.password}`).toString('base64')}` }, 401, 'UNAUTHENTICATED');
      await expectRefused(endpoint, { authorization: w.alice.owner.token }, 401, 'UNAUTHENTICATED');
    });

    if (endpoint.refused) {
      const refused = endpoint.refused;
      it('is refused to signed-in users who do not act for the business (403), changing nothing', async () => {
        for (const [who, user] of refused(w)) {
          const before = await snapshotTables(t);
          const response = await f.http.post(endpoint.path(w), endpoint.body(w), { token: user.token });
          expect({ who, status: response.status, code: response.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
          expectApiError(response, 403, 'FORBIDDEN');
          expect(await snapshotTables(t)).toEqual(before);
        }
      });
    }

    it('is accepted from the right user (the control for the refusals above)', async () => {
      const response = await f.http.post(endpoint.path(w), endpoint.body(w), { token: endpoint.allowed(w).token });
      expect(response.status).toBe(endpoint.name.includes('/verify') ? 200 : 201);
    });
  });

  describe('a business that was shipped a batch', () => {
    it('still cannot register batches of, or record growing stages for, the producer', async () => {
      await f.http.post(`/api/batches/${w.batch.id}/events`, { stage: 'shipping', destinationBusinessId: w.mallory.business.id }, { token: w.alice.owner.token });
      const before = await snapshotTables(t);
      expectApiError(await f.http.post('/api/batches', { productId: w.alice.product.id, lotCode: makeLotCode(), productionDate: '2026-10-01' }, { token: w.mallory.owner.token }), 403, 'FORBIDDEN');
      expectApiError(await f.http.post(`/api/batches/${w.batch.id}/events`, { stage: 'harvesting' }, { token: w.mallory.owner.token }), 403, 'FORBIDDEN');
      // Nor can it use the producer's place for what it may record.
      expectApiError(await f.http.post(`/api/batches/${w.batch.id}/events`, { stage: 'receiving', locationId: w.alice.location.id }, { token: w.mallory.owner.token }), 404, 'LOCATION_NOT_FOUND', ['locationId']);
      expect(await snapshotTables(t)).toEqual(before);
    });
  });
});
