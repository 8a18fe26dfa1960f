import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  gs1CheckDigit,
  type ApiKeyView,
  type BatchView,
  type CreatedApiKey,
  type EventView,
  type LocationView,
  type Page,
  type ProductView,
} from '@nguon/shared';
import {
  businessInput,
  createApiKey,
  createBatch,
  createProducer,
  createUser,
  makeGtin,
  makeLotCode,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { auditEntriesOf, newRequestId } from '../support/audit.js';
import { snapshotAllTables, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The secret part of a key: what proves it, after `ngk_<prefix>_`. */
const secretOf = (key: string) => key.split('_').slice(2).join('_');

describe('API keys', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let alice: Producer;
  let bob: Producer;
  let aliceBatch: BatchView;
  let bobBatch: BatchView;

  const keysPath = (businessId = alice.business.id) => `/api/businesses/${businessId}/api-keys`;
  const listKeys = async (owner = alice.owner, businessId = alice.business.id) => {
    const response = await f.http.get<ApiKeyView[]>(keysPath(businessId), { token: owner.token });
    expect(response.status).toBe(200);
    return response.body;
  };
  const newBatch = (product: Producer['product'], who: Credential) =>
    f.http.post<BatchView>(
      '/api/batches',
      { productId: product.id, lotCode: makeLotCode('K'), productionDate: '2026-10-01', quantity: 20 },
      { token: who.token },
    );
  const snapshot = () => snapshotAllTables(t);

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    alice = await createProducer(f, admin);
    bob = await createProducer(f, admin);
    aliceBatch = await createBatch(f, alice.owner, alice.product.id, { quantity: 100 });
    bobBatch = await createBatch(f, bob.owner, bob.product.id, { quantity: 100 });
  });
  afterAll(async () => t?.close());

  describe('POST /api/businesses/:id/api-keys', () => {
    it('creates a key and shows it once: 201, the whole key starting with ngk_', async () => {
      const response = await f.http.post<CreatedApiKey>(
        keysPath(),
        { name: 'ERP kho Hà Nội', scopes: ['capture', 'read'] },
        { token: alice.owner.token },
      );
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        businessId: alice.business.id,
        name: 'ERP kho Hà Nội',
        prefix: expect.stringMatching(/^ngk_/),
        scopes: ['capture', 'read'],
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
        key: expect.stringMatching(/^ngk_/),
      });
      expect(response.body.key.startsWith(`${response.body.prefix}_`)).toBe(true);
      expect(secretOf(response.body.key).length).toBeGreaterThanOrEqual(32);
    });

    it('never shows the secret again: the list names the key by its prefix only', async () => {
      const key = await createApiKey(f, alice.owner, alice.business.id);
      const listed = await listKeys();
      expect(listed).toContainEqual({
        id: key.id,
        businessId: alice.business.id,
        name: key.name,
        prefix: key.prefix,
        scopes: key.scopes,
        createdAt: key.createdAt,
        lastUsedAt: null,
        revokedAt: null,
      });
      const text = JSON.stringify(listed);
      expect(text).not.toContain(secretOf(key.key));
      expect(text).not.toContain(key.key);
    });

    it('stores only a hash: the secret is nowhere in the api_keys table, nor in the audit log', async () => {
      const key = await createApiKey(f, alice.owner, alice.business.id);
      const [row] = await sql<{ text: string }>(t, `SELECT string_agg(k::text, '|') AS text FROM api_keys k`);
      expect(row!.text).toContain(key.id);
      expect(row!.text).not.toContain(secretOf(key.key));
      const [audit] = await sql<{ text: string }>(t, `SELECT string_agg(a::text, '|') AS text FROM audit_log a`);
      expect(audit!.text).not.toContain(secretOf(key.key));
    });

    it.each([
      ['no scopes', []],
      ['an unknown scope', ['admin']],
      ['a scope twice', ['read', 'read']],
    ])('refuses %s, naming scopes', async (_, scopes) => {
      const response = await f.http.post(keysPath(), { name: 'Máy quét', scopes }, { token: alice.owner.token });
      expectApiError(response, 400, 'VALIDATION_FAILED', ['scopes']);
    });
  });

  describe('a key with the capture scope', () => {
    let key: Credential & CreatedApiKey;
    beforeAll(async () => {
      key = await createApiKey(f, alice.owner, alice.business.id, { scopes: ['capture'] });
    });

    it('registers batches and records stages and processing for its business', async () => {
      const batch = await newBatch(alice.product, key);
      expect(batch.status).toBe(201);
      expect(
        (await f.http.post(`/api/batches/${batch.body.id}/events`, { stage: 'harvesting', quantity: 20 }, { token: key.token })).status,
      ).toBe(201);
      const output = await newBatch(alice.product, key);
      const processing = await f.http.post(
        '/api/events/processing',
        {
          inputs: [{ batchId: batch.body.id, quantity: 10, unit: 'KGM' }],
          outputs: [{ batchId: output.body.id, quantity: 8 }],
        },
        { token: key.token },
      );
      expect(processing.status).toBe(201);
    });

    it('cannot act for another business (403), changing nothing', async () => {
      const before = await snapshot();
      expectApiError(await newBatch(bob.product, key), 403, 'FORBIDDEN');
      expectApiError(await f.http.post(`/api/batches/${bobBatch.id}/events`, { stage: 'packing' }, { token: key.token }), 403, 'FORBIDDEN');
      expectApiError(
        await f.http.post(
          '/api/events/processing',
          {
            inputs: [{ batchId: aliceBatch.id, quantity: 1, unit: 'KGM' }],
            outputs: [{ batchId: bobBatch.id }],
          },
          { token: key.token },
        ),
        403,
        'FORBIDDEN',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('cannot use what only people may: my account, registering a business, keys, members, audit, admin (403), changing nothing', async () => {
      const before = await snapshot();
      const refusals = [
        await f.http.get('/api/auth/me', { token: key.token }),
        await f.http.post('/api/auth/logout', undefined, { token: key.token }),
        await f.http.post('/api/auth/password', { currentPassword: 'x', newPassword: 'long enough password' }, { token: key.token }),
        await f.http.post('/api/businesses', businessInput(), { token: key.token }),
        await f.http.get(keysPath(), { token: key.token }),
        await f.http.post(keysPath(), { name: 'Khóa con', scopes: ['capture'] }, { token: key.token }),
        await f.http.post(`${keysPath()}/${key.id}/rotate`, undefined, { token: key.token }),
        await f.http.request('DELETE', `${keysPath()}/${key.id}`, { token: key.token }),
        await f.http.post(
          `/api/businesses/${alice.business.id}/invitations`,
          { email: 'x@example.test', role: 'owner' },
          { token: key.token },
        ),
        await f.http.get('/api/audit', { token: key.token }),
        await f.http.get('/api/admin/users', { token: key.token }),
      ];
      for (const response of refusals) expectApiError(response, 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect((await listKeys()).find((k) => k.id === key.id)?.revokedAt).toBeNull();
    });

    it('cannot read events without the read scope (403 INSUFFICIENT_SCOPE)', async () => {
      expectApiError(await f.http.get(`/api/batches/${aliceBatch.id}/events`, { token: key.token }), 403, 'INSUFFICIENT_SCOPE');
    });
  });

  describe('a key with only the read scope', () => {
    let key: Credential & CreatedApiKey;
    beforeAll(async () => {
      key = await createApiKey(f, alice.owner, alice.business.id, { scopes: ['read'] });
    });

    it('cannot capture (403 INSUFFICIENT_SCOPE), changing nothing', async () => {
      const before = await snapshot();
      expectApiError(await newBatch(alice.product, key), 403, 'INSUFFICIENT_SCOPE');
      expectApiError(
        await f.http.post(`/api/batches/${aliceBatch.id}/events`, { stage: 'packing' }, { token: key.token }),
        403,
        'INSUFFICIENT_SCOPE',
      );
      expectApiError(
        await f.http.post(
          '/api/events/processing',
          {
            inputs: [{ batchId: aliceBatch.id, quantity: 1, unit: 'KGM' }],
            outputs: [{ batchId: aliceBatch.id }],
          },
          { token: key.token },
        ),
        403,
        'INSUFFICIENT_SCOPE',
      );
      expect(await snapshot()).toEqual(before);
    });

    it("reads its business's batch events, but not another business's (403)", async () => {
      const own = await f.http.get<Page<EventView>>(`/api/batches/${aliceBatch.id}/events`, { token: key.token });
      expect(own.status).toBe(200);
      expect(own.body.items.map((e) => e.stage)).toContain('registration');
      expectApiError(await f.http.get(`/api/batches/${bobBatch.id}/events`, { token: key.token }), 403, 'FORBIDDEN');
    });
  });

  describe('a key with the manage scope', () => {
    let key: Credential & CreatedApiKey;
    beforeAll(async () => {
      key = await createApiKey(f, alice.owner, alice.business.id, { scopes: ['manage'] });
    });

    it("creates and updates its business's products and places, the place with its GLN, audited as the key", async () => {
      const prefix = alice.business.gs1Prefixes[0]!.prefix;
      const gtin = makeGtin(prefix);
      const product = await f.http.post<ProductView>(
        `/api/businesses/${alice.business.id}/products`,
        { name: { vi: 'Cam Vinh', en: 'Vinh orange' }, category: 'fruit', unit: 'KGM', gtin },
        { token: key.token },
      );
      expect(product.status).toBe(201);
      expect(product.body.gtin).toBe(gtin.padStart(14, '0'));
      const renamed = await f.http.request<ProductView>('PATCH', `/api/products/${product.body.id}`, {
        body: { name: { vi: 'Cam Vinh loại 1', en: 'Vinh orange, class I' } },
        token: key.token,
      });
      expect(renamed.body.name).toEqual({ vi: 'Cam Vinh loại 1', en: 'Vinh orange, class I' });

      const digits = `${prefix}${'2'.padStart(12 - prefix.length, '0')}`;
      const gln = `${digits}${gs1CheckDigit(digits)}`;
      const place = await f.http.post<LocationView>(
        `/api/businesses/${alice.business.id}/locations`,
        { name: 'Kho lạnh Nghi Lộc', kind: 'warehouse', address: 'Xã Nghi Long', province: 'Nghệ An', gln },
        { token: key.token },
      );
      expect(place.status).toBe(201);
      expect(place.body.gln).toBe(gln);
      const moved = await f.http.request<LocationView>('PATCH', `/api/locations/${place.body.id}`, {
        body: { name: 'Kho lạnh Nghi Lộc 2' },
        token: key.token,
      });
      expect(moved.body.name).toBe('Kho lạnh Nghi Lộc 2');

      const [audited] = await sql<{ api_key_id: string }>(t, `SELECT api_key_id FROM audit_log WHERE target_id = $1 LIMIT 1`, [
        product.body.id,
      ]);
      expect(audited?.api_key_id).toBe(key.id);
    });

    it("cannot touch another business's catalogue (403), nor capture without the capture scope, changing nothing", async () => {
      const before = await snapshot();
      expectApiError(
        await f.http.post(
          `/api/businesses/${bob.business.id}/products`,
          { name: { vi: 'Cam', en: 'Orange' }, category: 'fruit', unit: 'KGM' },
          { token: key.token },
        ),
        403,
        'FORBIDDEN',
      );
      expectApiError(
        await f.http.request('PATCH', `/api/products/${bob.product.id}`, { body: { name: { vi: 'X', en: 'X' } }, token: key.token }),
        403,
        'FORBIDDEN',
      );
      expectApiError(await newBatch(alice.product, key), 403, 'INSUFFICIENT_SCOPE');
      expect(await snapshot()).toEqual(before);
    });

    it('is needed to change the catalogue: a capture key gets 403 INSUFFICIENT_SCOPE', async () => {
      const capture = await createApiKey(f, alice.owner, alice.business.id, { scopes: ['capture'] });
      expectApiError(
        await f.http.request('PATCH', `/api/products/${alice.product.id}`, { body: { name: { vi: 'X', en: 'X' } }, token: capture.token }),
        403,
        'INSUFFICIENT_SCOPE',
      );
    });
  });

  describe('revoking: DELETE /api/businesses/:id/api-keys/:keyId', () => {
    it('stops the key at once (401), and shows when it was revoked', async () => {
      const key = await createApiKey(f, alice.owner, alice.business.id);
      expect((await f.http.get(`/api/batches/${aliceBatch.id}/events`, { token: key.token })).status).toBe(200);

      expect((await f.http.request('DELETE', `${keysPath()}/${key.id}`, { token: alice.owner.token })).status).toBe(204);

      expectApiError(await f.http.get(`/api/batches/${aliceBatch.id}/events`, { token: key.token }), 401, 'UNAUTHENTICATED');
      expectApiError(await newBatch(alice.product, key), 401, 'UNAUTHENTICATED');
      expect((await listKeys()).find((k) => k.id === key.id)?.revokedAt).toEqual(expect.any(String));
      expectApiError(await f.http.request('DELETE', `${keysPath()}/${key.id}`, { token: alice.owner.token }), 404, 'API_KEY_NOT_FOUND');
    });
  });

  describe('rotating: POST /api/businesses/:id/api-keys/:keyId/rotate', () => {
    it('gives a new secret with the same name and scopes; the old key stops at once', async () => {
      const old = await createApiKey(f, alice.owner, alice.business.id, { name: 'Cân điện tử xưởng', scopes: ['capture'] });
      expect((await newBatch(alice.product, old)).status).toBe(201);

      const response = await f.http.post<CreatedApiKey>(`${keysPath()}/${old.id}/rotate`, undefined, { token: alice.owner.token });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name: 'Cân điện tử xưởng',
        scopes: ['capture'],
        businessId: alice.business.id,
        revokedAt: null,
        key: expect.stringMatching(/^ngk_/),
      });
      expect(response.body.id).not.toBe(old.id);
      expect(response.body.key).not.toBe(old.key);

      expectApiError(await newBatch(alice.product, old), 401, 'UNAUTHENTICATED');
      expect((await newBatch(alice.product, { token: response.body.key })).status).toBe(201);
      const listed = await listKeys();
      expect(listed.find((k) => k.id === old.id)?.revokedAt).toEqual(expect.any(String));
      expect(listed.find((k) => k.id === response.body.id)?.revokedAt).toBeNull();
      expectApiError(
        await f.http.post(`${keysPath()}/${old.id}/rotate`, undefined, { token: alice.owner.token }),
        404,
        'API_KEY_NOT_FOUND',
      );
    });
  });

  describe("another business's key", () => {
    it("cannot be revoked or rotated through one's own business (404) nor through its own (403)", async () => {
      const bobKey = await createApiKey(f, bob.owner, bob.business.id);
      const before = await snapshot();
      expectApiError(await f.http.request('DELETE', `${keysPath()}/${bobKey.id}`, { token: alice.owner.token }), 404, 'API_KEY_NOT_FOUND');
      expectApiError(
        await f.http.post(`${keysPath()}/${bobKey.id}/rotate`, undefined, { token: alice.owner.token }),
        404,
        'API_KEY_NOT_FOUND',
      );
      expectApiError(
        await f.http.request('DELETE', `${keysPath(bob.business.id)}/${bobKey.id}`, { token: alice.owner.token }),
        403,
        'FORBIDDEN',
      );
      expectApiError(await f.http.get(keysPath(bob.business.id), { token: alice.owner.token }), 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect((await newBatch(bob.product, bobKey)).status).toBe(201);
    });
  });

  describe('a malformed key', () => {
    it.each([
      ['the bare prefix', () => 'ngk_'],
      ['a key without its secret', (k: CreatedApiKey) => k.prefix],
      ['a wrong secret of the right shape', (k: CreatedApiKey) => `${k.prefix}_${'A'.repeat(secretOf(k.key).length)}`],
      ['the secret with a character more', (k: CreatedApiKey) => `${k.key}A`],
      ['the secret with a character less', (k: CreatedApiKey) => k.key.slice(0, -1)],
      ['another prefix with the right secret', (k: CreatedApiKey) => `ngk_000000000000_${secretOf(k.key)}`],
    ])('is refused with 401: %s', async (_, make) => {
      const key = await createApiKey(f, alice.owner, alice.business.id);
      const before = await snapshot();
      expectApiError(await newBatch(alice.product, { token: make(key) }), 401, 'UNAUTHENTICATED');
      expect(await snapshot()).toEqual(before);
      expect((await newBatch(alice.product, key)).status).toBe(201);
    });
  });

  describe('lastUsedAt', () => {
    it('is empty until the key is used, then tells when', async () => {
      const key = await createApiKey(f, alice.owner, alice.business.id, { scopes: ['read'] });
      expect((await listKeys()).find((k) => k.id === key.id)?.lastUsedAt).toBeNull();
      const usedAt = Date.now();
      expect((await f.http.get(`/api/batches/${aliceBatch.id}/events`, { token: key.token })).status).toBe(200);
      const lastUsedAt = (await listKeys()).find((k) => k.id === key.id)?.lastUsedAt;
      expect(lastUsedAt).toEqual(expect.any(String));
      expect(Math.abs(new Date(lastUsedAt!).getTime() - usedAt)).toBeLessThan(10_000);
    });
  });

  describe('an event recorded with a key', () => {
    it('names no user as its recorder, and its audit entry names the key', async () => {
      const key = await createApiKey(f, alice.owner, alice.business.id, { scopes: ['capture'] });
      const requestId = newRequestId('key');
      const response = await f.http.post<EventView>(
        `/api/batches/${aliceBatch.id}/events`,
        { stage: 'storing' },
        { token: key.token, headers: { 'x-request-id': requestId } },
      );
      expect(response.status).toBe(201);
      expect(await sql(t, `SELECT recorded_by FROM events WHERE id = $1`, [response.body.id])).toEqual([{ recorded_by: null }]);
      expect(await auditEntriesOf(t, requestId)).toEqual([
        expect.objectContaining({
          action: 'event.record',
          api_key_id: key.id,
          user_id: null,
          business_id: alice.business.id,
          target_id: response.body.eventId,
        }),
      ]);
    });
  });
});
