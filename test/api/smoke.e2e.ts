import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBatch, createLocation, createProduct, createUser, createVerifiedBusiness, recordStage, type Factory } from '../factories/index.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
  });
  afterAll(async () => t?.close());

  it('runs the chain', async () => {
    const health = await f.http.get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: expect.any(String) });
    const admin = await createUser(f, { role: 'admin' });
    const owner = await createUser(f);
    const business = await createVerifiedBusiness(f, owner, admin);
    const farm = await createLocation(f, owner, business.id);
    const product = await createProduct(f, owner, business.id);
    const batch = await createBatch(f, owner, product.id, { originLocationId: farm.id });
    await recordStage(f, owner, batch.id, { stage: 'harvesting', locationId: farm.id, quantity: 900 });
    const resolved = await f.http.get(new URL(batch.identityUrl).pathname + new URL(batch.identityUrl).search);
    console.log(resolved.status, JSON.stringify(resolved.body, null, 1).slice(0, 3000));
    const page = await f.http.get(new URL(batch.identityUrl).pathname, { headers: { accept: 'text/html' } });
    console.log(page.status, page.headers.get('location'), page.headers.get('link'));
  });
});
