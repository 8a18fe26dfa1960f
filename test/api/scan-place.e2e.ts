import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { BatchView, PublicBatchView } from '@nguon/shared';
import { ScanTokens } from '../../server/src/resolver/scan-token.js';
import { createBatch, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { scanBatch } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { getFrom, httpClient, newVisitorAddress, pathOf } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HTML = { accept: 'text/html' };
const HA_TINH = { latitude: 18.3428, longitude: 105.9057 };

/**
 * A scan's place can be set only by the client that made the scan (a signed, short-lived token
 * in the scan's answer), once; and one client address adds at most one scan per batch and window.
 */
describe('scan tokens, scan-place and the bound on scan counts', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  let batch: BatchView;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin);
  });
  beforeEach(async () => {
    batch = await createBatch(f, producer.owner, producer.product.id);
  });
  afterAll(async () => t?.close());

  const place = (batchId: string, body: Record<string, unknown>) => f.http.post(`/api/public/batches/${batchId}/scan-place`, body);
  const placesOf = (batchId: string) =>
    sql<{ latitude: string | null }>(t, `SELECT latitude::text FROM scans WHERE batch_id = $1 ORDER BY id`, [batchId]);

  describe('POST /api/public/batches/:id/scan-place', () => {
    it("places the scan the token of the resolver's JSON names, rounded to about 10 km", async () => {
      const [view] = await scanBatch(f, batch);
      expect(view!.scanToken).toMatch(/^[0-9a-f-]{36}\.\d+\.[\w-]{43}$/);
      expect((await place(batch.id, { scanToken: view!.scanToken, ...HA_TINH })).status).toBe(204);
      expect(await sql(t, `SELECT latitude::text, longitude::text FROM scans WHERE batch_id = $1`, [batch.id])).toEqual([
        { latitude: '18.3', longitude: '105.9' },
      ]);
    });

    it('takes the token a browser gets in the fragment of the page it is sent to', async () => {
      const page = await getFrom(t.baseUrl, newVisitorAddress(), pathOf(batch.identityUrl), HTML);
      const token = /#scan=([\w.-]+)$/.exec(page.headers.get('location') ?? '')?.[1];
      expect(token).toBeDefined();
      expect((await place(batch.id, { scanToken: token, ...HA_TINH })).status).toBe(204);
    });

    it('places a scan once: the same token again is 409 SCAN_ALREADY_PLACED and changes nothing', async () => {
      const [view] = await scanBatch(f, batch);
      await place(batch.id, { scanToken: view!.scanToken, ...HA_TINH });
      expectApiError(await place(batch.id, { scanToken: view!.scanToken, latitude: 10.77, longitude: 106.7 }), 409, 'SCAN_ALREADY_PLACED');
      expect(await placesOf(batch.id)).toEqual([{ latitude: '18.3' }]);
    });

    it('refuses a place without a token: nobody can place the scans of others (and raise a false copied-code flag)', async () => {
      await scanBatch(f, batch);
      expectApiError(await place(batch.id, HA_TINH), 400, 'VALIDATION_FAILED', ['scanToken']);
      expect(await placesOf(batch.id)).toEqual([{ latitude: null }]);
    });

    it.each([
      ['a made-up token', () => `1.9999999999.${'A'.repeat(43)}`],
      ['a token naming another scan', (token: string) => token.replace(/^\d+/, (id) => String(Number(id) + 1))],
      [
        'a token with a later expiry written in',
        (token: string) => token.replace(/\.(\d+)\./, (_, expiry: string) => `.${Number(expiry) + 3600}.`),
      ],
      [
        'a token of the same shape signed with another secret',
        (token: string) => new ScanTokens('not the portal secret, but as long').issue(token.split('.')[0]!, batch.id),
      ],
    ])('refuses %s with 400 SCAN_TOKEN_INVALID', async (_, forge) => {
      const [view] = await scanBatch(f, batch);
      expectApiError(await place(batch.id, { scanToken: forge(view!.scanToken!), ...HA_TINH }), 400, 'SCAN_TOKEN_INVALID', ['scanToken']);
      expect(await placesOf(batch.id)).toEqual([{ latitude: null }]);
    });

    it('refuses a genuine token for another batch', async () => {
      const other = await createBatch(f, producer.owner, producer.product.id);
      const [view] = await scanBatch(f, other);
      await scanBatch(f, batch);
      expectApiError(await place(batch.id, { scanToken: view!.scanToken, ...HA_TINH }), 400, 'SCAN_TOKEN_INVALID', ['scanToken']);
      expect([...(await placesOf(batch.id)), ...(await placesOf(other.id))]).toEqual([{ latitude: null }, { latitude: null }]);
    });

    it('refuses a genuine token once it has expired (ten minutes), saying so', async () => {
      const [view] = await scanBatch(f, batch);
      const scanId = view!.scanToken!.split('.')[0]!;
      const expired = new ScanTokens(t.config.authSecret).issue(scanId, batch.id, Date.now() - 10 * 60_000 - 1000);
      const body = expectApiError(await place(batch.id, { scanToken: expired, ...HA_TINH }), 400, 'SCAN_TOKEN_INVALID', ['scanToken']);
      expect(body.message).toMatch(/quá hạn/);
    });

    it('reads only a small body (413 PAYLOAD_TOO_LARGE past 1 kB)', async () => {
      const [view] = await scanBatch(f, batch);
      expectApiError(
        await place(batch.id, { scanToken: view!.scanToken, ...HA_TINH, padding: 'x'.repeat(2000) }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
    });
  });

  describe('the bound on what one client adds to scan counts', () => {
    const scanFrom = (address: string) => getFrom<PublicBatchView>(t.baseUrl, address, pathOf(batch.identityUrl));

    it('counts one scan per client address and batch within the window, however often it opens the code', async () => {
      const phone = newVisitorAddress();
      const views = [];
      for (let n = 0; n < 5; n++) views.push((await scanFrom(phone)).body);
      expect(views.map((v) => v.scanCount)).toEqual([1, 1, 1, 1, 1]);
      expect(await placesOf(batch.id)).toHaveLength(1);
      // Each answer carries the same token, for that one scan: it can be placed once.
      expect(new Set(views.map((v) => v.scanToken)).size).toBe(1);
      expect((await scanFrom(newVisitorAddress())).body.scanCount).toBe(2);
      expect((await scanFrom(phone)).body.scanCount).toBe(2);
    });

    it('counts parallel scans of one client once', async () => {
      const phone = newVisitorAddress();
      const views = await Promise.all(Array.from({ length: 10 }, () => scanFrom(phone)));
      expect(views.map((v) => v.status)).toEqual(Array(10).fill(200));
      expect(await placesOf(batch.id)).toHaveLength(1);
    });

    it('lets one client count the same batch only once toward a copied-code flag: one scan, one place', async () => {
      const phone = newVisitorAddress();
      const first = (await scanFrom(phone)).body;
      const second = (await scanFrom(phone)).body;
      expect((await place(batch.id, { scanToken: first.scanToken, ...HA_TINH })).status).toBe(204);
      expectApiError(await place(batch.id, { scanToken: second.scanToken, latitude: 10.77, longitude: 106.7 }), 409, 'SCAN_ALREADY_PLACED');
    });
  });
});
