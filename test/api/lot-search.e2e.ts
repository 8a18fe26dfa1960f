import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PublicLotSearch } from '@nguon/shared';
import {
  createBatch,
  createProduct,
  createProducer,
  createUser,
  makeLotCode,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A consumer types only the lot code printed on the package, without the GTIN. */
describe('a lot code typed alone', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let grower: Producer;
  let bakery: Producer;
  const lots = (code: string) => f.http.get<PublicLotSearch>(`/api/public/lots?code=${encodeURIComponent(code)}`);

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin, {
      business: { legalName: 'HTX Cam Hương Sơn', address: { line: 'Thôn 1', commune: 'Xã Sơn Trung', province: 'Hà Tĩnh' } },
      product: { name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' } },
    });
    bakery = await createProducer(f, admin, {
      business: { legalName: 'Lò bánh Hà Nội' },
      product: { name: { vi: 'Bánh cam', en: 'Orange cake' } },
    });
  });
  afterAll(async () => t?.close());

  it('finds the batches that carry it, whatever the case typed, newest first, with product, producer and state', async () => {
    const code = makeLotCode('HS');
    const older = await createBatch(f, grower.owner, grower.product.id, { lotCode: code, productionDate: '2026-09-01' });
    const newer = await createBatch(f, bakery.owner, bakery.product.id, { lotCode: code, productionDate: '2026-10-01' });
    const response = await lots(code.toLowerCase());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      more: false,
      matches: [
        {
          id: newer.id,
          lotCode: code,
          productName: { vi: 'Bánh cam', en: 'Orange cake' },
          producerName: 'Lò bánh Hà Nội',
          province: expect.any(String),
          productionDate: '2026-10-01',
          status: 'active',
        },
        {
          id: older.id,
          lotCode: code,
          productName: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' },
          producerName: 'HTX Cam Hương Sơn',
          province: 'Hà Tĩnh',
          productionDate: '2026-09-01',
          status: 'active',
        },
      ],
    });
  });

  it('lists at most ten and says there are more, so the consumer adds the GTIN', async () => {
    const code = makeLotCode('M');
    for (let i = 0; i < 11; i++) {
      const product = await createProduct(f, grower.owner, grower.business.id, { name: { vi: `Cam số ${i}`, en: `Orange ${i}` } });
      await createBatch(f, grower.owner, product.id, { lotCode: code });
    }
    const { body } = await lots(code);
    expect(body.matches).toHaveLength(10);
    expect(body.more).toBe(true);
  });

  it('leaves out the lots of a business that is not verified (suspended here)', async () => {
    const code = makeLotCode('S');
    const other = await createProducer(f, admin, { business: { legalName: 'Cơ sở bị đình chỉ' } });
    await createBatch(f, other.owner, other.product.id, { lotCode: code });
    expect((await lots(code)).body.matches).toHaveLength(1);
    const suspended = await f.http.post(
      `/api/businesses/${other.business.id}/suspend`,
      { reason: 'Vi phạm ghi nhãn' },
      { token: admin.token },
    );
    expect(suspended.status).toBe(200);
    expect((await lots(code)).body).toEqual({ matches: [], more: false });
  });

  it('answers an unknown lot with no matches, and refuses what cannot be a lot code with 400 naming the field', async () => {
    expect((await lots('KHONG-CO-LO-NAY')).body).toEqual({ matches: [], more: false });
    expectApiError(await lots('lô hàng 1'), 400, 'VALIDATION_FAILED', ['code']);
    expectApiError(await lots('A'.repeat(21)), 400, 'VALIDATION_FAILED', ['code']);
    expectApiError(await f.http.get('/api/public/lots'), 400, 'VALIDATION_FAILED', ['code']);
  });
});
