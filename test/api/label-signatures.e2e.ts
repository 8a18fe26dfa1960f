import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  checkLabel,
  gs1CheckDigit,
  type BatchListItem,
  type BatchView,
  type LabelKeysView,
  type Page,
  type PublicBatchView,
  type PublicProductView,
} from '@nguon/shared';
import { labelBusinessId } from '../../server/src/batch-store/batch-identity.js';
import { verifyEd25519 } from '../../server/src/common/signing/signing-key.js';
import { createBatch, createProduct, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { httpClient, pathOf } from '../support/http.js';
import { decodeQrWithJsQr } from '../support/qr-decoder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Codes that prove themselves offline (decision record 0038): the checks a phone makes with the
// published keys only, over what the portal prints.
describe('signed labels', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  let batch: BatchView;
  let keys: LabelKeysView;

  const check = (url: string) => checkLabel(url, keys.keys, verifyEd25519);

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin);
    batch = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'PT-2026-07', expiryDate: '2026-12-31' });
    keys = (await f.http.get<LabelKeysView>('/.well-known/nguon-label-keys')).body;
  });
  afterAll(async () => t?.close());

  describe('GET /.well-known/nguon-label-keys', () => {
    it('publishes the current Ed25519 key by its short id, cacheable and readable from any site', async () => {
      const response = await f.http.get<LabelKeysView>('/.well-known/nguon-label-keys');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.body.keys).toEqual([
        { id: expect.stringMatching(/^[\w-]{4}$/), algorithm: 'Ed25519', publicKey: expect.stringMatching(/^[\w-]{43}$/), current: true },
      ]);
    });
  });

  describe("a batch's identity URL", () => {
    it('is signed for its GTIN, lot, expiry and business, by the published key', async () => {
      expect(await check(batch.identityUrl)).toEqual({
        status: 'genuine',
        claim: {
          gtin14: producer.product.gtin,
          shortCode: null,
          lot: 'PT-2026-07',
          expiry: '261231',
          business: labelBusinessId(producer.business.id),
        },
      });
      expect(batch.identityUrl).toContain(`&by=${labelBusinessId(producer.business.id)}&sig=${keys.keys[0]!.id}.`);
    });

    it('fails the check once copied with another lot, an invented GTIN or a later expiry', async () => {
      const otherLot = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'PT-2026-08', expiryDate: '2026-12-31' });
      const copied = batch.identityUrl.replace('/10/PT-2026-07', '/10/PT-2026-08');
      // The lot is real, and the resolver answers it: the label is what is wrong.
      expect((await f.http.get<PublicBatchView>(pathOf(copied), { headers: { accept: 'application/json' } })).body.id).toBe(otherLot.id);
      expect((await check(copied)).status).toBe('altered');
      const gtin = producer.product.gtin!;
      const invented = `${gtin.slice(0, 12)}${(Number(gtin[12]) + 1) % 10}`;
      expect((await check(batch.identityUrl.replace(gtin, `${invented}${gs1CheckDigit(invented)}`))).status).toBe('altered');
      expect((await check(batch.identityUrl.replace('17=261231', '17=271231'))).status).toBe('altered');
    });

    it('is the same signed URL in the QR image, the batch list, the consumer view and the product page', async () => {
      const png = await f.http.getBytes(`/api/batches/${batch.id}/qr.png?size=300`);
      expect(decodeQrWithJsQr(png.bytes)).toBe(batch.identityUrl);
      const list = await f.http.get<Page<BatchListItem>>(`/api/businesses/${producer.business.id}/batches`, {
        token: producer.owner.token,
      });
      expect(list.body.items.find((item) => item.id === batch.id)?.identityUrl).toBe(batch.identityUrl);
      const view = await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`);
      expect(view.body.identityUrl).toBe(batch.identityUrl);
      const product = await f.http.get<PublicProductView>(`/api/public/products/${producer.product.id}`);
      expect(product.body.batches.find((b) => b.id === batch.id)?.identityUrl).toBe(batch.identityUrl);
    });

    it('is resolved with its signature, which a browser is sent on with to the consumer page', async () => {
      const page = await f.http.get(pathOf(batch.identityUrl), { headers: { accept: 'text/html' } });
      expect(page.status).toBe(307);
      expect(page.headers.get('location')).toContain(`?17=261231&by=${labelBusinessId(producer.business.id)}&sig=`);
    });

    it('carries the lot and expiry of a product without a GTIN in its query, signed too', async () => {
      const product = await createProduct(f, producer.owner, producer.business.id, { gtin: undefined });
      const plain = await createBatch(f, producer.owner, product.id, { lotCode: 'MO&01', expiryDate: '2027-01-31' });
      expect(plain.identityUrl).toMatch(new RegExp(`^http://nguon\\.test/q/${plain.shortCode}\\?10=MO%2601&17=270131&by=[\\w-]{22}&sig=`));
      expect(await check(plain.identityUrl)).toMatchObject({ status: 'genuine', claim: { shortCode: plain.shortCode, lot: 'MO&01' } });
      expect((await check(plain.identityUrl.replace('MO%2601', 'MO%2602'))).status).toBe('altered');
      const json = await f.http.get<PublicBatchView>(pathOf(plain.identityUrl), { headers: { accept: 'application/json' } });
      expect(json.body.id).toBe(plain.id);
    });
  });
});
