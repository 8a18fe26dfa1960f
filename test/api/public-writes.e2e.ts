import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPORT_PHOTO_MAX_BYTES, type BatchView } from '@nguon/shared';
import { PNG_BYTES } from '../factories/catalog.js';
import { createBatch, createProducer, createUser, type Factory } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const REPORT = { category: 'counterfeit', message: 'Tem QR in mờ' };

/** What anyone may send without an account: small bodies only, and a report budget spent on accepted reports. */
describe('public writes', () => {
  let t: TestApp;
  let f: Factory;
  let batch: BatchView;

  beforeAll(async () => {
    t = await startTestApp({ env: { REPORT_RATE_LIMIT: '2' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    const producer = await createProducer(f, admin);
    batch = await createBatch(f, producer.owner, producer.product.id);
  });
  afterAll(async () => t?.close());

  const report = (body: unknown) => f.http.post(`/api/public/batches/${batch.id}/reports`, body);

  it('refuses a report body past what a photo of the largest size needs with 413, without reading 20 MB', async () => {
    const body = JSON.stringify({ ...REPORT, message: 'x'.repeat(Math.ceil(REPORT_PHOTO_MAX_BYTES * 1.4)) });
    expectApiError(await report(body), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('does not count refused reports toward the limit: after three refused, two are taken and the third is 429', async () => {
    // The largest photo still fits (its own limit), but claims to be a JPEG: refused for its content.
    const photo = Buffer.concat([PNG_BYTES, Buffer.alloc(REPORT_PHOTO_MAX_BYTES - PNG_BYTES.length)]).toString('base64');
    expectApiError(await report({ ...REPORT, photo: { contentType: 'image/jpeg', base64: photo } }), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    expectApiError(await report({ message: 'no category' }), 400, 'VALIDATION_FAILED', ['category']);
    expectApiError(await report({ ...REPORT, category: 'nonsense' }), 400, 'VALIDATION_FAILED', ['category']);
    expect((await report(REPORT)).status).toBe(201);
    expect((await report(REPORT)).status).toBe(201);
    expectApiError(await report(REPORT), 429, 'RATE_LIMITED');
  });
});
