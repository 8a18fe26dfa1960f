import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BusinessView, Page } from '@nguon/shared';
import {
  addCertificate,
  businessInput,
  createBusiness,
  createUser,
  createVerifiedBusiness,
  makeTaxCode,
  type Factory,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A word no other business in this file's database has, to search for. */
const tag = () => `zq${randomUUID().slice(0, 8)}`;

describe('businesses', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let owner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    owner = await createUser(f);
  });
  afterAll(async () => t?.close());

  describe('POST /api/businesses', () => {
    it('registers a business as pending, with the caller as its owner', async () => {
      const input = businessInput({ email: 'htx@example.test', gs1Prefixes: ['8930001'], gln: '8930001000001' });
      const response = await f.http.post<BusinessView>('/api/businesses', input, { token: owner.token });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        legalName: input.legalName,
        taxCode: input.taxCode,
        address: input.address,
        phone: input.phone,
        email: 'htx@example.test',
        gs1Prefixes: [{ prefix: '8930001', display: '8930001', confirmed: false, conflict: null }],
        gln: '8930001000001',
        status: 'pending',
        taxCodeConfirmed: false,
        taxCodeConflict: null,
        statusReason: null,
        certificates: [],
        createdAt: expect.any(String),
      });
      const me = await f.http.get('/api/auth/me', { token: owner.token });
      expect(me.body.memberships).toContainEqual({
        businessId: response.body.id,
        businessName: input.legalName,
        businessStatus: 'pending',
        role: 'owner',
      });
    });

    it('accepts a tax code of 10 or 13 digits (a branch has 13)', async () => {
      const tenDigits = makeTaxCode();
      for (const taxCode of [tenDigits, `${makeTaxCode()}001`]) {
        const response = await f.http.post('/api/businesses', businessInput({ taxCode }), { token: owner.token });
        expect(response.status).toBe(201);
        expect(response.body.taxCode).toBe(taxCode);
      }
    });

    it.each([
      ['9 digits', '123456789'],
      ['11 digits', '12345678901'],
      ['12 digits', '123456789012'],
      ['14 digits', '12345678901234'],
      ['letters', '30012345AB'],
      ['a dash', '3001234567-001'],
    ])('refuses a tax code of %s, naming the field', async (_, taxCode) => {
      const before = await countRows(t, 'businesses');
      const response = await f.http.post('/api/businesses', businessInput({ taxCode }), { token: owner.token });
      expectApiError(response, 400, 'VALIDATION_FAILED', ['taxCode']);
      expect(await countRows(t, 'businesses')).toBe(before);
    });

    it('refuses a tax code a verified business holds with TAX_CODE_TAKEN, naming the holder', async () => {
      const first = await createVerifiedBusiness(f, owner, admin);
      const other = await createUser(f);
      const response = await f.http.post('/api/businesses', businessInput({ taxCode: first.taxCode }), {
        token: other.token,
        headers: { 'accept-language': 'en' },
      });
      const error = expectApiError(response, 409, 'TAX_CODE_TAKEN', ['taxCode']);
      expect(error.message).toContain(first.legalName);
      expect(await countRows(t, 'businesses', 'tax_code = $1', [first.taxCode])).toBe(1);
      // Nor did the refused registration make the other user a member of anything.
      expect(await countRows(t, 'business_members', 'user_id = $1', [other.id])).toBe(0);
    });

    it('refuses fields it does not know, naming them', async () => {
      const response = await f.http.post('/api/businesses', { ...businessInput(), status: 'verified' }, { token: owner.token });
      const error = expectApiError(response, 400, 'VALIDATION_FAILED', ['status']);
      expect(error.fieldErrors!.status![0]).toContain('status');
    });

    it('refuses unknown fields inside the address, naming them by path', async () => {
      const input = businessInput();
      const response = await f.http.post(
        '/api/businesses',
        { ...input, address: { ...input.address, zip: '45000' } },
        { token: owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['address.zip']);
    });

    it('names every missing or invalid field at once', async () => {
      const response = await f.http.post(
        '/api/businesses',
        { legalName: '', address: { line: 'Thôn 1', province: 'Hà Tĩnh' }, email: 'not-an-email' },
        { token: owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['legalName', 'taxCode', 'address.commune', 'email']);
    });

    it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
      const response = await f.http.request('POST', '/api/businesses', { body: '{"legalName": "HTX', token: owner.token });
      expectApiError(response, 400, 'MALFORMED_REQUEST');
    });

    it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
      'answers a %s body with 415 UNSUPPORTED_MEDIA_TYPE',
      async (type) => {
        const before = await countRows(t, 'businesses');
        const response = await f.http.request('POST', '/api/businesses', {
          body: type === 'application/xml' ? '<business/>' : type === 'text/plain' ? JSON.stringify(businessInput()) : 'legalName=HTX',
          headers: { 'content-type': type },
          token: owner.token,
        });
        expectApiError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
        expect(await countRows(t, 'businesses')).toBe(before);
      },
    );
  });

  describe('error messages', () => {
    it('are in Vietnamese by default, field errors included', async () => {
      const response = await f.http.post('/api/businesses', businessInput({ taxCode: '123' }), { token: owner.token });
      const error = expectApiError(response, 400, 'VALIDATION_FAILED', ['taxCode']);
      expect(error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
      expect(error.fieldErrors!.taxCode).toEqual(['taxCode phải là mã số thuế gồm 10 hoặc 13 chữ số']);
    });

    it('are in English with Accept-Language: en, field errors included', async () => {
      const response = await f.http.post('/api/businesses', businessInput({ taxCode: '123' }), {
        token: owner.token,
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      });
      const error = expectApiError(response, 400, 'VALIDATION_FAILED', ['taxCode']);
      expect(error.message).toBe('The request contains invalid data.');
      expect(error.fieldErrors!.taxCode).toEqual(['taxCode must be a tax code of 10 or 13 digits']);
    });

    it('follow the language for every kind of error', async () => {
      const vi = await f.http.get(`/api/businesses/${randomUUID()}`);
      const en = await f.http.get(`/api/businesses/${randomUUID()}`, { headers: { 'accept-language': 'en' } });
      expect(expectApiError(vi, 404, 'BUSINESS_NOT_FOUND').message).toBe('Không tìm thấy doanh nghiệp.');
      expect(expectApiError(en, 404, 'BUSINESS_NOT_FOUND').message).toBe('Business not found.');
    });

    it("carry the server's own request id, never one the client sent", async () => {
      const given = await f.http.get(`/api/businesses/${randomUUID()}`, { headers: { 'x-request-id': 'trace-42' } });
      expect(expectApiError(given, 404, 'BUSINESS_NOT_FOUND').requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('GET /api/businesses/:id', () => {
    it('reads a business back with its certificates', async () => {
      const business = await createBusiness(f, owner);
      await addCertificate(f, owner, business.id, { kind: 'ocop', name: 'OCOP 4 sao', stars: 4, validTo: '2029-01-01' });
      const response = await f.http.get<BusinessView>(`/api/businesses/${business.id}`, { token: owner.token });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: business.id, legalName: business.legalName, taxCode: business.taxCode, status: 'pending' });
      expect(response.body.certificates).toEqual([expect.objectContaining({ kind: 'ocop', stars: 4, valid: true })]);
    });

    it('answers an unknown id with 404 BUSINESS_NOT_FOUND', async () => {
      expectApiError(await f.http.get(`/api/businesses/${randomUUID()}`), 404, 'BUSINESS_NOT_FOUND');
    });

    it.each(['not-a-uuid', '123', "1' OR '1'='1"])('answers the non-UUID id %p with 404, not 500', async (id) => {
      expectApiError(await f.http.get(`/api/businesses/${encodeURIComponent(id)}`), 404, 'NOT_FOUND');
    });

    it('answers a path with a malformed percent-encoding with 400 in the error shape', async () => {
      const response = await f.http.get('/api/businesses/%E0%A4%A', { headers: { 'accept-language': 'en' } });
      expect(expectApiError(response, 400, 'MALFORMED_URL').message).toBe(
        'The address has a malformed character encoding (a % not followed by a valid code).',
      );
    });

    it('answers an unknown API path with 404 in the error shape', async () => {
      expectApiError(await f.http.get('/api/businessez'), 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/businesses/:id/verify', () => {
    it('lets an administrator verify a pending business', async () => {
      const business = await createBusiness(f, owner);
      const response = await f.http.post<BusinessView>(`/api/businesses/${business.id}/verify`, undefined, { token: admin.token });
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('verified');
      expect((await f.http.get(`/api/businesses/${business.id}`)).body.status).toBe('verified');
    });

    it('answers an unknown business with 404', async () => {
      expectApiError(
        await f.http.post(`/api/businesses/${randomUUID()}/verify`, undefined, { token: admin.token }),
        404,
        'BUSINESS_NOT_FOUND',
      );
      expectApiError(await f.http.post('/api/businesses/nope/verify', undefined, { token: admin.token }), 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/businesses/:id/certificates', () => {
    it('adds a certificate, marking an expired one not valid', async () => {
      const business = await createBusiness(f, owner);
      const view = await addCertificate(f, owner, business.id, {
        kind: 'haccp',
        name: 'HACCP',
        validFrom: '2020-01-01',
        validTo: '2021-01-01',
      });
      expect(view.certificates).toEqual([expect.objectContaining({ kind: 'haccp', validTo: '2021-01-01', valid: false })]);
    });

    it('refuses a validity that ends before it starts, naming validTo', async () => {
      const business = await createBusiness(f, owner);
      const response = await f.http.post(
        `/api/businesses/${business.id}/certificates`,
        { kind: 'organic', name: 'Hữu cơ', issuer: 'X', validFrom: '2026-01-01', validTo: '2025-01-01' },
        { token: owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['validTo']);
      expect(await countRows(t, 'certificates', 'business_id = $1', [business.id])).toBe(0);
    });

    it('refuses OCOP stars outside 1 to 5 and an unknown kind', async () => {
      const business = await createBusiness(f, owner);
      const response = await f.http.post(
        `/api/businesses/${business.id}/certificates`,
        { kind: 'michelin', name: 'X', issuer: 'X', stars: 6 },
        { token: owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['kind', 'stars']);
    });
  });

  describe('GET /api/businesses', () => {
    it('pages through the list with limit and offset, telling the total', async () => {
      const word = tag();
      const names = ['A', 'B', 'C', 'D', 'E'].map((letter) => `${letter} HTX ${word}`);
      for (const legalName of names) await createBusiness(f, owner, { legalName });

      const pages: Page<BusinessView>[] = [];
      for (const offset of [0, 2, 4]) {
        const response = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${word}&limit=2&offset=${offset}`, { token: owner.token });
        expect(response.status).toBe(200);
        pages.push(response.body);
      }
      expect(pages.map((p) => ({ total: p.total, limit: p.limit, offset: p.offset, count: p.items.length }))).toEqual([
        { total: 5, limit: 2, offset: 0, count: 2 },
        { total: 5, limit: 2, offset: 2, count: 2 },
        { total: 5, limit: 2, offset: 4, count: 1 },
      ]);
      expect(pages.flatMap((p) => p.items.map((b) => b.legalName))).toEqual(names);
    });

    it('pages by 20 unless told otherwise', async () => {
      const response = await f.http.get<Page<BusinessView>>('/api/businesses');
      expect(response.body).toMatchObject({ limit: 20, offset: 0 });
      expect(response.body.items.length).toBeLessThanOrEqual(20);
      expect(response.body.total).toBeGreaterThanOrEqual(response.body.items.length);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['status=deleted', 'status'],
    ])('refuses %s, naming the parameter', async (query, field) => {
      expectApiError(await f.http.get(`/api/businesses?${query}`), 400, 'VALIDATION_FAILED', [field]);
    });

    it('refuses query parameters it does not know', async () => {
      expectApiError(await f.http.get('/api/businesses?sort=name'), 400, 'VALIDATION_FAILED', ['sort']);
    });

    it('finds "Hương Khê" by name with or without diacritics, in any case', async () => {
      const word = tag();
      const business = await createBusiness(f, owner, { legalName: `Hợp tác xã Bưởi Phúc Trạch Hương Khê ${word}` });
      await createBusiness(f, owner, { legalName: `Công ty Cam Hương Sơn ${word}` });
      for (const q of ['huong khe', 'Hương Khê', 'HUONG KHE', 'HƯƠNG KHÊ', 'phuc trach huong khe']) {
        const response = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${encodeURIComponent(`${q} ${word}`)}`, {
          token: owner.token,
        });
        expect({ q, found: response.body.items.map((b) => b.id) }).toEqual({ q, found: [business.id] });
      }
      const both = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${encodeURIComponent(`huong`)}&limit=100`, {
        token: owner.token,
      });
      expect(both.body.items.filter((b) => b.legalName.endsWith(word))).toHaveLength(2);
    });

    it('finds a business by the start of its tax code', async () => {
      const business = await createBusiness(f, owner);
      const response = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${business.taxCode.slice(0, 8)}`, { token: owner.token });
      expect(response.body.items.map((b) => b.id)).toContain(business.id);
    });

    it('treats % and _ in the search text as plain characters', async () => {
      const response = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${encodeURIComponent('%')}`);
      expect(response.body.total).toBe(0);
      const underscore = await f.http.get<Page<BusinessView>>(`/api/businesses?q=_`);
      expect(underscore.body.total).toBe(0);
    });

    it('shows a pending business only to its members, inspectors and administrators', async () => {
      const word = tag();
      const pending = await createBusiness(f, owner, { legalName: `HTX chưa duyệt ${word}` });
      const inspector = await createUser(f, { role: 'inspector' });
      const stranger = await createUser(f);
      for (const [who, token, sees] of [
        ['the public', undefined, false],
        ['a stranger', stranger.token, false],
        ['its owner', owner.token, true],
        ['an inspector', inspector.token, true],
        ['an administrator', admin.token, true],
      ] as const) {
        const list = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${word}`, { token });
        const one = await f.http.get<BusinessView>(`/api/businesses/${pending.id}`, { token });
        expect({ who, listed: list.body.items.length, status: one.status }).toEqual({
          who,
          listed: sees ? 1 : 0,
          status: sees ? 200 : 404,
        });
      }
    });

    it('filters by status', async () => {
      const word = tag();
      const pending = await createBusiness(f, owner, { legalName: `HTX chờ ${word}` });
      const verified = await createBusiness(f, owner, { legalName: `HTX đã xác minh ${word}` });
      await f.http.post(`/api/businesses/${verified.id}/verify`, undefined, { token: admin.token });
      const onlyVerified = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${word}&status=verified`, { token: owner.token });
      expect(onlyVerified.body.items.map((b) => b.id)).toEqual([verified.id]);
      const onlyPending = await f.http.get<Page<BusinessView>>(`/api/businesses?q=${word}&status=pending`, { token: owner.token });
      expect(onlyPending.body.items.map((b) => b.id)).toEqual([pending.id]);
    });
  });
});
