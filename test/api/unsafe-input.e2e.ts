import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBatch, createProducer, createUser, type Factory, type Producer, type TestUser } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** `{"a":{"a":...}}` or `[[[...]]]` nested `depth` deep. */
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('input the database or the stack cannot take, refused at the edge with 400', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let producer: Producer;
  let batchId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin);
    batchId = (await createBatch(f, producer.owner, producer.product.id)).id;
  });
  afterAll(async () => t?.close());

  describe('NUL in the query string', () => {
    it.each([
      ['/api/search/batches?q=b%00', 'q', 'admin'],
      ['/api/search/batches?location=x%00y', 'location', 'admin'],
      ['/api/businesses?q=%00', 'q', 'anonymous'],
      ['/api/businesses/directory?q=ab%00', 'q', 'owner'],
      ['/api/audit?action=user.login%00', 'action', 'admin'],
    ])('%s', async (path, field, who) => {
      const token = who === 'admin' ? admin.token : who === 'owner' ? producer.owner.token : undefined;
      expectApiError(await f.http.get(path, { token }), 400, 'VALIDATION_FAILED', [field]);
    });
  });

  describe('NUL in path parameters', () => {
    it.each([
      ['/api/batches/%00', 'id'],
      ['/api/locations/a%00b', 'id'],
      ['/q/abc%00', 'code'],
    ])('%s', async (path, field) => {
      expectApiError(await f.http.get(path), 400, 'VALIDATION_FAILED', [field]);
    });
  });

  describe('NUL in JSON text fields', () => {
    it('a sign-up name', async () => {
      const response = await f.http.post('/api/auth/register', {
        email: 'nul@example.test',
        password: 'correct horse battery staple',
        displayName: 'Lan\u0000',
      });
      expectApiError(response, 400, 'VALIDATION_FAILED', ['displayName']);
    });

    it('a nested address field and a key, named by their paths', async () => {
      const response = await f.http.post(
        `/api/businesses/${producer.business.id}/locations`,
        { kind: 'farm', name: 'Vườn', address: 'Thôn\u00002', province: 'Hà Tĩnh', 'x\u0000': 1 },
        { token: producer.owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['address', 'x\\0']);
    });

    it('an event in a list', async () => {
      const response = await f.http.post(
        `/api/batches/${batchId}/events`,
        { stage: 'harvest', bizTransactions: [{ type: 'po', id: 'A\u0000' }] },
        { token: producer.owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['bizTransactions.0.id']);
    });

    it('an EPCIS document sent as JSON-LD', async () => {
      const response = await f.http.post(
        '/epcis/capture',
        JSON.stringify({ type: 'EPCISDocument', epcisBody: { eventList: [{ type: 'ObjectEvent', bizStep: '\u0000' }] } }),
        {
          token: producer.owner.token,
          headers: { 'content-type': 'application/ld+json' },
        },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['epcisBody.eventList.0.bizStep']);
    });
  });

  describe('JSON nested 10,000 deep', () => {
    it.each([
      ['/api/auth/login', deepObject(10_000)],
      ['/api/auth/register', deepArray(10_000)],
      [`/api/batches/${'00000000-0000-4000-8000-000000000000'}/events`, deepObject(10_000)],
    ])('%s', async (path, body) => {
      expectApiError(
        await f.http.post(path, body, { token: producer.owner.token, headers: { 'content-type': 'application/json' } }),
        400,
        'REQUEST_TOO_DEEP',
      );
    });

    it('counts brackets inside strings as text, and takes 64 levels', async () => {
      const response = await f.http.post('/api/auth/login', JSON.stringify({ email: '[[[[{{{{'.repeat(100), password: deepObject(20) }));
      expectApiError(response, 400, 'VALIDATION_FAILED', ['email']);
      const sixtyFour = await f.http.post('/api/auth/login', deepArray(64), { headers: { 'content-type': 'application/json' } });
      expect(sixtyFour.status).toBe(400);
      expect(sixtyFour.body.code).not.toBe('REQUEST_TOO_DEEP');
    });
  });

  describe('found by the fuzz test', () => {
    it('broken Unicode (a lone surrogate, escaped in either case) in a JSON field', async () => {
      const invite = await f.http.post(`/api/businesses/${producer.business.id}/invitations`, '{"email":"\\ud800","role":"staff"}', {
        token: producer.owner.token,
      });
      expectApiError(invite, 400, 'VALIDATION_FAILED', ['email']);
      const signUp = await f.http.post(
        '/api/auth/register',
        '{"email":"lan@example.test","password":"correct horse battery staple","displayName":"Lan \\uDC00"}',
      );
      expectApiError(signUp, 400, 'VALIDATION_FAILED', ['displayName']);
      const pair = await f.http.post(
        '/api/auth/register',
        '{"email":"emoji@example.test","password":"correct horse battery staple","displayName":"Lan \\ud83c\\udf3e"}',
      );
      expect(pair.status).toBe(202);
    });

    it('an export naming its batch twice checks both names, not only the one it needs', async () => {
      const response = await f.http.post(
        `/api/businesses/${producer.business.id}/exports/events.csv`,
        {
          kind: 'trace',
          batchId: 'Bưởi Phúc Trạch',
          lot: { lotCode: 'PT-2026-01' },
        },
        { token: producer.owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['batchId']);
      const other = await f.http.post(
        `/api/businesses/${producer.business.id}/exports/events.csv`,
        { kind: 'lots', lots: [{ lotCode: 'PT-2026-01' }], productId: 'x', from: 'y' },
        { token: producer.owner.token },
      );
      expectApiError(other, 400, 'VALIDATION_FAILED', ['productId', 'from']);
    });
  });
});
