import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, PublicBatchView, PublicProductView } from '@nguon/shared';
import {
  createBatch,
  createProduct,
  createProducer,
  createUser,
  makeGtin,
  withWrongCheckDigit,
  type Factory,
  type Producer,
} from '../factories/index.js';
import { unsignedLabel } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, sql } from '../support/db.js';
import { getFrom, httpClient, newVisitorAddress, pathOf } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const JSON_ = { accept: 'application/json' };
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const GS1 = 'https://gs1.org/voc/';
/** A browser's redirect carries the scan's token in the fragment (see scan-place.e2e.ts). */
const withoutScanToken = (location: string | null) => location?.replace(/#scan=[\w.-]+$/, '');

describe('the GS1 Digital Link resolver', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  /** GTIN-13 as printed under the barcode, and as GTIN-14 in links. */
  let gtin13: string;
  let gtin14: string;
  let batch: BatchView;
  /** The canonical path of the batch's identity URL, without the query string. */
  let batchPath: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { OPERATOR_NAME: 'Sở Khoa học và Công nghệ (kiểm thử)', OPERATOR_EMAIL: 'truyxuat@example.vn' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    gtin13 = makeGtin();
    gtin14 = `0${gtin13}`;
    producer = await createProducer(f, admin, { product: { gtin: gtin13 } });
    batch = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'PT-2026-01', expiryDate: '2026-12-31' });
    batchPath = `/01/${gtin14}/10/PT-2026-01`;
  });
  afterAll(async () => t?.close());

  const scansOf = (batchId: string) => countRows(t, 'scans', 'batch_id = $1', [batchId]);

  describe('GET /01/{gtin}/10/{lot}', () => {
    it("is the batch's identity URL", () => {
      expect(unsignedLabel(batch.identityUrl)).toBe(`http://nguon.test${batchPath}?17=261231`);
    });

    it('sends a browser by 307 to the consumer page, passing the query string on', async () => {
      const response = await f.http.get(pathOf(batch.identityUrl), { headers: HTML });
      expect(response.status).toBe(307);
      expect(withoutScanToken(response.headers.get('location'))).toBe(`/batches/${batch.id}${new URL(batch.identityUrl).search}`);
      expect(response.headers.get('location')).toMatch(/#scan=[\w.-]+$/);
    });

    it('sends a client that accepts anything (*/*) to the consumer page too', async () => {
      const response = await f.http.get(batchPath, { headers: { accept: '*/*' } });
      expect(response.status).toBe(307);
      expect(withoutScanToken(response.headers.get('location'))).toBe(`/batches/${batch.id}`);
    });

    it('answers Accept: application/json with the public batch view', async () => {
      const response = await f.http.get<PublicBatchView>(pathOf(batch.identityUrl), { headers: JSON_ });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({
        id: batch.id,
        identityUrl: batch.identityUrl,
        lotCode: 'PT-2026-01',
        product: { gtin: gtin14 },
      });
    });

    it.each([
      ['the GTIN-13 printed under the barcode', (): string => `/01/${gtin13}/10/PT-2026-01`],
      ['a trailing slash', (): string => `${batchPath}/`],
      ['the percent-encoded lot', (): string => `/01/${gtin14}/10/PT%2D2026%2D01`],
      // GS1's reference compressor (gs1/GS1DigitalLinkCompressionPrototype) gives EGo9P7bTbr7TU for
      // the lot PT-2026-01 after an uncompressed GTIN.
      ['a partially compressed link', (): string => `/01/${gtin14}/EGo9P7bTbr7TU`],
    ])('resolves %s to the same batch', async (_, path) => {
      const response = await f.http.get<PublicBatchView>(path(), { headers: JSON_ });
      expect({ status: response.status, id: response.body.id }).toEqual({ status: 200, id: batch.id });
    });

    it('resolves a lot containing "/" and "%", percent-encoded in its identity URL', async () => {
      const odd = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'A/B%7', expiryDate: undefined });
      expect(unsignedLabel(odd.identityUrl)).toBe(`http://nguon.test/01/${gtin14}/10/A%2FB%257`);
      const json = await f.http.get<PublicBatchView>(pathOf(odd.identityUrl), { headers: JSON_ });
      expect({ status: json.status, id: json.body.id, lotCode: json.body.lotCode }).toEqual({ status: 200, id: odd.id, lotCode: 'A/B%7' });
      const page = await f.http.get(pathOf(odd.identityUrl), { headers: HTML });
      expect([page.status, withoutScanToken(page.headers.get('location'))]).toEqual([
        307,
        `/batches/${odd.id}${new URL(odd.identityUrl).search}`,
      ]);
    });

    it('answers a wrong GTIN check digit with 400 INVALID_CHECK_DIGIT', async () => {
      const response = await f.http.get(`/01/${withWrongCheckDigit(gtin14)}/10/PT-2026-01`, { headers: JSON_ });
      expectApiError(response, 400, 'INVALID_CHECK_DIGIT');
    });

    it.each([
      ['a GTIN of 10 digits', '/01/0123456789/10/PT-2026-01'],
      ['letters in the GTIN', '/01/0893ABC0000001/10/X'],
      ['a lot of 21 characters', `/01/{gtin}/10/${'A'.repeat(21)}`],
      ['a lot with a space', '/01/{gtin}/10/PT%202026'],
      ['a lot with diacritics', `/01/{gtin}/10/${encodeURIComponent('LÔ1')}`],
      ['qualifiers out of order', '/01/{gtin}/21/123/10/PT-2026-01'],
      ['an AI the resolver does not support', '/01/{gtin}/99/X'],
      ['a lot without a value', '/01/{gtin}/10/'],
      ['a bad percent-encoding', '/01/{gtin}/10/%E0%A4%A'],
      ['the lot repeated in the query string', '/01/{gtin}/10/PT-2026-01?10=PT-2026-02'],
      ['an impossible expiry date', '/01/{gtin}/10/PT-2026-01?17=261340'],
    ])('answers %s with 400 INVALID_IDENTIFIER', async (_, path) => {
      const response = await f.http.get(path.replace('{gtin}', gtin14), { headers: JSON_ });
      expectApiError(response, 400, 'INVALID_IDENTIFIER');
    });

    it('answers a lot of an unknown GTIN with 404 BATCH_NOT_FOUND', async () => {
      expectApiError(await f.http.get(`/01/${makeGtin()}/10/PT-2026-01`, { headers: JSON_ }), 404, 'BATCH_NOT_FOUND');
    });

    it.each([
      ['a lot of an unknown GTIN', (): string => `/01/${makeGtin()}/10/PT-2026-01`, 404, 'BATCH_NOT_FOUND'],
      ['a wrong check digit', (): string => `/01/${withWrongCheckDigit(gtin14)}/10/PT-2026-01`, 400, 'INVALID_CHECK_DIGIT'],
      ['bad syntax', (): string => '/01/12345/10/X', 400, 'INVALID_IDENTIFIER'],
    ] as const)('gives a browser scanning %s the error status, never 200 or a redirect', async (_, path, status, code) => {
      const response = await f.http.get(path(), { headers: HTML });
      // The web app is not served in API tests, so the browser gets the error in its JSON shape.
      expectApiError(response, status, code);
    });

    it('answers in English when asked to', async () => {
      const response = await f.http.get(`/01/${makeGtin()}/10/NO-SUCH-LOT`, { headers: { ...JSON_, 'accept-language': 'en' } });
      expect(expectApiError(response, 404, 'BATCH_NOT_FOUND').message).toBe('No batch was found for this code.');
    });
  });

  describe('linksets (RFC 9264)', () => {
    const expectBatchLinkset = (body: any) => {
      const [own, gtinLevel] = body.linkset;
      expect(own.anchor).toBe(`http://nguon.test${batchPath}`);
      expect(own[`${GS1}pip`]).toEqual([expect.objectContaining({ href: `http://nguon.test/batches/${batch.id}`, type: 'text/html' })]);
      expect(own[`${GS1}defaultLink`]).toEqual([expect.objectContaining({ href: `http://nguon.test/batches/${batch.id}` })]);
      expect(own[`${GS1}traceability`]).toEqual([
        expect.objectContaining({ href: `http://nguon.test/api/public/batches/${batch.id}`, type: 'application/json' }),
      ]);
      expect(own[`${GS1}certificationInfo`]).toHaveLength(1);
      expect(gtinLevel.anchor).toBe(`http://nguon.test/01/${gtin14}`);
      expect(gtinLevel[`${GS1}pip`]).toEqual([expect.objectContaining({ href: `http://nguon.test/01/${gtin14}` })]);
    };

    it('answers ?linkType=linkset with the linkset of the batch and of its GTIN', async () => {
      const response = await f.http.get(`${batchPath}?linkType=linkset`, { headers: HTML });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/linkset\+json/);
      expectBatchLinkset(response.body);
    });

    it('answers Accept: application/linkset+json with the same linkset', async () => {
      const response = await f.http.get(batchPath, { headers: { accept: 'application/linkset+json' } });
      expect(response.status).toBe(200);
      expectBatchLinkset(response.body);
    });

    it('points at the linkset from a Link header on every answer', async () => {
      for (const headers of [HTML, JSON_]) {
        const response = await f.http.get(pathOf(batch.identityUrl), { headers });
        const link = response.headers.get('link') ?? '';
        expect(link).toMatch(/rel="linkset"/);
        const target = /<([^>]+)>/.exec(link)?.[1] ?? '';
        const linkset = await f.http.get(target.startsWith('http') ? pathOf(target) : target);
        expectBatchLinkset(linkset.body);
      }
    });
  });

  describe('link types (?linkType=)', () => {
    it.each([
      ['gs1:traceability', (): string => `http://nguon.test/api/public/batches/${batch.id}`],
      ['https://gs1.org/voc/certificationInfo', (): string => `http://nguon.test/batches/${batch.id}#certificates`],
      ['https://ref.gs1.org/voc/qrCode', (): string => `http://nguon.test/api/batches/${batch.id}/qr.svg`],
    ])('sends %s by 307 to that link of the batch', async (linkType, target) => {
      const response = await f.http.get(`${batchPath}?linkType=${encodeURIComponent(linkType)}`, { headers: HTML });
      expect([response.status, response.headers.get('location')]).toEqual([307, target()]);
    });

    it('answers gs1:pip and gs1:defaultLink as a scan, with the consumer page', async () => {
      for (const linkType of ['gs1:pip', 'gs1:defaultLink']) {
        const response = await f.http.get(`${batchPath}?linkType=${linkType}`, { headers: HTML });
        expect(response.status).toBe(307);
        expect(withoutScanToken(response.headers.get('location'))).toBe(`/batches/${batch.id}?linkType=${linkType}`);
      }
    });

    it('answers linkType=all with the linkset', async () => {
      const response = await f.http.get(`${batchPath}?linkType=all`, { headers: HTML });
      expect(response.headers.get('content-type')).toMatch(/^application\/linkset\+json/);
      expect(response.body.linkset[0].anchor).toBe(`http://nguon.test${batchPath}`);
    });

    it('answers a link type the code does not have with its default link, and says so', async () => {
      const batchLevel = await f.http.get(`${batchPath}?linkType=gs1:epil`, { headers: HTML });
      expect(batchLevel.status).toBe(307);
      expect(withoutScanToken(batchLevel.headers.get('location'))).toBe(`/batches/${batch.id}?linkType=gs1:epil`);
      expect(batchLevel.headers.get('link-type-unavailable')).toBe('gs1:epil');
      const productLevel = await f.http.get(`/01/${gtin14}?linkType=gs1:traceability`, { headers: HTML });
      expect([productLevel.status, productLevel.headers.get('location')]).toEqual([
        307,
        `/products/${producer.product.id}?linkType=gs1:traceability`,
      ]);
      expect(productLevel.headers.get('link-type-unavailable')).toBe('gs1:traceability');
      // Any text, repeated or not, is answered (never a 500), and named back in what a header may carry.
      const chinese = await f.http.get(`${batchPath}?linkType=gs1:%E4%B8%AD`, { headers: HTML });
      expect([chinese.status, chinese.headers.get('link-type-unavailable')]).toEqual([307, 'gs1:_']);
      const repeated = await f.http.get(`${batchPath}?linkType=gs1:epil&linkType=gs1:pip`, { headers: HTML });
      expect([repeated.status, repeated.headers.get('link-type-unavailable')]).toEqual([307, 'gs1:epil']);
    });

    it("gives the linkset's titles in the asked language", async () => {
      const titles = async (language: string) => {
        const response = await f.http.get(`${batchPath}?linkType=linkset`, { headers: { 'accept-language': language } });
        const [own, gtinLevel] = response.body.linkset;
        return [own[`${GS1}traceability`][0].title, own[`${GS1}certificationInfo`][0].title, gtinLevel[`${GS1}pip`][0].title];
      };
      expect(await titles('vi')).toEqual(['Dữ liệu truy xuất nguồn gốc (JSON)', 'Chứng nhận', 'Sản phẩm']);
      expect(await titles('en-GB,en;q=0.9')).toEqual(['Traceability data (JSON)', 'Certificates', 'Product']);
    });
  });

  describe('walking up to the product', () => {
    it('sends a browser scanning a lot the portal does not know to the product page, which is told the lot', async () => {
      const response = await f.http.get(`/01/${gtin14}/10/NO-SUCH-LOT?utm=label`, { headers: HTML });
      expect([response.status, response.headers.get('location')]).toEqual([
        307,
        `/products/${producer.product.id}?unregisteredLot=NO-SUCH-LOT&utm=label`,
      ]);
    });

    it('sends a machine to the product level, whose linkset it gets when it asks for one', async () => {
      const json = await f.http.get(`/01/${gtin14}/10/NO-SUCH-LOT`, { headers: JSON_ });
      expect([json.status, json.headers.get('location')]).toEqual([307, `http://nguon.test/01/${gtin14}`]);
      const linkset = await f.http.get(`/01/${gtin14}/10/NO-SUCH-LOT?linkType=linkset`);
      expect(linkset.body.linkset).toEqual([
        expect.objectContaining({
          anchor: `http://nguon.test/01/${gtin14}`,
          [`${GS1}defaultLink`]: [
            expect.objectContaining({ href: `http://nguon.test/products/${producer.product.id}?unregisteredLot=NO-SUCH-LOT` }),
          ],
        }),
      ]);
      expect(await countRows(t, 'scans', 'batch_id IS NULL')).toBe(0);
    });

    it('answers an item by serial at the product level: items are not tracked one by one', async () => {
      const page = await f.http.get(`/01/${gtin14}/21/SN-0001`, { headers: HTML });
      expect([page.status, page.headers.get('location')]).toEqual([307, `/products/${producer.product.id}`]);
      const json = await f.http.get(`/01/${gtin14}/21/SN-0001`, { headers: JSON_ });
      expect([json.status, json.headers.get('location')]).toEqual([307, `http://nguon.test/01/${gtin14}`]);
      // With its lot, the item's batch answers.
      const inLot = await f.http.get<PublicBatchView>(`${batchPath}/21/SN-0001`, { headers: JSON_ });
      expect([inLot.status, inLot.body.id]).toEqual([200, batch.id]);
    });
  });

  describe('compressed Digital Links', () => {
    let brand: Producer;
    let chocolate: BatchView;
    beforeAll(async () => {
      // The product and lot of published compressed links: https://id.gs1.org/AQnYUc1gmiCNV4JG is
      // /01/05412345000013/10/ABC123, https://id.gs1.org/AQnYUc1gmg its GTIN alone.
      brand = await createProducer(f, await createUser(f, { role: 'admin' }), { product: { gtin: '05412345000013' } });
      chocolate = await createBatch(f, brand.owner, brand.product.id, { lotCode: 'ABC123' });
    });

    it('resolves a compressed lot as its uncompressed link, named in the Link header', async () => {
      const page = await f.http.get('/AQnYUc1gmiCNV4JG', { headers: HTML });
      expect(page.status).toBe(307);
      expect(withoutScanToken(page.headers.get('location'))).toBe(`/batches/${chocolate.id}`);
      expect(page.headers.get('link')).toContain('<http://nguon.test/01/05412345000013/10/ABC123>; rel="owl:sameAs"');
      const json = await f.http.get<PublicBatchView>('/AQnYUc1gmiCNV4JG', { headers: JSON_ });
      expect([json.status, json.body.id]).toEqual([200, chocolate.id]);
      const linkset = await f.http.get('/AQnYUc1gmiCNV4JG?linkType=linkset');
      expect(linkset.body.linkset[0].anchor).toBe('http://nguon.test/01/05412345000013/10/ABC123');
    });

    it('resolves a compressed GTIN to the product', async () => {
      const page = await f.http.get('/AQnYUc1gmg', { headers: HTML });
      expect([page.status, page.headers.get('location')]).toEqual([307, `/products/${brand.product.id}`]);
    });

    it('leaves the rest of the single-segment paths to the web app (no app is built in API tests: 404)', async () => {
      expectApiError(await f.http.get('/certificates', { headers: HTML }), 404, 'NOT_FOUND');
      expect(await scansOf(chocolate.id)).toBe(1);
    });

    it('answers OPTIONS on a compressed link as on its uncompressed form, and 404 on any other single segment', async () => {
      const preflight = { origin: 'https://shop.example', 'access-control-request-method': 'GET' };
      const response = await f.http.request('OPTIONS', '/AQnYUc1gmiCNV4JG', { headers: preflight });
      expect([response.status, response.headers.get('allow'), response.headers.get('access-control-allow-origin')]).toEqual([
        204,
        'GET, HEAD, OPTIONS',
        '*',
      ]);
      expectApiError(await f.http.request('OPTIONS', '/certificates', { headers: preflight }), 404, 'NOT_FOUND');
    });
  });

  describe('CORS and methods', () => {
    it('lets any web page read the answers, errors included', async () => {
      for (const path of [batchPath, `/01/${makeGtin()}/10/NO-SUCH-LOT`]) {
        const response = await f.http.get(path, { headers: { ...JSON_, origin: 'https://shop.example' } });
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
      }
      const ok = await f.http.get(batchPath, { headers: { ...JSON_, origin: 'https://shop.example' } });
      expect(ok.headers.get('access-control-expose-headers')).toMatch(/Link/i);
    });

    it('lets any web page read where the linkset points: the consumer view, the product view, the QR code', async () => {
      const origin = { origin: 'https://shop.example' };
      for (const path of [
        `/api/public/batches/${batch.id}`,
        `/api/public/products/${producer.product.id}`,
        `/api/batches/${batch.id}/qr.svg`,
      ]) {
        const response = await f.http.get(path, { headers: origin });
        expect([path, response.status, response.headers.get('access-control-allow-origin')]).toEqual([path, 200, '*']);
      }
      const missing = await f.http.get('/api/public/batches/00000000-0000-4000-8000-000000000000', { headers: origin });
      expect([missing.status, missing.headers.get('access-control-allow-origin')]).toEqual([404, '*']);
    });

    it('answers OPTIONS with 204 and the allowed methods', async () => {
      for (const path of [batchPath, `/q/${batch.shortCode}`, '/.well-known/gs1resolver']) {
        const response = await f.http.request('OPTIONS', path, {
          headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
        });
        expect(response.status).toBe(204);
        expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(response.headers.get('access-control-allow-methods')).toContain('GET');
        expect(response.body).toBe('');
      }
    });

    it('answers HEAD like GET, without a body and without counting a scan', async () => {
      const fresh = await createBatch(f, producer.owner, producer.product.id);
      const page = await f.http.request('HEAD', pathOf(fresh.identityUrl), { headers: HTML });
      expect([page.status, page.headers.get('location'), page.body]).toEqual([
        307,
        `/batches/${fresh.id}${new URL(fresh.identityUrl).search}`,
        '',
      ]);
      const json = await f.http.request('HEAD', pathOf(fresh.identityUrl), { headers: JSON_ });
      expect([json.status, json.body]).toEqual([200, '']);
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await scansOf(fresh.id)).toBe(0);
      const view = await f.http.get(`/api/public/batches/${fresh.id}`);
      expect(view.body.scanCount).toBe(0);
    });

    it('refuses POST on a code, in the error shape', async () => {
      const response = await f.http.post(batchPath, {});
      expect(['404 NOT_FOUND', '405 METHOD_NOT_ALLOWED']).toContain(`${response.status} ${response.body.code}`);
      expectApiError(response, response.status, response.body.code);
    });
  });

  describe('GET /01/{gtin} (a product without a lot)', () => {
    it('sends a browser by 307 to the product page, passing the query string on', async () => {
      const response = await f.http.get(`/01/${gtin14}?utm=label`, { headers: HTML });
      expect(response.status).toBe(307);
      expect(response.headers.get('location')).toBe(`/products/${producer.product.id}?utm=label`);
    });

    it('answers JSON with the product, its producer and its batches', async () => {
      const response = await f.http.get<PublicProductView>(`/01/${gtin13}`, { headers: JSON_ });
      expect(response.status).toBe(200);
      expect(response.body.product).toMatchObject({ id: producer.product.id, gtin: gtin14 });
      expect(response.body.producer).toMatchObject({ id: producer.business.id, verified: true });
      expect(response.body.batches).toContainEqual(
        expect.objectContaining({ id: batch.id, lotCode: 'PT-2026-01', identityUrl: batch.identityUrl }),
      );
    });

    it('answers an unknown GTIN with 404', async () => {
      expectApiError(await f.http.get(`/01/${makeGtin()}`, { headers: JSON_ }), 404, 'PRODUCT_NOT_FOUND');
    });
  });

  describe('GET /q/{code} (products without a GTIN)', () => {
    let plain: BatchView;

    beforeAll(async () => {
      const product = await createProduct(f, producer.owner, producer.business.id, {
        gtin: undefined,
        name: { vi: 'Mật ong Vũ Quang', en: 'Vu Quang honey' },
      });
      plain = await createBatch(f, producer.owner, product.id);
    });

    it("is the batch's identity URL", () => {
      expect(unsignedLabel(plain.identityUrl)).toBe(`http://nguon.test/q/${plain.shortCode}?10=${plain.lotCode}&17=261231`);
    });

    it('sends a browser to the consumer page and answers JSON with the view', async () => {
      const page = await f.http.get(`/q/${plain.shortCode}`, { headers: HTML });
      expect([page.status, withoutScanToken(page.headers.get('location'))]).toEqual([307, `/batches/${plain.id}`]);
      const json = await f.http.get<PublicBatchView>(`/q/${plain.shortCode}`, { headers: JSON_ });
      expect(json.body).toMatchObject({ id: plain.id, identityUrl: plain.identityUrl });
      expect(json.headers.get('link')).toMatch(/rel="linkset"/);
    });

    it('accepts the code typed in lower case', async () => {
      const json = await f.http.get<PublicBatchView>(`/q/${plain.shortCode.toLowerCase()}`, { headers: JSON_ });
      expect([json.status, json.body.id]).toEqual([200, plain.id]);
    });

    it.each(['ABC', 'ABCDEFGHIJK', 'ABCDEFGHIU', 'ABCDE-GHIJ'])(
      'answers the malformed code %p with 400 INVALID_IDENTIFIER',
      async (code) => {
        expectApiError(await f.http.get(`/q/${code}`, { headers: JSON_ }), 400, 'INVALID_IDENTIFIER');
      },
    );

    it('answers an unknown code with 404 BATCH_NOT_FOUND', async () => {
      const unknown = plain.shortCode === '0000000000' ? '1111111111' : '0000000000';
      expectApiError(await f.http.get(`/q/${unknown}`, { headers: JSON_ }), 404, 'BATCH_NOT_FOUND');
      expectApiError(await f.http.get(`/q/${unknown}`, { headers: HTML }), 404, 'BATCH_NOT_FOUND');
    });
  });

  describe('GET /.well-known/gs1resolver', () => {
    it('describes the resolver', async () => {
      const response = await f.http.get('/.well-known/gs1resolver');
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.body).toMatchObject({
        resolverRoot: 'http://nguon.test',
        supportedPrimaryKeys: ['01'],
        linksetMediaType: 'application/linkset+json',
        supportedLinkType: [expect.objectContaining({ namespace: GS1 })],
        contact: {
          fn: 'Sở Khoa học và Công nghệ (kiểm thử)',
          url: 'http://nguon.test',
          email: { type: 'work', value: 'truyxuat@example.vn' },
        },
      });
    });
  });

  describe('scans', () => {
    it('counts each GET resolution by another visitor: scanCount goes 1, 2, 3', async () => {
      const fresh = await createBatch(f, producer.owner, producer.product.id);
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counts.push(
          (await getFrom<PublicBatchView>(t.baseUrl, newVisitorAddress(), pathOf(fresh.identityUrl), { 'user-agent': ANDROID })).body
            .scanCount,
        );
      }
      expect(counts).toEqual([1, 2, 3]);
      expect(await sql(t, `SELECT client_class FROM scans WHERE batch_id = $1`, [fresh.id])).toEqual(
        Array(3).fill({ client_class: 'mobile' }),
      );
    });

    it('counts a browser sent to the page, with its device class, and nothing personal', async () => {
      const fresh = await createBatch(f, producer.owner, producer.product.id);
      await getFrom(t.baseUrl, newVisitorAddress(), pathOf(fresh.identityUrl), {
        ...HTML,
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
      });
      await getFrom(t.baseUrl, newVisitorAddress(), `/q/${fresh.shortCode}`, {
        ...JSON_,
        'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)',
      });
      const rows = await sql(t, `SELECT * FROM scans WHERE batch_id = $1 ORDER BY id`, [fresh.id]);
      expect(rows.map((r) => r.client_class)).toEqual(['desktop', 'bot']);
      // The coarse area stays empty unless the visitor shares it from the page.
      expect(Object.keys(rows[0]!).sort()).toEqual(['batch_id', 'client_class', 'id', 'latitude', 'longitude', 'scanned_at']);
      expect(rows.map((r) => [r.latitude, r.longitude])).toEqual([
        [null, null],
        [null, null],
      ]);
      expect((await f.http.get(`/api/public/batches/${fresh.id}`)).body.scanCount).toBe(2);
    });

    it('does not count a code that resolves to nothing', async () => {
      const before = await countRows(t, 'scans');
      await f.http.get(`/01/${gtin14}/10/NO-SUCH-LOT`, { headers: JSON_ });
      expect(await countRows(t, 'scans')).toBe(before);
    });
  });
});
