import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, BusinessView, LocationView, PublicBatchView } from '@nguon/shared';
import { certificateInput, PNG_BYTES, uploadRaw } from '../factories/catalog.js';
import {
  addCertificate,
  createBatch,
  createBusiness,
  createLocation,
  createProducer,
  createUser,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient, type HttpResponse } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A suspended business keeps its public pages as they were: every write that would change what
 * they show is refused. And the places of a business that is not verified are not public.
 */
describe('suspended and unverified businesses', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let inspector: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
  });
  afterAll(async () => t?.close());

  const decide = async (businessId: string, decision: 'suspend' | 'verify') => {
    const response = await f.http.post(
      `/api/businesses/${businessId}/${decision}`,
      decision === 'suspend' ? { reason: 'Nhãn sai sự thật' } : {},
      { token: admin.token },
    );
    expect(response.status).toBe(200);
  };

  describe('a suspended business cannot change what its public pages show', () => {
    let producer: Producer;
    let certificateId: string;
    let productCertificateId: string;

    beforeAll(async () => {
      producer = await createProducer(f, admin);
      certificateId = (await addCertificate(f, producer.owner, producer.business.id)).certificates[0]!.id;
      const withCertificate = await f.http.post(`/api/products/${producer.product.id}/certificates`, certificateInput(), {
        token: producer.owner.token,
      });
      productCertificateId = withCertificate.body.certificates[0].id;
      await decide(producer.business.id, 'suspend');
    });

    const writes: [string, () => Promise<HttpResponse>][] = [
      [
        'adding a business certificate',
        () => f.http.post(`/api/businesses/${producer.business.id}/certificates`, certificateInput(), { token: producer.owner.token }),
      ],
      [
        'changing a business certificate',
        () =>
          f.http.request('PATCH', `/api/businesses/${producer.business.id}/certificates/${certificateId}`, {
            body: { issuer: 'Khác' },
            token: producer.owner.token,
          }),
      ],
      [
        'removing a business certificate',
        () =>
          f.http.request('DELETE', `/api/businesses/${producer.business.id}/certificates/${certificateId}`, {
            token: producer.owner.token,
          }),
      ],
      [
        'adding a place',
        () =>
          f.http.post(
            `/api/businesses/${producer.business.id}/locations`,
            { kind: 'farm', name: 'Vườn mới', address: 'Thôn 3', province: 'Hà Tĩnh' },
            { token: producer.owner.token },
          ),
      ],
      [
        'renaming a place',
        () =>
          f.http.request('PATCH', `/api/locations/${producer.location.id}`, {
            body: { name: 'Vườn đổi tên' },
            token: producer.owner.token,
          }),
      ],
      ['removing a place', () => f.http.request('DELETE', `/api/locations/${producer.location.id}`, { token: producer.owner.token })],
      [
        'adding a product',
        () =>
          f.http.post(
            `/api/businesses/${producer.business.id}/products`,
            { name: { vi: 'Cam', en: 'Orange' }, category: 'fruit', unit: 'KGM' },
            { token: producer.owner.token },
          ),
      ],
      [
        'changing a product',
        () =>
          f.http.request('PATCH', `/api/products/${producer.product.id}`, {
            body: { brand: 'Thương hiệu khác' },
            token: producer.owner.token,
          }),
      ],
      [
        'adding a product certificate',
        () => f.http.post(`/api/products/${producer.product.id}/certificates`, certificateInput(), { token: producer.owner.token }),
      ],
      [
        'changing a product certificate',
        () =>
          f.http.request('PATCH', `/api/products/${producer.product.id}/certificates/${productCertificateId}`, {
            body: { issuer: 'Khác' },
            token: producer.owner.token,
          }),
      ],
      [
        'removing a product certificate',
        () =>
          f.http.request('DELETE', `/api/products/${producer.product.id}/certificates/${productCertificateId}`, {
            token: producer.owner.token,
          }),
      ],
      [
        'uploading a file (product images, documents)',
        () => uploadRaw(f, producer.owner, producer.business.id, PNG_BYTES, { contentType: 'image/png' }),
      ],
    ];

    it.each(writes)('refuses %s with 403 BUSINESS_SUSPENDED', async (_, write) => {
      expectApiError(await write(), 403, 'BUSINESS_SUSPENDED');
    });

    it('refuses new batches and events, as before (the business is not verified)', async () => {
      expectApiError(
        await f.http.post(
          '/api/batches',
          { productId: producer.product.id, lotCode: 'SUSP-1', productionDate: '2026-10-01', quantity: 1, unit: 'KGM' },
          { token: producer.owner.token },
        ),
        403,
        'BUSINESS_NOT_VERIFIED',
      );
    });

    it("says why in the reader's language", async () => {
      const body = expectApiError(
        await f.http.request('PATCH', `/api/products/${producer.product.id}`, {
          body: { brand: 'X' },
          token: producer.owner.token,
          headers: { 'accept-language': 'en' },
        }),
        403,
        'BUSINESS_SUSPENDED',
      );
      expect(body.message).toBe('The business is suspended, so it cannot change what its public pages show.');
    });

    it('lets it write again once verified again', async () => {
      const other = await createProducer(f, admin);
      await decide(other.business.id, 'suspend');
      await decide(other.business.id, 'verify');
      expect(
        (await f.http.request('PATCH', `/api/products/${other.product.id}`, { body: { brand: 'Mới' }, token: other.owner.token })).status,
      ).toBe(200);
    });
  });

  describe('places of a business that is not verified are not public', () => {
    let owner: TestUser;
    let pending: BusinessView;
    let place: LocationView;

    beforeAll(async () => {
      owner = await createUser(f);
      pending = await createBusiness(f, owner);
      place = await createLocation(f, owner, pending.id, { name: 'Kho chưa công khai' });
    });

    it('hides them from anyone signed out and from other businesses (404)', async () => {
      const outsider = await createUser(f);
      for (const token of [undefined, outsider.token]) {
        expectApiError(await f.http.get(`/api/businesses/${pending.id}/locations`, { token }), 404, 'BUSINESS_NOT_FOUND');
        expectApiError(await f.http.get(`/api/locations/${place.id}`, { token }), 404, 'LOCATION_NOT_FOUND');
      }
    });

    it('shows them to the business itself and to inspectors', async () => {
      for (const token of [owner.token, inspector.token]) {
        expect((await f.http.get(`/api/businesses/${pending.id}/locations`, { token })).body.items.map((l: LocationView) => l.id)).toEqual([
          place.id,
        ]);
        expect((await f.http.get(`/api/locations/${place.id}`, { token })).status).toBe(200);
      }
    });

    it('shows the places of a verified business to everyone', async () => {
      const producer = await createProducer(f, admin);
      expect((await f.http.get(`/api/businesses/${producer.business.id}/locations`)).body.items).toHaveLength(1);
      expect((await f.http.get(`/api/locations/${producer.location.id}`)).status).toBe(200);
    });

    it('leaves them off the consumer page once the business is suspended', async () => {
      const producer = await createProducer(f, admin);
      const batch: BatchView = await createBatch(f, producer.owner, producer.product.id, {
        originLocationId: producer.location.id,
        locationId: producer.location.id,
      });
      await recordStage(f, producer.owner, batch.id, { stage: 'harvesting', locationId: producer.location.id, quantity: 10 });
      const view = async () => (await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`)).body;
      const before = await view();
      expect(before.origin?.name).toBe(producer.location.name);
      expect(before.timeline.some((e) => e.place?.name === producer.location.name)).toBe(true);
      await decide(producer.business.id, 'suspend');
      const after = await view();
      expect(after.origin).toBeNull();
      expect(after.timeline.length).toBe(before.timeline.length);
      expect(after.timeline.every((e) => e.place === null)).toBe(true);
    });
  });
});
