import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A method a path does not take is a 405 naming the ones it does; a path no route has stays a 404. */
describe('a wrong method on an existing path', () => {
  let t: TestApp;
  const http = () => httpClient(t.baseUrl);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it.each([
    ['GET', '/api/auth/login', 'POST'],
    ['DELETE', '/epcis/events', 'GET, HEAD, POST, OPTIONS'],
    ['PUT', '/epcis/capture', 'GET, HEAD, POST, OPTIONS'],
    ['PUT', '/api/products/00000000-0000-4000-8000-000000000000', 'GET, HEAD, PATCH'],
  ])('%s %s: 405, Allow: %s', async (method, path, allow) => {
    const response = await http().request(method, path, {});
    expectApiError(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.get('allow')).toBe(allow);
  });

  it('keeps 404 for a path no route has, and for a missing thing on a path that exists', async () => {
    expectApiError(await http().request('DELETE', '/api/no-such-thing', {}), 404, 'NOT_FOUND');
    const missing = await http().get('/api/public/batches/00000000-0000-4000-8000-000000000000');
    expect([missing.status, missing.headers.get('allow')]).toEqual([404, null]);
  });
});
