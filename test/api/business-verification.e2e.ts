import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BusinessStatus, BusinessView, CurrentUser, PublicBatchView, PublicProductView } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createBusiness,
  createProduct,
  createProducer,
  createStaff,
  createUser,
  makeLotCode,
  type Factory,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, snapshotTables, sql } from '../support/db.js';
import { httpClient, pathOf } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Decision = 'verify' | 'reject' | 'suspend';

describe('verifying, rejecting and suspending businesses', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let owner: TestUser;

  const decide = (businessId: string, decision: Decision, body?: unknown, token = admin.token) =>
    f.http.post<BusinessView>(`/api/businesses/${businessId}/${decision}`, body, { token });

  /** A business of `owner` brought to the given status through the API. */
  async function businessIn(status: BusinessStatus): Promise<BusinessView> {
    const business = await createBusiness(f, owner);
    if (status === 'verified' || status === 'suspended') expect((await decide(business.id, 'verify')).status).toBe(200);
    if (status === 'rejected') expect((await decide(business.id, 'reject', { reason: 'Giấy phép không khớp' })).status).toBe(200);
    if (status === 'suspended') expect((await decide(business.id, 'suspend', { reason: 'Vi phạm ghi nhãn' })).status).toBe(200);
    return business;
  }

  const statusRow = async (businessId: string) =>
    (
      await sql<{ status: string; status_reason: string | null; status_changed_at: Date | null; status_changed_by: string | null }>(
        t,
        `SELECT status, status_reason, status_changed_at, status_changed_by FROM businesses WHERE id = $1`,
        [businessId],
      )
    )[0]!;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    owner = await createUser(f);
  });
  afterAll(async () => t?.close());

  it('is registered by its people: inspectors and administrators cannot register businesses (403)', async () => {
    const inspector = await createUser(f, { role: 'inspector' });
    for (const who of [inspector, admin]) {
      expectApiError(
        await f.http.post(
          '/api/businesses',
          { legalName: 'HTX X', taxCode: '3009990001', address: { line: 'Thôn 1', commune: 'Xã A', province: 'Hà Tĩnh' } },
          { token: who.token },
        ),
        403,
        'FORBIDDEN',
      );
    }
    expect(await countRows(t, 'businesses', `tax_code = '3009990001'`)).toBe(0);
  });

  describe('POST /api/businesses/:id/verify', () => {
    it('verifies a pending business: 200, status verified, no reason; the public can now see it', async () => {
      const business = await createBusiness(f, owner);
      expectApiError(await f.http.get(`/api/businesses/${business.id}`), 404, 'BUSINESS_NOT_FOUND');

      const response = await decide(business.id, 'verify');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: business.id, status: 'verified', statusReason: null });
      expect((await f.http.get(`/api/businesses/${business.id}`)).body.status).toBe('verified');
      expect(await statusRow(business.id)).toMatchObject({ status: 'verified', status_changed_by: admin.id });
    });

    it('verifies a rejected business after all, clearing the reason', async () => {
      const business = await businessIn('rejected');
      const response = await decide(business.id, 'verify');
      expect(response.body).toMatchObject({ status: 'verified', statusReason: null });
      expect((await statusRow(business.id)).status_reason).toBeNull();
    });
  });

  describe.each(['reject', 'suspend'] as const)('POST /api/businesses/:id/%s', (decision) => {
    const from = decision === 'reject' ? 'pending' : 'verified';
    const to = decision === 'reject' ? 'rejected' : 'suspended';

    it.each([
      ['no body', undefined],
      ['an empty body', {}],
      ['an empty reason', { reason: '' }],
      ['a blank reason', { reason: ' \n\t ' }],
    ])('needs a reason: with %s it answers 400 naming reason, changing nothing', async (_, body) => {
      const business = await businessIn(from);
      const before = await snapshotTables(t, ['businesses', 'audit_log']);
      expectApiError(await decide(business.id, decision, body), 400, 'VALIDATION_FAILED', ['reason']);
      expect(await snapshotTables(t, ['businesses', 'audit_log'])).toEqual(before);
    });

    it(`records the reason, who decided and when (${from} → ${to})`, async () => {
      const business = await businessIn(from);
      const reason = decision === 'reject' ? 'Mã số thuế không khớp giấy phép kinh doanh' : 'Nhãn ghi sai hạn sử dụng';
      const startedAt = (await sql<{ now: Date }>(t, `SELECT now() AS now`))[0]!.now;

      const response = await decide(business.id, decision, { reason });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: business.id, status: to, statusReason: reason });
      const row = await statusRow(business.id);
      expect(row).toMatchObject({ status: to, status_reason: reason, status_changed_by: admin.id });
      expect(row.status_changed_at!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
      expect(row.status_changed_at!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

      // Its members see the decision and why; the public no longer sees the business.
      expect((await f.http.get<BusinessView>(`/api/businesses/${business.id}`, { token: owner.token })).body).toMatchObject({
        status: to,
        statusReason: reason,
      });
      const me = await f.http.get<CurrentUser>('/api/auth/me', { token: owner.token });
      expect(me.body.memberships).toContainEqual(expect.objectContaining({ businessId: business.id, businessStatus: to }));
      expectApiError(await f.http.get(`/api/businesses/${business.id}`), 404, 'BUSINESS_NOT_FOUND');
    });
  });

  describe('allowed transitions', () => {
    const ALLOWED: Record<Decision, BusinessStatus[]> = {
      verify: ['pending', 'rejected', 'suspended'],
      reject: ['pending'],
      suspend: ['verified'],
    };
    const cases = (['verify', 'reject', 'suspend'] as const).flatMap((decision) =>
      (['pending', 'verified', 'rejected', 'suspended'] as const).map((from) => ({
        decision,
        from,
        allowed: ALLOWED[decision].includes(from),
      })),
    );

    it.each(cases.filter((c) => !c.allowed))(
      'refuses to $decision a $from business with 409 BUSINESS_STATUS_CONFLICT, changing nothing',
      async ({ decision, from }) => {
        const business = await businessIn(from);
        const before = await snapshotTables(t, ['businesses', 'audit_log']);
        expectApiError(await decide(business.id, decision, { reason: 'Thử lại' }), 409, 'BUSINESS_STATUS_CONFLICT');
        expect(await snapshotTables(t, ['businesses', 'audit_log'])).toEqual(before);
        expect((await statusRow(business.id)).status).toBe(from);
      },
    );

    it.each(cases.filter((c) => c.allowed))('allows to $decision a $from business', async ({ decision, from }) => {
      const business = await businessIn(from);
      const response = await decide(business.id, decision, { reason: 'Đã kiểm tra' });
      expect(response.status).toBe(200);
      expect(response.body.status).toBe({ verify: 'verified', reject: 'rejected', suspend: 'suspended' }[decision]);
    });

    it('answers 404 BUSINESS_NOT_FOUND for a business that does not exist', async () => {
      expectApiError(await decide('00000000-0000-4000-8000-000000000000', 'verify'), 404, 'BUSINESS_NOT_FOUND');
    });
  });

  describe('a business that is not verified', () => {
    it.each(['pending', 'rejected', 'suspended'] as const)(
      'cannot register batches while %s (403 BUSINESS_NOT_VERIFIED), yet its members still read it',
      async (status) => {
        // Products and staff come first: a suspended business had them while it was verified.
        const business = await createBusiness(f, owner);
        const product = await createProduct(f, owner, business.id);
        const staff = await createStaff(f, owner, business.id);
        if (status !== 'pending') {
          if (status === 'suspended') await decide(business.id, 'verify');
          await decide(business.id, status === 'rejected' ? 'reject' : 'suspend', { reason: 'Chưa đủ hồ sơ' });
        }
        const key = await createApiKey(f, owner, business.id, { scopes: ['capture'] });

        for (const who of [owner, staff, key]) {
          const response = await f.http.post(
            '/api/batches',
            { productId: product.id, lotCode: makeLotCode(), productionDate: '2026-10-01' },
            { token: who.token },
          );
          expectApiError(response, 403, 'BUSINESS_NOT_VERIFIED');
        }
        expect(await countRows(t, 'batches', 'business_id = $1', [business.id])).toBe(0);
        for (const member of [owner, staff]) {
          const read = await f.http.get<BusinessView>(`/api/businesses/${business.id}`, { token: member.token });
          expect(read.status).toBe(200);
          expect(read.body.status).toBe(status);
        }
      },
    );

    it('cannot record stages or processing on its batches once suspended, storing nothing', async () => {
      const business = await businessIn('verified');
      const product = await createProduct(f, owner, business.id);
      const [batch, output] = [await createBatch(f, owner, product.id), await createBatch(f, owner, product.id)];
      await decide(business.id, 'suspend', { reason: 'Vi phạm ghi nhãn' });
      const before = await snapshotTables(t);
      expectApiError(
        await f.http.post(`/api/batches/${batch.id}/events`, { stage: 'packing' }, { token: owner.token }),
        403,
        'BUSINESS_NOT_VERIFIED',
      );
      expectApiError(
        await f.http.post(
          '/api/events/processing',
          { inputs: [{ batchId: batch.id, quantity: 1, unit: 'KGM' }], outputs: [{ batchId: output.id }] },
          { token: owner.token },
        ),
        403,
        'BUSINESS_NOT_VERIFIED',
      );
      expect(await snapshotTables(t)).toEqual(before);
    });

    it('can register batches again once verified', async () => {
      const business = await businessIn('suspended');
      await decide(business.id, 'verify');
      // A suspended business cannot add products (they show on its public pages): once verified it can.
      const product = await createProduct(f, owner, business.id);
      const response = await f.http.post(
        '/api/batches',
        { productId: product.id, lotCode: makeLotCode(), productionDate: '2026-10-01' },
        { token: owner.token },
      );
      expect(response.status).toBe(201);
    });
  });

  describe("the consumer page's verified badge", () => {
    it('goes as soon as the producer is suspended, and comes back when it is verified again', async () => {
      const producer = await createProducer(f, admin);
      const batch = await createBatch(f, producer.owner, producer.product.id);
      const badge = async () => {
        const direct = await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`);
        const scanned = await f.http.get<PublicBatchView>(pathOf(batch.identityUrl), { headers: { accept: 'application/json' } });
        const product = await f.http.get<PublicProductView>(`/api/public/products/${producer.product.id}`);
        expect([direct.status, scanned.status, product.status]).toEqual([200, 200, 200]);
        return [direct.body.producer.verified, scanned.body.producer.verified, product.body.producer.verified];
      };

      // Read first, so the consumer view is cached when the decision comes.
      expect(await badge()).toEqual([true, true, true]);
      expect((await decide(producer.business.id, 'suspend', { reason: 'Nghi vấn hàng giả' })).status).toBe(200);
      expect(await badge()).toEqual([false, false, false]);
      expect((await decide(producer.business.id, 'verify')).status).toBe(200);
      expect(await badge()).toEqual([true, true, true]);
    });
  });
});
