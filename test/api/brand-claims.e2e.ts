import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gs1CheckDigit, parseGtin, type BusinessView, type ProductView } from '@nguon/shared';
import {
  businessInput,
  createApiKey,
  createBusiness,
  createProducer,
  createProduct,
  createStaff,
  createUser,
  createVerifiedBusiness,
  gtinOf,
  makeCompanyPrefix,
  makeGtin,
  makeTaxCode,
  type Factory,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { captureAndWait } from '../support/capture-jobs.js';
import { countRows, snapshotTables, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const gtin14 = (gtin: string) => (parseGtin(gtin) as { gtin14: string }).gtin14;

/**
 * Brand and key squatting: a business's tax code and GS1 company prefixes count against others
 * only once an administrator confirmed them, and a business publishes GTINs only under its own.
 */
describe('claims on tax codes, GS1 company prefixes and GTINs', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;

  const verify = (businessId: string, language = 'vi') =>
    f.http.post<BusinessView>(`/api/businesses/${businessId}/verify`, undefined, {
      token: admin.token,
      headers: { 'accept-language': language },
    });
  const putPrefixes = (owner: TestUser, businessId: string, gs1Prefixes: unknown) =>
    f.http.request<BusinessView>('PUT', `/api/businesses/${businessId}/gs1-prefixes`, { token: owner.token, body: { gs1Prefixes } });
  const confirmPrefixes = (businessId: string) =>
    f.http.post<BusinessView>(`/api/businesses/${businessId}/gs1-prefixes/confirm`, undefined, { token: admin.token });
  const postProduct = (owner: TestUser, businessId: string, gtin: string, language = 'vi') =>
    f.http.post<ProductView>(
      `/api/businesses/${businessId}/products`,
      { name: { vi: 'Bưởi', en: 'Pomelo' }, category: 'fruit', unit: 'KGM', gtin },
      { token: owner.token, headers: { 'accept-language': language } },
    );

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
  });
  afterAll(async () => t?.close());

  describe("a pending squatter's claims block no one", () => {
    it("lets the real owner register, make its product and be verified despite a squatter's tax code, prefix and GTIN; the squatter is then refused", async () => {
      const prefix = makeCompanyPrefix();
      const taxCode = makeTaxCode();
      const gtin = makeGtin(prefix);
      const squatterOwner = await createUser(f);
      const squatter = await createBusiness(f, squatterOwner, { legalName: 'Công ty Mạo Danh', taxCode, gs1Prefixes: [prefix] });
      const squatted = await postProduct(squatterOwner, squatter.id, gtin);
      expect(squatted.status).toBe(201);

      const ownerUser = await createUser(f);
      const owner = await createBusiness(f, ownerUser, { legalName: 'HTX Bưởi Thật', taxCode, gs1Prefixes: [prefix] });
      expect(owner).toMatchObject({ taxCode, taxCodeConfirmed: false, gs1Prefixes: [{ prefix, confirmed: false, conflict: null }] });
      expect((await postProduct(ownerUser, owner.id, gtin)).status).toBe(201);

      const verified = await verify(owner.id);
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({
        status: 'verified',
        taxCodeConfirmed: true,
        gs1Prefixes: [{ prefix, confirmed: true, conflict: null }],
      });

      // The squatter now shows the conflicts to the administrator, and verifying it is refused.
      const seen = await f.http.get<BusinessView>(`/api/businesses/${squatter.id}`, { token: admin.token });
      expect(seen.body).toMatchObject({
        taxCodeConfirmed: false,
        taxCodeConflict: { businessId: owner.id, legalName: 'HTX Bưởi Thật' },
        gs1Prefixes: [{ prefix, confirmed: false, conflict: { businessId: owner.id, legalName: 'HTX Bưởi Thật' } }],
      });
      const before = await snapshotTables(t, ['businesses', 'audit_log']);
      const refused = expectApiError(await verify(squatter.id, 'en'), 409, 'TAX_CODE_TAKEN');
      expect(refused.message).toBe(`Tax code ${taxCode} already belongs to the verified business "HTX Bưởi Thật".`);
      expect(await snapshotTables(t, ['businesses', 'audit_log'])).toEqual(before);
      expect((await sql(t, `SELECT status FROM businesses WHERE id = $1`, [squatter.id]))[0]).toEqual({ status: 'pending' });

      // The code on the label opens the real owner's product, never the squatter's.
      const resolved = await f.http.get(`/01/${gtin14(gtin)}`, { headers: { accept: 'application/json' } });
      expect(resolved.status).toBe(200);
      expect(resolved.body.product).toMatchObject({ gtin: gtin14(gtin) });
      expect(resolved.body.product.id).not.toBe(squatted.body.id);
    });

    it("refuses to verify a business whose prefix overlaps a verified business's, naming both (vi and en)", async () => {
      const held = makeCompanyPrefix();
      const longer = `${held}1`;
      const late = await createBusiness(f, await createUser(f), { gs1Prefixes: [longer] });
      await createVerifiedBusiness(f, await createUser(f), admin, { legalName: 'HTX Cam Hương Sơn', gs1Prefixes: [held] });
      const vi = expectApiError(await verify(late.id), 409, 'PREFIX_TAKEN');
      expect(vi.message).toBe(
        `Mã doanh nghiệp GS1 đã thuộc doanh nghiệp đã xác minh khác: ${longer} (trùng ${held} của «HTX Cam Hương Sơn»).`,
      );
      const en = expectApiError(await verify(late.id, 'en'), 409, 'PREFIX_TAKEN');
      expect(en.message).toBe(
        `GS1 company prefixes already held by another verified business: ${longer} (overlaps ${held} of "HTX Cam Hương Sơn").`,
      );
      expect(await countRows(t, 'business_gs1_prefixes', 'business_id = $1 AND confirmed', [late.id])).toBe(0);
    });

    it('refuses at registration a tax code or prefix a verified business holds, registering nothing', async () => {
      const holder = await createVerifiedBusiness(f, await createUser(f), admin);
      const someone = await createUser(f);
      const before = await countRows(t, 'businesses');
      expectApiError(
        await f.http.post('/api/businesses', businessInput({ taxCode: holder.taxCode }), { token: someone.token }),
        409,
        'TAX_CODE_TAKEN',
        ['taxCode'],
      );
      expectApiError(
        await f.http.post('/api/businesses', businessInput({ gs1Prefixes: [holder.gs1Prefixes[0]!.prefix.slice(0, 6)] }), {
          token: someone.token,
        }),
        409,
        'PREFIX_TAKEN',
        ['gs1Prefixes'],
      );
      expect(await countRows(t, 'businesses')).toBe(before);
    });

    it('lets only one of two businesses racing to be verified for the same tax code or prefix win', async () => {
      for (const shared of ['taxCode', 'prefix'] as const) {
        const taxCode = makeTaxCode();
        const prefix = makeCompanyPrefix();
        const claim = (n: number) => (shared === 'taxCode' ? { taxCode } : { gs1Prefixes: n === 0 ? [prefix] : [`${prefix}5`] });
        const rivals = [await createBusiness(f, await createUser(f), claim(0)), await createBusiness(f, await createUser(f), claim(1))];
        const answers = await Promise.all(rivals.map((rival) => verify(rival.id)));
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
        expect((answers.find((a) => a.status === 409)!.body as unknown as { code: string }).code).toBe(
          shared === 'taxCode' ? 'TAX_CODE_TAKEN' : 'PREFIX_TAKEN',
        );
      }
    });
  });

  describe("GTINs fall under the business's prefixes", () => {
    it("refuses a verified business's product under another company's prefix with 422 GTIN_OUTSIDE_PREFIXES, naming its prefixes", async () => {
      const brand = await createProducer(f, admin);
      const copier = await createProducer(f, admin);
      const copied = makeGtin(brand.business.gs1Prefixes[0]!.prefix);
      const own = copier.business.gs1Prefixes[0]!.prefix;
      const before = await countRows(t, 'products');

      const vi = expectApiError(await postProduct(copier.owner, copier.business.id, copied), 422, 'GTIN_OUTSIDE_PREFIXES', ['gtin']);
      expect(vi.message).toBe(`Mã GTIN ${gtin14(copied)} không thuộc mã doanh nghiệp GS1 đã được xác nhận của doanh nghiệp (${own}).`);
      const en = expectApiError(await postProduct(copier.owner, copier.business.id, copied, 'en'), 422, 'GTIN_OUTSIDE_PREFIXES', ['gtin']);
      expect(en.message).toBe(`GTIN ${gtin14(copied)} is not under the business's confirmed GS1 company prefixes (${own}).`);
      // Nor can an existing product take that GTIN.
      const product = await createProduct(f, copier.owner, copier.business.id, { gtin: undefined });
      const patch = await f.http.request('PATCH', `/api/products/${product.id}`, { token: copier.owner.token, body: { gtin: copied } });
      expectApiError(patch, 422, 'GTIN_OUTSIDE_PREFIXES', ['gtin']);
      expect(await countRows(t, 'products')).toBe(before + 1);
    });

    it("refuses a pending business's GTIN outside its declared prefixes, or with none declared", async () => {
      const owner = await createUser(f);
      const none = await createBusiness(f, owner, { gs1Prefixes: [] });
      const error = expectApiError(await postProduct(owner, none.id, makeGtin(), 'en'), 422, 'GTIN_OUTSIDE_PREFIXES', ['gtin']);
      expect(error.message).toMatch(/has not declared a GS1 company prefix/);
      // A product without a GTIN needs no prefix.
      expect((await createProduct(f, owner, none.id, { gtin: undefined })).gtin).toBeNull();
    });

    it('owns a GTIN-8 through a claim of that whole GTIN-8 (written with 00000 in front)', async () => {
      const gtin8 = `9638507${gs1CheckDigit('9638507')}`;
      const producer = await createProducer(f, admin, { business: { gs1Prefixes: [makeCompanyPrefix(), `00000${gtin8}`] } });
      expect(producer.business.gs1Prefixes.map((p) => p.display)).toContain(gtin8);
      expect((await postProduct(producer.owner, producer.business.id, gtin8)).status).toBe(201);
      const other = `9638508${gs1CheckDigit('9638508')}`;
      expectApiError(await postProduct(producer.owner, producer.business.id, other), 422, 'GTIN_OUTSIDE_PREFIXES');
    });

    it("refuses an EPCIS capture naming another company's GTIN, storing nothing (document and single event)", async () => {
      const brand = await createProducer(f, admin);
      const copier = await createProducer(f, admin);
      const key = await createApiKey(f, copier.owner, copier.business.id, { scopes: ['capture'] });
      const copied = gtin14(makeGtin(brand.business.gs1Prefixes[0]!.prefix));
      const event = {
        type: 'ObjectEvent',
        eventID: `urn:uuid:${crypto.randomUUID()}`,
        action: 'ADD',
        bizStep: 'commissioning',
        eventTime: '2026-10-01T07:00:00+07:00',
        eventTimeZoneOffset: '+07:00',
        epcList: [],
        quantityList: [{ epcClass: `https://id.gs1.org/01/${copied}/10/FAKE-1`, quantity: 100, uom: 'KGM' }],
        ilmd: { 'cbvmda:itemExpirationDate': '2027-01-31' },
      };
      const document = {
        '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
        type: 'EPCISDocument',
        schemaVersion: '2.0',
        creationDate: '2026-11-01T00:00:00Z',
        epcisBody: { eventList: [event] },
      };
      const before = await snapshotTables(t, ['events', 'batches']);

      const captured = await captureAndWait(f.http, document, { token: key.token, headers: { 'content-type': 'application/ld+json' } });
      expect(captured.body).toMatchObject({
        success: false,
        errors: [expect.objectContaining({ code: 'GTIN_OUTSIDE_PREFIXES', eventIndex: 0 })],
      });
      expect(captured.body.errors[0]!.message).toContain(copied);
      expectApiError(await f.http.post('/epcis/events', event, { token: key.token }), 422, 'GTIN_OUTSIDE_PREFIXES');
      expect(await snapshotTables(t, ['events', 'batches'])).toEqual(before);

      // Under its own confirmed prefix the same event is captured.
      const own = gtin14(gtinOf(copier.business));
      const ownEvent = {
        ...event,
        eventID: `urn:uuid:${crypto.randomUUID()}`,
        quantityList: [{ epcClass: `https://id.gs1.org/01/${own}/10/OWN-1`, quantity: 100, uom: 'KGM' }],
      };
      expect((await f.http.post('/epcis/events', ownEvent, { token: key.token })).status).toBe(201);

      // Goods of a company that is not on the portal are kept as received, linked to no batch.
      const offPortal = gtin14(makeGtin('4012345'));
      const offPortalEvent = {
        ...event,
        eventID: `urn:uuid:${crypto.randomUUID()}`,
        bizStep: 'receiving',
        ilmd: undefined,
        quantityList: [{ epcClass: `https://id.gs1.org/01/${offPortal}/10/L1`, quantity: 5, uom: 'KGM' }],
      };
      const stored = await f.http.post('/epcis/events', offPortalEvent, { token: key.token });
      expect(stored.status).toBe(201);
      expect(await countRows(t, 'event_batches eb JOIN events e ON e.id = eb.event_id', 'e.event_id = $1', [offPortalEvent.eventID])).toBe(
        0,
      );
    });

    it('refuses a batch of a product whose prefix is not (or no longer) confirmed', async () => {
      const producer = await createProducer(f, admin);
      await sql(t, `UPDATE business_gs1_prefixes SET confirmed = false WHERE business_id = $1`, [producer.business.id]);
      const response = await f.http.post(
        '/api/batches',
        { productId: producer.product.id, lotCode: 'NOPE-1', productionDate: '2026-10-01', quantity: 10, unit: 'KGM' },
        { token: producer.owner.token },
      );
      expectApiError(response, 422, 'GTIN_OUTSIDE_PREFIXES');
      expect(await countRows(t, 'batches', 'product_id = $1', [producer.product.id])).toBe(0);
    });
  });

  describe('PUT /api/businesses/:id/gln', () => {
    const putGln = (who: TestUser, businessId: string, gln: unknown) =>
      f.http.request<BusinessView>('PUT', `/api/businesses/${businessId}/gln`, { token: who.token, body: { gln } });

    it('sets the GLN under a prefix the business holds: any declared while pending, a confirmed one once verified', async () => {
      const owner = await createUser(f);
      const [a, b] = [makeCompanyPrefix(), makeCompanyPrefix()];
      const business = await createBusiness(f, owner, { gs1Prefixes: [a] });
      const first = makeGtin(a);
      expect((await putGln(owner, business.id, first)).body.gln).toBe(first);
      await verify(business.id);

      await putPrefixes(owner, business.id, [a, b]);
      const waiting = makeGtin(b);
      const refused = expectApiError(await putGln(owner, business.id, waiting), 422, 'GLN_OUTSIDE_PREFIXES', ['gln']);
      expect(refused.message).toBe(`Mã GLN ${waiting} không thuộc mã doanh nghiệp GS1 đã được xác nhận của doanh nghiệp (${a}).`);
      await confirmPrefixes(business.id);
      expect((await putGln(owner, business.id, waiting)).body.gln).toBe(waiting);
      const [entry] = await sql<{ details: Record<string, unknown> }>(
        t,
        `SELECT details FROM audit_log WHERE action = 'business.update_gln' AND target_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1`,
        [business.id],
      );
      expect(entry!.details).toEqual({ from: first, to: waiting });
      expect((await putGln(owner, business.id, null)).body.gln).toBeNull();
    });

    it('refuses a bad check digit, a missing value, and anyone but an owner', async () => {
      const producer = await createProducer(f, admin);
      const gln = gtinOf(producer.business);
      expectApiError(
        await putGln(producer.owner, producer.business.id, `${gln.slice(0, 12)}${(Number(gln[12]) + 1) % 10}`),
        400,
        'VALIDATION_FAILED',
        ['gln'],
      );
      expectApiError(await putGln(producer.owner, producer.business.id, undefined), 400, 'VALIDATION_FAILED', ['gln']);
      const staff = await createStaff(f, producer.owner, producer.business.id);
      expectApiError(await putGln(staff, producer.business.id, gln), 403, 'FORBIDDEN');
      expect((await putGln(producer.owner, producer.business.id, gln)).body.gln).toBe(gln);
    });
  });

  describe('PUT /api/businesses/:id/gs1-prefixes and POST .../confirm', () => {
    it("lets a pending business change its prefixes freely; a verified one's new prefix waits for the administrator", async () => {
      const owner = await createUser(f);
      const business = await createBusiness(f, owner);
      const [a, b] = [makeCompanyPrefix(), makeCompanyPrefix()];
      expect((await putPrefixes(owner, business.id, [a])).body.gs1Prefixes).toEqual([
        { prefix: a, display: a, confirmed: false, conflict: null },
      ]);
      await verify(business.id);

      const added = await putPrefixes(owner, business.id, [a, b]);
      expect(added.status).toBe(200);
      expect(added.body.gs1Prefixes).toEqual([
        { prefix: a, display: a, confirmed: true, conflict: null },
        { prefix: b, display: b, confirmed: false, conflict: null },
      ]);
      expectApiError(await postProduct(owner, business.id, makeGtin(b)), 422, 'GTIN_OUTSIDE_PREFIXES');

      // Only an administrator confirms.
      expectApiError(
        await f.http.post(`/api/businesses/${business.id}/gs1-prefixes/confirm`, undefined, { token: owner.token }),
        403,
        'FORBIDDEN',
      );
      const confirmed = await confirmPrefixes(business.id);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.gs1Prefixes.every((p) => p.confirmed)).toBe(true);
      expect((await postProduct(owner, business.id, makeGtin(b))).status).toBe(201);
      const [entry] = await sql<{ details: Record<string, unknown> }>(
        t,
        `SELECT details FROM audit_log WHERE action = 'business.confirm_prefixes' AND target_id = $1`,
        [business.id],
      );
      expect(entry!.details).toEqual({ confirmed: [b] });
    });

    it('refuses to drop a prefix its products still use (409 PREFIX_IN_USE), overlapping entries (400) and bad ones (400)', async () => {
      const producer = await createProducer(f, admin);
      const prefix = producer.business.gs1Prefixes[0]!.prefix;
      expectApiError(await putPrefixes(producer.owner, producer.business.id, [makeCompanyPrefix()]), 409, 'PREFIX_IN_USE', ['gs1Prefixes']);
      expectApiError(await putPrefixes(producer.owner, producer.business.id, [prefix, `${prefix}7`]), 400, 'VALIDATION_FAILED', [
        'gs1Prefixes',
      ]);
      for (const bad of [['893'], ['89385AB'], ['8938512000115'], 'nope', [7]]) {
        expectApiError(await putPrefixes(producer.owner, producer.business.id, bad), 400, 'VALIDATION_FAILED', ['gs1Prefixes']);
      }
      expect(await countRows(t, 'business_gs1_prefixes', 'business_id = $1', [producer.business.id])).toBe(1);
    });

    it("is for the business's owners only; confirming needs a verified business", async () => {
      const producer = await createProducer(f, admin);
      const stranger = await createUser(f);
      expectApiError(await putPrefixes(stranger, producer.business.id, [makeCompanyPrefix()]), 403, 'FORBIDDEN');
      const pending = await createBusiness(f, await createUser(f));
      expectApiError(await confirmPrefixes(pending.id), 409, 'BUSINESS_STATUS_CONFLICT');
    });
  });
});
