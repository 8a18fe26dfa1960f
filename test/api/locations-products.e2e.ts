import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BusinessView, LocationView, Page, ProductView } from '@nguon/shared';
import {
  companyPrefixOf,
  createBusiness,
  createLocation,
  createProduct,
  createUser,
  gtinOf,
  makeGtin,
  makeGtinOfLength,
  withWrongCheckDigit,
  type Factory,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('locations and products', () => {
  let t: TestApp;
  let f: Factory;
  let owner: TestUser;
  let business: BusinessView;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    owner = await createUser(f);
    business = await createBusiness(f, owner);
  });
  afterAll(async () => t?.close());

  const productBody = (overrides: Record<string, unknown> = {}) => ({
    name: { vi: 'Mật ong Vũ Quang', en: 'Vu Quang honey' },
    category: 'honey',
    unit: 'XJR',
    ...overrides,
  });

  describe('POST /api/businesses/:id/locations', () => {
    it('adds a place of the business and reads it back', async () => {
      const body = {
        kind: 'apiary',
        name: 'Trại ong Vũ Quang',
        address: 'Xã Hương Điền',
        province: 'Hà Tĩnh',
        gln: '8930001000018',
        latitude: 18.35,
        longitude: 105.4,
      };
      const response = await f.http.post<LocationView>(`/api/businesses/${business.id}/locations`, body, { token: owner.token });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: expect.any(String), businessId: business.id, ...body });
      // The business is not verified yet: its places are for its own people (see suspended-business.e2e.ts).
      expect((await f.http.get(`/api/locations/${response.body.id}`, { token: owner.token })).body).toEqual(response.body);
    });

    it('refuses a latitude without a longitude', async () => {
      const response = await f.http.post(
        `/api/businesses/${business.id}/locations`,
        { kind: 'farm', name: 'Vườn', address: 'Thôn 2', province: 'Hà Tĩnh', latitude: 18.2 },
        { token: owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['longitude']);
    });

    it('refuses an unknown kind, a GLN with a wrong check digit and coordinates off the globe, naming each', async () => {
      const before = await countRows(t, 'locations');
      const response = await f.http.post(
        `/api/businesses/${business.id}/locations`,
        {
          kind: 'castle',
          name: 'Vườn',
          address: 'Thôn 2',
          province: 'Hà Tĩnh',
          gln: '8930001000019',
          latitude: 91,
          longitude: 200,
        },
        { token: owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['kind', 'gln', 'latitude', 'longitude']);
      expect(await countRows(t, 'locations')).toBe(before);
    });

    it('answers an unknown business with 404 BUSINESS_NOT_FOUND, and a non-UUID one with 404', async () => {
      const body = { kind: 'farm', name: 'Vườn', address: 'Thôn 2', province: 'Hà Tĩnh' };
      expectApiError(
        await f.http.post(`/api/businesses/${randomUUID()}/locations`, body, { token: owner.token }),
        404,
        'BUSINESS_NOT_FOUND',
      );
      expectApiError(await f.http.post('/api/businesses/xyz/locations', body, { token: owner.token }), 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/locations/:id', () => {
    it('answers an unknown id with 404 LOCATION_NOT_FOUND and a non-UUID with 404', async () => {
      expectApiError(await f.http.get(`/api/locations/${randomUUID()}`), 404, 'LOCATION_NOT_FOUND');
      expectApiError(await f.http.get('/api/locations/12'), 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/businesses/:id/locations', () => {
    it('pages through the places of one business only', async () => {
      const other = await createBusiness(f, owner);
      const names = ['Ao cá', 'Kho lạnh', 'Vườn bưởi'];
      for (const name of names) await createLocation(f, owner, other.id, { name });
      await createLocation(f, owner, business.id, { name: 'Không thuộc' });

      const first = await f.http.get<Page<LocationView>>(`/api/businesses/${other.id}/locations?limit=2`, { token: owner.token });
      const second = await f.http.get<Page<LocationView>>(`/api/businesses/${other.id}/locations?limit=2&offset=2`, { token: owner.token });
      expect([first.body.total, first.body.items.length, second.body.total, second.body.items.length]).toEqual([3, 2, 3, 1]);
      expect([...first.body.items, ...second.body.items].map((l) => l.name)).toEqual(names);
      expect([...first.body.items, ...second.body.items].every((l) => l.businessId === other.id)).toBe(true);
    });
  });

  describe('POST /api/businesses/:id/products', () => {
    it('creates a product with every field and reads it back', async () => {
      const gtin = gtinOf(business);
      const body = productBody({
        gtin,
        description: { vi: 'Mật ong rừng', en: 'Forest honey' },
        brand: 'Vũ Quang',
        imageUrl: 'https://example.test/honey.jpg',
        shelfLifeDays: 730,
        standards: ['TCVN 12605:2019'],
      });
      const response = await f.http.post<ProductView>(`/api/businesses/${business.id}/products`, body, { token: owner.token });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        businessId: business.id,
        ...body,
        gtin: `0${gtin}`,
        images: [],
        certificates: [],
        batchCount: 0,
        createdAt: expect.any(String),
      });
      expect((await f.http.get(`/api/products/${response.body.id}`)).body).toEqual(response.body);
    });

    it.each([8, 12, 13, 14] as const)('accepts a GTIN-%i and stores it as GTIN-14', async (length) => {
      const gtin = makeGtinOfLength(length);
      const holder = await createBusiness(f, owner, { gs1Prefixes: [companyPrefixOf(gtin)] });
      const product = await createProduct(f, owner, holder.id, { gtin });
      expect(product.gtin).toBe(gtin.padStart(14, '0'));
      expect(product.gtin).toHaveLength(14);
    });

    it('accepts a GTIN typed with the spaces printed under a barcode', async () => {
      const gtin = gtinOf(business);
      const spaced = `${gtin.slice(0, 1)} ${gtin.slice(1, 7)} ${gtin.slice(7)}`;
      expect((await createProduct(f, owner, business.id, { gtin: spaced })).gtin).toBe(`0${gtin}`);
    });

    it('makes a product without a GTIN (it will get short codes)', async () => {
      const first = await createProduct(f, owner, business.id, { gtin: undefined });
      const second = await createProduct(f, owner, business.id, { gtin: undefined });
      expect([first.gtin, second.gtin]).toEqual([null, null]);
    });

    it.each([8, 12, 13, 14] as const)('refuses a GTIN-%i with a wrong check digit, saying so in the gtin field', async (length) => {
      const before = await countRows(t, 'products');
      const response = await f.http.post(
        `/api/businesses/${business.id}/products`,
        productBody({ gtin: withWrongCheckDigit(makeGtinOfLength(length)) }),
        { token: owner.token, headers: { 'accept-language': 'en' } },
      );
      const error = expectApiError(response, 400, 'VALIDATION_FAILED', ['gtin']);
      expect(error.fieldErrors!.gtin).toEqual(['gtin has a wrong GTIN check digit']);
      expect(await countRows(t, 'products')).toBe(before);
    });

    it('says in Vietnamese that the check digit is wrong', async () => {
      const response = await f.http.post(
        `/api/businesses/${business.id}/products`,
        productBody({ gtin: withWrongCheckDigit(makeGtin()) }),
        { token: owner.token },
      );
      expect(expectApiError(response, 400, 'VALIDATION_FAILED', ['gtin']).fieldErrors!.gtin).toEqual([
        'gtin có số kiểm tra GTIN không đúng',
      ]);
    });

    it.each(['1234567', '12345678901', '123456789012345', '89345ABC00017', ''])('refuses %p as not a GTIN', async (gtin) => {
      const response = await f.http.post(`/api/businesses/${business.id}/products`, productBody({ gtin }), {
        token: owner.token,
        headers: { 'accept-language': 'en' },
      });
      const error = expectApiError(response, 400, 'VALIDATION_FAILED', ['gtin']);
      expect(error.fieldErrors!.gtin![0]).toMatch(/^gtin /);
    });

    it("refuses a GTIN the business's other product has with GTIN_TAKEN, in whatever form it is written", async () => {
      const gtin = gtinOf(business);
      await createProduct(f, owner, business.id, { gtin });
      for (const form of [gtin, `0${gtin}`]) {
        const response = await f.http.post(`/api/businesses/${business.id}/products`, productBody({ gtin: form }), { token: owner.token });
        expectApiError(response, 409, 'GTIN_TAKEN');
      }
      expect(await countRows(t, 'products', 'gtin = $1', [`0${gtin}`])).toBe(1);
    });

    it('refuses a unit outside UN/CEFACT Rec 20, a missing English name and unknown fields', async () => {
      const response = await f.http.post(
        `/api/businesses/${business.id}/products`,
        { ...productBody({ unit: 'kg', name: { vi: 'Mật ong' } }), price: 100 },
        { token: owner.token },
      );
      expectApiError(response, 400, 'VALIDATION_FAILED', ['unit', 'name.en', 'price']);
    });

    it('answers an unknown business with 404 BUSINESS_NOT_FOUND', async () => {
      expectApiError(
        await f.http.post(`/api/businesses/${randomUUID()}/products`, productBody(), { token: owner.token }),
        404,
        'BUSINESS_NOT_FOUND',
      );
    });
  });

  describe('GET /api/products/:id', () => {
    it('answers an unknown id with 404 PRODUCT_NOT_FOUND and a non-UUID with 404', async () => {
      expectApiError(await f.http.get(`/api/products/${randomUUID()}`), 404, 'PRODUCT_NOT_FOUND');
      expectApiError(await f.http.get('/api/products/08934567000017'), 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/businesses/:id/products', () => {
    it('pages through the products of one business, newest first', async () => {
      const other = await createBusiness(f, owner);
      const made: ProductView[] = [];
      for (const vi of ['Cam Vinh', 'Bưởi Phúc Trạch', 'Mật ong'])
        made.push(await createProduct(f, owner, other.id, { name: { vi, en: vi } }));

      const first = await f.http.get<Page<ProductView>>(`/api/businesses/${other.id}/products?limit=2&offset=0`);
      const second = await f.http.get<Page<ProductView>>(`/api/businesses/${other.id}/products?limit=2&offset=2`);
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
      expect([...first.body.items, ...second.body.items].map((p) => p.id)).toEqual(made.map((p) => p.id).reverse());
    });

    it('refuses a page size over 100', async () => {
      expectApiError(await f.http.get(`/api/businesses/${business.id}/products?limit=1000`), 400, 'VALIDATION_FAILED', ['limit']);
    });
  });
});
