import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView } from '@nguon/shared';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { createBatch, createProduct, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { unsignedLabel } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { decodeQrWithJsQr, decodeQrWithZbar } from '../support/qr-decoder.js';
import { openSvgRenderer } from '../support/svg-renderer.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const jsQR = jsQRModule as unknown as typeof import('jsqr').default;

/** The QR version jsQR reads (the symbol is 17 + 4 × version modules wide). */
function qrVersion(png: Buffer): number | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.version ?? null;
}

/**
 * Decodes with both independent readers; zbarimg is skipped (with a warning) where it is not
 * installed, outside CI. Images are asked for at a modest size: writing a PNG is slow under Jest.
 */
function expectDecodesTo(png: Buffer, url: string): void {
  expect(decodeQrWithJsQr(png)).toBe(url);
  const zbar = decodeQrWithZbar(png);
  if (zbar !== undefined) expect(zbar).toBe(url);
}

describe('QR images', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  let batch: BatchView;
  let svgRenderer: Awaited<ReturnType<typeof openSvgRenderer>>;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin, { product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' } } });
    batch = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'PT-2026-01', expiryDate: '2026-12-31' });
    svgRenderer = await openSvgRenderer();
  });
  afterAll(async () => {
    await svgRenderer?.close();
    await t?.close();
  });

  describe('GET /api/batches/:id/qr.png', () => {
    it("decodes, with independent readers, to exactly the batch's identity URL", async () => {
      const response = await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=240`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(unsignedLabel(batch.identityUrl)).toBe(`http://nguon.test/01/${producer.product.gtin}/10/PT-2026-01?17=261231`);
      expectDecodesTo(response.bytes, batch.identityUrl);
    });

    it('keeps a lot with "/" and "%" percent-encoded in what it encodes', async () => {
      const odd = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'A/B%7', expiryDate: undefined });
      const response = await f.http.getBytes(`/api/batches/${odd.id}/qr.png?size=240`);
      expect(unsignedLabel(odd.identityUrl)).toBe(`http://nguon.test/01/${producer.product.gtin}/10/A%2FB%257`);
      expectDecodesTo(response.bytes, odd.identityUrl);
    });

    it('encodes the /q/ short URL for a product without a GTIN', async () => {
      const product = await createProduct(f, producer.owner, producer.business.id, { gtin: undefined });
      const plain = await createBatch(f, producer.owner, product.id);
      const response = await f.http.getBytes(`/api/batches/${plain.id}/qr.png?size=240`);
      expectDecodesTo(response.bytes, plain.identityUrl);
      expect(unsignedLabel(plain.identityUrl)).toBe(`http://nguon.test/q/${plain.shortCode}?10=${plain.lotCode}&17=261231`);
    });

    it('is as wide as the size asked for, 512 px by default', async () => {
      const widths: Record<string, number> = {};
      for (const size of ['', '64', '333']) {
        const response = await f.http.getBytes(`/api/batches/${batch.id}/qr.png${size ? `?size=${size}` : ''}`);
        expect(response.status).toBe(200);
        widths[size || 'default'] = PNG.sync.read(response.bytes).width;
      }
      for (const [size, width] of Object.entries(widths)) {
        expect({ size, off: Math.abs(width - (size === 'default' ? 512 : Number(size))) <= 1 }).toEqual({ size, off: true });
      }
    });

    it('uses more modules for error correction H than for L, and both decode', async () => {
      const low = await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=240&ecc=L`);
      const high = await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=240&ecc=H`);
      const lowVersion = qrVersion(low.bytes);
      const highVersion = qrVersion(high.bytes);
      expect(lowVersion).not.toBeNull();
      expect(highVersion!).toBeGreaterThan(lowVersion!);
      expectDecodesTo(low.bytes, batch.identityUrl);
      expectDecodesTo(high.bytes, batch.identityUrl);
      // The level may be written in lower case too.
      expect((await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=240&ecc=h`)).bytes.equals(high.bytes)).toBe(true);
    });

    it.each([
      ['size=10', 'size'],
      ['size=5000', 'size'],
      ['size=abc', 'size'],
      ['size=300.5', 'size'],
      ['ecc=X', 'ecc'],
      ['ecc=LL', 'ecc'],
      ['format=jpg', 'format'],
    ])('refuses %s with 400, naming the parameter', async (query, field) => {
      expectApiError(await f.http.get(`/api/batches/${batch.id}/qr.png?${query}`), 400, 'VALIDATION_FAILED', [field]);
    });

    it('answers an unknown batch with 404 BATCH_NOT_FOUND and a non-UUID with 404', async () => {
      expectApiError(await f.http.get(`/api/batches/${randomUUID()}/qr.png`), 404, 'BATCH_NOT_FOUND');
      expectApiError(await f.http.get('/api/batches/PT-2026-01/qr.png'), 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/batches/:id/qr.svg', () => {
    it('is an SVG image with the product name, lot and code printed under the symbol', async () => {
      const response = await f.http.get<string>(`/api/batches/${batch.id}/qr.svg?size=400`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      const svg = response.body;
      expect(svg.trimStart()).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.trimEnd()).toMatch(/<\/svg>$/);
      for (const text of ['Bưởi Phúc Trạch', 'PT-2026-01', producer.product.gtin!]) expect(svg).toContain(text);

      if (!svgRenderer) return;
      const rendered = await svgRenderer.render(svg);
      expect(rendered.parseError).toBeNull();
      expect(rendered.root).toEqual({ name: 'svg', namespace: 'http://www.w3.org/2000/svg' });
      expect(rendered.texts).toEqual(['Bưởi Phúc Trạch', 'LOT PT-2026-01', producer.product.gtin]);
      expectDecodesTo(rendered.png, batch.identityUrl);
    });

    it('leaves the caption out with caption=false', async () => {
      const response = await f.http.get<string>(`/api/batches/${batch.id}/qr.svg?size=400&caption=false`);
      expect(response.status).toBe(200);
      expect(response.body).not.toContain('<text');
      expect(response.body).not.toContain('PT-2026-01');
      if (!svgRenderer) return;
      const rendered = await svgRenderer.render(response.body);
      expect([rendered.parseError, rendered.texts]).toEqual([null, []]);
      expectDecodesTo(rendered.png, batch.identityUrl);
    });

    it('escapes markup in the product name and lot, staying valid SVG', async () => {
      const product = await createProduct(f, producer.owner, producer.business.id, {
        name: { vi: 'Mắm <tôm> & "cá" \'Hà Tĩnh\'', en: 'Shrimp paste' },
      });
      const odd = await createBatch(f, producer.owner, product.id, { lotCode: `A<B>&"'1` });
      const response = await f.http.get<string>(`/api/batches/${odd.id}/qr.svg?size=400`);
      expect(response.body).not.toContain('<tôm>');
      if (!svgRenderer) return;
      const rendered = await svgRenderer.render(response.body);
      expect(rendered.parseError).toBeNull();
      expect(rendered.texts).toEqual(['Mắm <tôm> & "cá" \'Hà Tĩnh\'', `LOT A<B>&"'1`, product.gtin]);
      expectDecodesTo(rendered.png, odd.identityUrl);
    });

    it('prints the short code for a product without a GTIN', async () => {
      const product = await createProduct(f, producer.owner, producer.business.id, {
        gtin: undefined,
        name: { vi: 'Mật ong Vũ Quang', en: 'Vu Quang honey' },
      });
      const plain = await createBatch(f, producer.owner, product.id);
      const response = await f.http.get<string>(`/api/batches/${plain.id}/qr.svg?size=400`);
      expect(response.body).toContain(plain.shortCode);
      if (!svgRenderer) return;
      const rendered = await svgRenderer.render(response.body);
      expect(rendered.texts).toEqual(['Mật ong Vũ Quang', `LOT ${plain.lotCode}`, plain.shortCode]);
      expectDecodesTo(rendered.png, plain.identityUrl);
    });

    it('refuses a bad size, ecc or caption value with 400, naming the parameter', async () => {
      expectApiError(await f.http.get(`/api/batches/${batch.id}/qr.svg?size=63`), 400, 'VALIDATION_FAILED', ['size']);
      expectApiError(await f.http.get(`/api/batches/${batch.id}/qr.svg?ecc=Z`), 400, 'VALIDATION_FAILED', ['ecc']);
      expectApiError(await f.http.get(`/api/batches/${batch.id}/qr.svg?caption=maybe`), 400, 'VALIDATION_FAILED', ['caption']);
    });

    it('answers an unknown batch with 404 BATCH_NOT_FOUND', async () => {
      expectApiError(await f.http.get(`/api/batches/${randomUUID()}/qr.svg`), 404, 'BATCH_NOT_FOUND');
    });
  });
});
