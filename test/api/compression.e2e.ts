import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, PublicBatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, recordStage, type Factory, type Producer } from '../factories/index.js';
import { httpClient, pathOf, requestRaw, type RawResponse } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What a phone's browser sends. */
const BROWSER = 'gzip, deflate, br, zstd';

/** The Vary header as a list of lower-case names. */
const varyOf = (response: RawResponse) => (response.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/);

describe('compressed answers', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  let batch: BatchView;
  const get = (path: string, headers: Record<string, string> = {}) =>
    requestRaw(t.baseUrl, path, { headers: { accept: 'application/json', ...headers } });
  const owner = () => ({ authorization: `Bearer ${producer.owner.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    producer = await createProducer(f, await createUser(f, { role: 'admin' }), {
      product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' } },
    });
    batch = await createBatch(f, producer.owner, producer.product.id, { quantity: 500 });
    for (const stage of ['harvesting', 'packing', 'shipping'] as const) {
      await recordStage(f, producer.owner, batch.id, {
        stage,
        quantity: 500,
        ...(stage === 'shipping' ? { destinationName: 'Chợ đầu mối Long Biên' } : {}),
      });
    }
  });
  afterAll(async () => t?.close());

  describe('JSON of 1 kB or more', () => {
    const path = () => `/api/public/batches/${batch.id}`;

    it.each([
      ['br', 'br'],
      ['gzip', 'gzip'],
      // Per answer, gzip: as small as brotli at the quality affordable per request, in half the CPU.
      [BROWSER, 'gzip'],
      ['br;q=1, gzip;q=0.5', 'br'],
    ])('goes compressed to a client accepting %s (%s), decoding to the same JSON', async (accepted, encoding) => {
      const plain = await get(path());
      const compressed = await get(path(), { 'accept-encoding': accepted });
      expect(plain.body.length).toBeGreaterThan(1024);
      expect(compressed.headers.get('content-encoding')).toBe(encoding);
      expect(compressed.wire.length).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(compressed.body.toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
      expect((JSON.parse(compressed.body.toString('utf8')) as PublicBatchView).lotCode).toBe(batch.lotCode);
      expect(varyOf(compressed)).toContain('accept-encoding');
    });

    it('goes plain to a client that accepts no compression, still saying it varies with Accept-Encoding', async () => {
      for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'compress' }] as Record<string, string>[]) {
        const plain = await get(path(), headers);
        expect(plain.status).toBe(200);
        expect(plain.headers.get('content-encoding')).toBeNull();
        expect((JSON.parse(plain.wire.toString('utf8')) as PublicBatchView).lotCode).toBe(batch.lotCode);
        expect(varyOf(plain)).toContain('accept-encoding');
      }
    });

    it("is compressed on the scan path too, next to the resolver's own Vary", async () => {
      const scan = await get(pathOf(batch.identityUrl), { 'accept-encoding': BROWSER });
      expect(scan.status).toBe(200);
      expect(scan.headers.get('content-encoding')).toBe('gzip');
      expect(JSON.parse(scan.body.toString('utf8'))).toMatchObject({ lotCode: batch.lotCode });
      expect(varyOf(scan)).toEqual(expect.arrayContaining(['accept', 'accept-language', 'accept-encoding']));
    });

    it('answers HEAD with the headers of the plain answer and no body', async () => {
      const plain = await get(path());
      const head = await requestRaw(t.baseUrl, path(), {
        method: 'HEAD',
        headers: { accept: 'application/json', 'accept-encoding': BROWSER },
      });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toMatch(/^application\/json/);
      expect(head.headers.get('content-encoding')).toBeNull();
      expect(head.headers.get('content-length')).toBe(String(plain.body.length));
      expect(varyOf(head)).toContain('accept-encoding');
      expect(head.wire.length).toBe(0);
    });
  });

  it('leaves small answers plain: the health check and an error', async () => {
    const health = await get('/api/health', { 'accept-encoding': BROWSER });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(health.wire.toString('utf8'))).toMatchObject({ status: 'ok' });
    const missing = await get('/api/public/batches/00000000-0000-4000-8000-000000000000', { 'accept-encoding': BROWSER });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(missing.wire.toString('utf8'))).toMatchObject({ statusCode: 404, code: 'BATCH_NOT_FOUND' });
  });

  it('streams a CSV export compressed, decoding to the plain export', async () => {
    const exportCsv = (encoding: string | null) =>
      requestRaw(t.baseUrl, `/api/businesses/${producer.business.id}/exports/events.csv`, {
        method: 'POST',
        headers: {
          ...owner(),
          'content-type': 'application/json',
          'accept-language': 'en',
          ...(encoding ? { 'accept-encoding': encoding } : {}),
        },
        body: JSON.stringify({ kind: 'lots', lots: [{ lotCode: batch.lotCode }] }),
      });
    const plain = await exportCsv(null);
    const compressed = await exportCsv('gzip');
    expect(plain.status).toBe(200);
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(compressed.headers.get('content-disposition')).toBe(plain.headers.get('content-disposition'));
    expect(compressed.headers.get('x-total-rows')).toBe('4');
    expect(compressed.body.toString('utf8')).toBe(plain.body.toString('utf8'));
  });

  it('sends PDFs and images as they are: already compressed', async () => {
    const pdf = await get(`/api/batches/${batch.id}/labels.pdf?template=a4-3x8-70x37&count=3`, { ...owner(), 'accept-encoding': BROWSER });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-encoding')).toBeNull();
    expect(pdf.wire.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.wire.subarray(-6).toString('latin1')).toMatch(/%%EOF/);

    const png = await get(`/api/batches/${batch.id}/qr.png?size=512`, { 'accept-encoding': BROWSER });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(png.wire.length).toBe(Number(png.headers.get('content-length')));
    const again = await get(`/api/batches/${batch.id}/qr.png?size=512`, {
      'accept-encoding': BROWSER,
      'if-none-match': png.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-encoding')).toBeNull();
    expect(again.wire.length).toBe(0);
  });

  it("replays an idempotent write's answer compressed like the first", async () => {
    // An event's answer carries its EPCIS document: well over 1 kB.
    const write = () =>
      requestRaw(t.baseUrl, `/api/batches/${batch.id}/events`, {
        method: 'POST',
        headers: {
          ...owner(),
          'content-type': 'application/json',
          accept: 'application/json',
          'accept-encoding': 'br',
          'idempotency-key': `compress-${batch.id}`,
        },
        body: JSON.stringify({ stage: 'storing', quantity: 500 }),
      });
    const first = await write();
    const replay = await write();
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect([first.headers.get('content-encoding'), replay.headers.get('content-encoding')]).toEqual(['br', 'br']);
    expect(JSON.parse(replay.body.toString('utf8'))).toEqual(JSON.parse(first.body.toString('utf8')));
  });
});
