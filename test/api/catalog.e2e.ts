import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BusinessView, LocationView, ProductView, PublicBatchView } from '@nguon/shared';
import { certificateInput, PDF_BYTES, updateProduct, uploadAttachment } from '../factories/catalog.js';
import { vietnamDate } from '../factories/lots.js';
import {
  createBatch,
  createBusiness,
  createLocation,
  createProducer,
  createProduct,
  createStaff,
  createUser,
  gtinOf,
  makeGtin,
  recordStage,
  withWrongCheckDigit,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { auditEntriesOf, newRequestId } from '../support/audit.js';
import { countRows } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('master data: products, locations, certificates', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let a: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    a = await createProducer(f, admin);
  });
  afterAll(async () => t?.close());

  const patch = <T = unknown>(path: string, body: unknown, token: string) => f.http.request<T>('PATCH', path, { body, token });
  const remove = (path: string, token: string) => f.http.request('DELETE', path, { token });
  const publicView = async (batchId: string) => (await f.http.get<PublicBatchView>(`/api/public/batches/${batchId}`)).body;

  describe('PATCH /api/products/:id', () => {
    it('changes only what is sent and clears optional fields with null', async () => {
      const product = await createProduct(f, a.owner, a.business.id, { brand: 'Phúc Trạch', shelfLifeDays: 30, standards: ['VietGAP'] });
      const response = await updateProduct(f, a.owner, product.id, {
        name: { vi: 'Bưởi Phúc Trạch loại 1', en: 'Phuc Trach pomelo, grade 1' },
        brand: null,
        standards: ['VietGAP', 'TCVN 12850:2019'],
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: { vi: 'Bưởi Phúc Trạch loại 1', en: 'Phuc Trach pomelo, grade 1' },
        brand: null,
        shelfLifeDays: 30,
        standards: ['VietGAP', 'TCVN 12850:2019'],
        gtin: product.gtin,
        unit: 'KGM',
        batchCount: 0,
      });
      expect((await f.http.get(`/api/products/${product.id}`)).body).toEqual(response.body);
    });

    it('stores a GTIN as GTIN-14 and refuses a wrong check digit, naming the field', async () => {
      const product = await createProduct(f, a.owner, a.business.id, { gtin: undefined });
      const gtin13 = gtinOf(a.business);
      expect((await updateProduct(f, a.owner, product.id, { gtin: gtin13 })).body.gtin).toBe(`0${gtin13}`);
      const error = expectApiError(
        await updateProduct(f, a.owner, product.id, { gtin: withWrongCheckDigit(makeGtin()) }),
        400,
        'VALIDATION_FAILED',
        ['gtin'],
      );
      expect(error.fieldErrors?.gtin?.[0]).toMatch(/kiểm tra|check digit/i);
    });

    it('refuses null for what cannot be cleared, and unknown fields', async () => {
      expectApiError(await updateProduct(f, a.owner, a.product.id, { name: null, unit: null } as never), 400, 'VALIDATION_FAILED', [
        'name',
        'unit',
      ]);
      expectApiError(await updateProduct(f, a.owner, a.product.id, { businessId: randomUUID() } as never), 400, 'VALIDATION_FAILED', [
        'businessId',
      ]);
    });

    it('keeps the GTIN once the product has a batch (it is printed in the QR code), but lets the rest change', async () => {
      const product = await createProduct(f, a.owner, a.business.id);
      await createBatch(f, a.owner, product.id);
      const error = expectApiError(await updateProduct(f, a.owner, product.id, { gtin: makeGtin() }), 409, 'GTIN_LOCKED', ['gtin']);
      expect(error.message).toMatch(/lô hàng/);
      expectApiError(await updateProduct(f, a.owner, product.id, { gtin: null }), 409, 'GTIN_LOCKED', ['gtin']);
      const same = await updateProduct(f, a.owner, product.id, { gtin: product.gtin!.slice(1), category: 'citrus' });
      expect(same.body).toMatchObject({ gtin: product.gtin, category: 'citrus', batchCount: 1 });
    });

    it('refuses a GTIN another product already has (409)', async () => {
      const product = await createProduct(f, a.owner, a.business.id);
      expectApiError(await updateProduct(f, a.owner, product.id, { gtin: a.product.gtin! }), 409, 'GTIN_TAKEN');
    });

    it("lets only owners of the product's business change it: staff 403, another business 403, unknown 404", async () => {
      const staff = await createStaff(f, a.owner, a.business.id);
      const b = await createProducer(f, admin);
      expectApiError(await updateProduct(f, staff, a.product.id, { category: 'x' }), 403, 'FORBIDDEN');
      expectApiError(await updateProduct(f, b.owner, a.product.id, { category: 'x' }), 403, 'FORBIDDEN');
      expectApiError(await updateProduct(f, a.owner, randomUUID(), { category: 'x' }), 404, 'PRODUCT_NOT_FOUND');
      expect((await f.http.get<ProductView>(`/api/products/${a.product.id}`)).body.category).toBe(a.product.category);
    });
  });

  describe('product images', () => {
    it('keeps the uploaded images in order, the first one the main image', async () => {
      const [first, second] = [await uploadAttachment(f, a.owner, a.business.id), await uploadAttachment(f, a.owner, a.business.id)];
      const product = await createProduct(f, a.owner, a.business.id, { images: [first!.id, second!.id] });
      expect(product.images.map((i) => i.id)).toEqual([first!.id, second!.id]);
      expect(product.imageUrl).toBe(first!.url);
      const reordered = (await updateProduct(f, a.owner, product.id, { images: [second!.id, first!.id] })).body;
      expect(reordered.images.map((i) => i.id)).toEqual([second!.id, first!.id]);
      expect(reordered.imageUrl).toBe(second!.url);
      const none = (await updateProduct(f, a.owner, product.id, { images: [] })).body;
      expect(none).toMatchObject({ images: [], imageUrl: null });
    });

    it('refuses an attachment of another business, storing nothing', async () => {
      const b = await createProducer(f, admin);
      const theirs = await uploadAttachment(f, b.owner, b.business.id);
      const before = await countRows(t, 'products');
      expectApiError(
        await f.http.post(
          `/api/businesses/${a.business.id}/products`,
          { name: { vi: 'X', en: 'X' }, category: 'x', unit: 'KGM', images: [theirs.id] },
          { token: a.owner.token },
        ),
        400,
        'VALIDATION_FAILED',
        ['images'],
      );
      expect(await countRows(t, 'products')).toBe(before);
      expectApiError(await updateProduct(f, a.owner, a.product.id, { images: [theirs.id] }), 400, 'VALIDATION_FAILED', ['images']);
      expectApiError(await updateProduct(f, a.owner, a.product.id, { images: ['not-a-uuid'] }), 400, 'VALIDATION_FAILED', ['images']);
    });

    it('shows the new main image on the consumer page of a batch already viewed (the cache is refreshed)', async () => {
      const batch = await createBatch(f, a.owner, a.product.id);
      expect((await publicView(batch.id)).product.imageUrl).toBe(a.product.imageUrl);
      const image = await uploadAttachment(f, a.owner, a.business.id);
      await updateProduct(f, a.owner, a.product.id, { images: [image.id], name: { vi: 'Bưởi đặc sản', en: 'Specialty pomelo' } });
      const view = await publicView(batch.id);
      expect(view.product).toMatchObject({ imageUrl: image.url, name: { vi: 'Bưởi đặc sản', en: 'Specialty pomelo' } });
      expect((await f.http.getBytes(view.product.imageUrl!)).status).toBe(200);
    });
  });

  describe('product certificates', () => {
    it("adds one with a document, shows it on the product and on its batches' consumer pages, and removes it", async () => {
      const product = await createProduct(f, a.owner, a.business.id);
      const batch = await createBatch(f, a.owner, product.id);
      const before = await publicView(batch.id);
      const document = await uploadAttachment(f, a.owner, a.business.id, {
        bytes: PDF_BYTES,
        contentType: 'application/pdf',
        fileName: 'VietGAP.pdf',
      });
      const added = await f.http.post<ProductView>(
        `/api/products/${product.id}/certificates`,
        certificateInput({ documentAttachmentId: document.id, validTo: vietnamDate(10) }),
        { token: a.owner.token },
      );
      expect(added.status).toBe(201);
      const [certificate] = added.body.certificates;
      expect(certificate).toMatchObject({
        productId: product.id,
        validity: 'expiring',
        valid: true,
        document: { attachmentId: document.id, fileName: 'VietGAP.pdf', url: document.url },
      });
      expect((await publicView(batch.id)).producer.certificates).toEqual([...before.producer.certificates, certificate]);
      // Not the business's own, nor another product's.
      expect(
        (await f.http.get<BusinessView>(`/api/businesses/${a.business.id}`, { token: a.owner.token })).body.certificates.map((c) => c.id),
      ).not.toContain(certificate!.id);
      expect((await f.http.get<ProductView>(`/api/products/${a.product.id}`)).body.certificates).toEqual([]);

      expect((await remove(`/api/products/${product.id}/certificates/${certificate!.id}`, a.owner.token)).status).toBe(204);
      expect((await f.http.get<ProductView>(`/api/products/${product.id}`)).body.certificates).toEqual([]);
      expect((await publicView(batch.id)).producer.certificates).toEqual(before.producer.certificates);
    });

    it('refuses removing a certificate through another product (404)', async () => {
      const product = await createProduct(f, a.owner, a.business.id);
      const [certificate] = (
        await f.http.post<ProductView>(`/api/products/${product.id}/certificates`, certificateInput(), { token: a.owner.token })
      ).body.certificates;
      expectApiError(
        await remove(`/api/products/${a.product.id}/certificates/${certificate!.id}`, a.owner.token),
        404,
        'CERTIFICATE_NOT_FOUND',
      );
    });
  });

  describe('business certificates', () => {
    it('tells valid, expiring (within 30 days) and expired apart', async () => {
      const owner = await createUser(f);
      const business = await createBusiness(f, owner);
      for (const [name, validTo] of [
        ['valid', vietnamDate(31)],
        ['expiring', vietnamDate(30)],
        ['expired', vietnamDate(-1)],
        ['open-ended', undefined],
      ] as const) {
        await f.http.post(`/api/businesses/${business.id}/certificates`, certificateInput({ name, validTo, validFrom: '2020-01-01' }), {
          token: owner.token,
        });
      }
      const { certificates } = (await f.http.get<BusinessView>(`/api/businesses/${business.id}`, { token: owner.token })).body;
      expect(certificates.map((c) => [c.name, c.validity, c.valid])).toEqual([
        ['valid', 'valid', true],
        ['expiring', 'expiring', true],
        ['expired', 'expired', false],
        ['open-ended', 'valid', true],
      ]);
    });

    it('takes a document of the business, refuses one of another business, and changes and removes certificates', async () => {
      const b = await createProducer(f, admin);
      const theirs = await uploadAttachment(f, b.owner, b.business.id, { bytes: PDF_BYTES, contentType: 'application/pdf' });
      expectApiError(
        await f.http.post(`/api/businesses/${a.business.id}/certificates`, certificateInput({ documentAttachmentId: theirs.id }), {
          token: a.owner.token,
        }),
        400,
        'VALIDATION_FAILED',
        ['documentAttachmentId'],
      );

      const ours = await uploadAttachment(f, a.owner, a.business.id, {
        bytes: PDF_BYTES,
        contentType: 'application/pdf',
        fileName: 'OCOP 4 sao.pdf',
      });
      const added = (
        await f.http.post<BusinessView>(
          `/api/businesses/${a.business.id}/certificates`,
          certificateInput({ kind: 'ocop', name: 'OCOP', stars: 4, documentAttachmentId: ours.id }),
          { token: a.owner.token },
        )
      ).body;
      const certificate = added.certificates.at(-1)!;
      expect(certificate.document).toEqual({
        attachmentId: ours.id,
        fileName: 'OCOP 4 sao.pdf',
        contentType: 'application/pdf',
        url: ours.url,
      });

      const changed = await patch<BusinessView>(
        `/api/businesses/${a.business.id}/certificates/${certificate.id}`,
        { stars: 5, validTo: vietnamDate(-2) },
        a.owner.token,
      );
      expect(changed.body.certificates.at(-1)).toMatchObject({ stars: 5, validity: 'expired' });
      expectApiError(
        await patch(`/api/businesses/${a.business.id}/certificates/${certificate.id}`, { validFrom: '2031-01-01' }, a.owner.token),
        400,
        'VALIDATION_FAILED',
        ['validTo'],
      );
      expectApiError(
        await patch(`/api/businesses/${a.business.id}/certificates/${certificate.id}`, { name: null, issuer: null }, a.owner.token),
        400,
        'VALIDATION_FAILED',
        ['name', 'issuer'],
      );
      const cleared = await patch<BusinessView>(
        `/api/businesses/${a.business.id}/certificates/${certificate.id}`,
        { documentAttachmentId: null, validTo: null },
        a.owner.token,
      );
      expect(cleared.body.certificates.at(-1)).toMatchObject({ document: null, validTo: null, validity: 'valid', name: 'OCOP' });

      expectApiError(
        await remove(`/api/businesses/${b.business.id}/certificates/${certificate.id}`, b.owner.token),
        404,
        'CERTIFICATE_NOT_FOUND',
      );
      expectApiError(await remove(`/api/businesses/${a.business.id}/certificates/${certificate.id}`, b.owner.token), 403, 'FORBIDDEN');
      expect((await remove(`/api/businesses/${a.business.id}/certificates/${certificate.id}`, a.owner.token)).status).toBe(204);
      expect((await f.http.get<BusinessView>(`/api/businesses/${a.business.id}`)).body.certificates.map((c) => c.id)).not.toContain(
        certificate.id,
      );
    });
  });

  describe('PATCH /api/locations/:id', () => {
    it('changes what is sent, and clears both coordinates together', async () => {
      const location = await createLocation(f, a.owner, a.business.id);
      const moved = await patch<LocationView>(
        `/api/locations/${location.id}`,
        { name: 'Vườn bưởi mới', latitude: 18.3, longitude: 105.7 },
        a.owner.token,
      );
      expect(moved.body).toEqual({ ...location, name: 'Vườn bưởi mới', latitude: 18.3, longitude: 105.7 });
      const cleared = await patch<LocationView>(`/api/locations/${location.id}`, { latitude: null, longitude: null }, a.owner.token);
      expect(cleared.body).toMatchObject({ latitude: null, longitude: null });
    });

    it('refuses coordinates off the globe, one without the other, and a name set to null', async () => {
      const location = await createLocation(f, a.owner, a.business.id);
      expectApiError(
        await patch(`/api/locations/${location.id}`, { latitude: -91, longitude: 181 }, a.owner.token),
        400,
        'VALIDATION_FAILED',
        ['latitude', 'longitude'],
      );
      expectApiError(await patch(`/api/locations/${location.id}`, { latitude: null }, a.owner.token), 400, 'VALIDATION_FAILED', [
        'latitude',
      ]);
      expectApiError(await patch(`/api/locations/${location.id}`, { name: null }, a.owner.token), 400, 'VALIDATION_FAILED', ['name']);
      expect((await f.http.get(`/api/locations/${location.id}`)).body).toEqual(location);
    });

    it('lets only owners of its business change it', async () => {
      const staff = await createStaff(f, a.owner, a.business.id);
      const b = await createProducer(f, admin);
      expectApiError(await patch(`/api/locations/${a.location.id}`, { name: 'X' }, staff.token), 403, 'FORBIDDEN');
      expectApiError(await patch(`/api/locations/${a.location.id}`, { name: 'X' }, b.owner.token), 403, 'FORBIDDEN');
      expectApiError(await patch(`/api/locations/${randomUUID()}`, { name: 'X' }, a.owner.token), 404, 'LOCATION_NOT_FOUND');
    });

    it('shows the new name on the consumer page of a batch that happened there', async () => {
      const location = await createLocation(f, a.owner, a.business.id, { name: 'Vườn cũ' });
      const batch = await createBatch(f, a.owner, a.product.id, { originLocationId: location.id });
      expect((await publicView(batch.id)).origin?.name).toBe('Vườn cũ');
      await patch(`/api/locations/${location.id}`, { name: 'Vườn Phúc Trạch' }, a.owner.token);
      expect((await publicView(batch.id)).origin?.name).toBe('Vườn Phúc Trạch');
    });
  });

  describe('DELETE /api/locations/:id', () => {
    it('deletes a place nothing refers to', async () => {
      const location = await createLocation(f, a.owner, a.business.id);
      expect((await remove(`/api/locations/${location.id}`, a.owner.token)).status).toBe(204);
      expectApiError(await f.http.get(`/api/locations/${location.id}`), 404, 'LOCATION_NOT_FOUND');
    });

    it('refuses a place a batch or an event names (409), keeping it', async () => {
      const origin = await createLocation(f, a.owner, a.business.id);
      const batch = await createBatch(f, a.owner, a.product.id, { originLocationId: origin.id });
      const stagePlace = await createLocation(f, a.owner, a.business.id);
      await recordStage(f, a.owner, batch.id, { stage: 'harvesting', locationId: stagePlace.id });
      for (const location of [origin, stagePlace]) {
        const error = expectApiError(await remove(`/api/locations/${location.id}`, a.owner.token), 409, 'LOCATION_IN_USE');
        expect(error.message).toMatch(/không thể xóa/);
        expect((await f.http.get(`/api/locations/${location.id}`)).status).toBe(200);
      }
    });

    it('refuses staff and other businesses', async () => {
      const staff = await createStaff(f, a.owner, a.business.id);
      const b = await createProducer(f, admin);
      expectApiError(await remove(`/api/locations/${a.location.id}`, staff.token), 403, 'FORBIDDEN');
      expectApiError(await remove(`/api/locations/${a.location.id}`, b.owner.token), 403, 'FORBIDDEN');
    });
  });

  describe('the audit log', () => {
    it('records uploads and every master-data change with who made it and what changed', async () => {
      const audited = async (run: (headers: Record<string, string>) => Promise<{ status: number }>) => {
        const requestId = newRequestId('catalog');
        expect((await run({ 'x-request-id': requestId })).status).toBeLessThan(300);
        return auditEntriesOf(t, requestId);
      };
      const location = await createLocation(f, a.owner, a.business.id);
      const [update] = await audited((headers) =>
        f.http.request('PATCH', `/api/products/${a.product.id}`, { body: { brand: 'Phúc Trạch' }, token: a.owner.token, headers }),
      );
      expect(update).toMatchObject({
        action: 'product.update',
        user_id: a.owner.id,
        business_id: a.business.id,
        target_id: a.product.id,
        details: { changed: ['brand'] },
      });
      const [removal] = await audited((headers) =>
        f.http.request('DELETE', `/api/locations/${location.id}`, { token: a.owner.token, headers }),
      );
      expect(removal).toMatchObject({ action: 'location.delete', target_id: location.id, details: { name: location.name } });
    });
  });
});
