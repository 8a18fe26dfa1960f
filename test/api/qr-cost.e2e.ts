import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView } from '@nguon/shared';
import { PNG } from 'pngjs';
import { createBatch, createBusiness, createProducer, createUser, type Factory, type Producer, type TestUser } from '../factories/index.js';
import { unsignedLabel } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { decodeQrWithJsQr } from '../support/qr-decoder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What a QR image costs the portal: drawn once per key and then served from memory (and from
 * browsers' caches), large sizes for the batch's own business only, drawn off the event loop.
 */
describe('QR images: cache, size cap and rendering off the event loop', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  let batch: BatchView;
  let stranger: TestUser;

  beforeAll(async () => {
    // Two drawing threads and one waiting place: the fourth large image at once is refused.
    t = await startTestApp({ env: { QR_RENDER_THREADS: '2', QR_RENDER_QUEUE: '1' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin);
    batch = await createBatch(f, producer.owner, producer.product.id);
    stranger = await createUser(f);
    await createBusiness(f, stranger);
  });
  afterAll(async () => t?.close());

  describe('cache', () => {
    it('draws an image once: the same request again is a cache hit with the same bytes and ETag', async () => {
      const path = `/api/batches/${batch.id}/qr.png?size=300&ecc=Q`;
      const first = await f.http.getBytes(path);
      const second = await f.http.getBytes(path);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
      expect(second.bytes.equals(first.bytes)).toBe(true);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(first.headers.get('cache-control')).toBe('public, max-age=86400');
      // Another size or level is another image.
      expect((await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=301&ecc=Q`)).headers.get('x-cache')).toBe('MISS');
      expect((await f.http.getBytes(`/api/batches/${batch.id}/qr.svg?size=300&ecc=Q`)).headers.get('x-cache')).toBe('MISS');
    });

    it('answers a browser that has the image with 304 and no body', async () => {
      const path = `/api/batches/${batch.id}/qr.svg?size=200`;
      const { headers } = await f.http.getBytes(path);
      const again = await f.http.getBytes(path, { headers: { 'if-none-match': headers.get('etag')! } });
      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
    });

    it('never serves a stale code: a changed lot code is a new image holding the new URL', async () => {
      const other = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'LOT-OLD', expiryDate: undefined });
      const path = `/api/batches/${other.id}/qr.png?size=240`;
      expect(decodeQrWithJsQr((await f.http.getBytes(path)).bytes)).toBe(other.identityUrl);
      await sql(t, `UPDATE batches SET lot_code = 'LOT-NEW' WHERE id = $1`, [other.id]);
      const after = await f.http.getBytes(path);
      expect(after.headers.get('x-cache')).toBe('MISS');
      expect(unsignedLabel(decodeQrWithJsQr(after.bytes)!)).toBe(unsignedLabel(other.identityUrl).replace('LOT-OLD', 'LOT-NEW'));
    });
  });

  describe('size cap', () => {
    it('gives anyone up to 1024 px, and refuses more with 400 naming the cap', async () => {
      expect((await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=1024&ecc=L`)).status).toBe(200);
      const body = expectApiError(await f.http.get(`/api/batches/${batch.id}/qr.png?size=1025`), 400, 'QR_SIZE_TOO_LARGE', ['size']);
      expect(body.message).toMatch(/1024 px/);
      const en = expectApiError(
        await f.http.get(`/api/batches/${batch.id}/qr.svg?size=4096`, { headers: { 'accept-language': 'en' } }),
        400,
        'QR_SIZE_TOO_LARGE',
        ['size'],
      );
      expect(en.message).toBe("QR images are at most 1024 px; members of the batch's business, signed in, may get up to 4096 px.");
    });

    it('refuses the large size to a member of another business too', async () => {
      expectApiError(await f.http.get(`/api/batches/${batch.id}/qr.png?size=1500`, { token: stranger.token }), 400, 'QR_SIZE_TOO_LARGE', [
        'size',
      ]);
    });

    it("draws a large size for a signed-in member of the batch's business, kept out of shared caches", async () => {
      const response = await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=1100&ecc=L`, {
        headers: { authorization: `Bearer ${producer.owner.token}` },
      });
      expect(response.status).toBe(200);
      expect(PNG.sync.read(response.bytes).width).toBe(1100);
      expect(response.headers.get('cache-control')).toBe('private, max-age=86400');
    });
  });

  describe('rendering off the event loop', () => {
    const owner = () => ({ authorization: `Bearer ${producer.owner.token}` });

    it('answers /api/health while several large images are being drawn', async () => {
      // Each of these costs about a second of CPU; drawn on the event loop, they held every other request until they were done.
      let drawn = 0;
      const renders = [3072, 3071].map((size) =>
        f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=${size}&ecc=H`, { headers: owner() }).then((response) => {
          drawn += 1;
          return response;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Ordering, not a stopwatch: each health answer arrives before either image is done.
      const drawnWhenAnswered: number[] = [];
      for (let n = 0; n < 3; n++) {
        expect((await f.http.get('/api/health')).status).toBe(200);
        drawnWhenAnswered.push(drawn);
      }
      const statuses = (await Promise.all(renders)).map((r) => r.status);
      expect(statuses).toEqual([200, 200]);
      expect(drawnWhenAnswered).toEqual([0, 0, 0]);
    });

    it('refuses with 503 QR_BUSY and Retry-After when every thread is busy and the queue is full', async () => {
      const responses = await Promise.all(
        [1536, 1535, 1534, 1533].map((size) => f.http.get(`/api/batches/${batch.id}/qr.png?size=${size}&ecc=H`, { headers: owner() })),
      );
      const busy = responses.filter((r) => r.status === 503);
      expect(responses.filter((r) => r.status === 200)).toHaveLength(3);
      expect(busy).toHaveLength(1);
      expectApiError(busy[0]!, 503, 'QR_BUSY');
      expect(busy[0]!.headers.get('retry-after')).toBe('1');
    });
  });
});
