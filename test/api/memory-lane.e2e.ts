import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, recordStage, type Factory, type Producer, type TestUser } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { requireWebBuild } from '../support/browser.js';
import { getFrom, httpClient, newVisitorAddress, pathOf, requestRaw, type RawResponse } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Headers that differ between any two answers. */
const PER_ANSWER = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);

function headersOf(response: RawResponse, except: string[] = []): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => !PER_ANSWER.has(name) && !except.includes(name)));
}

/**
 * The memory lane (decision record 0019): warm answers of the scan path, sent before Fastify, must
 * be the answers Fastify's routes give. An escaped character (or, but for a Digital Link, a query)
 * takes Fastify's route, so each case compares the lane's answer with the route's.
 */
describe('the memory lane in front of Fastify', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let grower: Producer;
  let pomelos: BatchView;
  let scanPath: string;
  /** The same code with its lot's dash escaped: the lane leaves it to Fastify's route. */
  let routeScanPath: string;
  const LIMIT = 60;

  /** What the lane answered during `act`. */
  async function fromLane<T>(act: () => Promise<T>): Promise<{ result: T; byLane: number }> {
    const before = t.app.lane.answered;
    const result = await act();
    return { result, byLane: t.app.lane.answered - before };
  }
  const get = (path: string, headers: Record<string, string> = {}) => requestRaw(t.baseUrl, path, { headers });

  beforeAll(async () => {
    requireWebBuild();
    t = await startTestApp({ web: true, env: { PUBLIC_RATE_LIMIT: String(LIMIT) } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin);
    pomelos = await createBatch(f, grower.owner, grower.product.id, { lotCode: 'BUOI-7', originLocationId: grower.location.id });
    await recordStage(f, grower.owner, pomelos.id, { stage: 'harvesting', locationId: grower.location.id, quantity: 800 });
    scanPath = pathOf(pomelos.identityUrl);
    routeScanPath = scanPath.replace('BUOI-7', 'BUOI%2D7');
  });
  afterAll(async () => t?.close());

  it('answers a warm consumer view as the route does, and 304 on its ETag', async () => {
    const identity = { accept: 'application/json', 'accept-encoding': 'identity' };
    const viaRoute = await get(`/api/public/batches/${pomelos.id}?via=route`, identity);
    const { result: viaLane, byLane } = await fromLane(() => get(`/api/public/batches/${pomelos.id}`, identity));
    expect(byLane).toBe(1);
    expect(viaLane.status).toBe(200);
    expect(headersOf(viaLane)).toEqual(headersOf(viaRoute));
    expect(viaLane.body.toString()).toBe(viaRoute.body.toString());
    expect(viaLane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(viaLane.headers.get('content-security-policy')).toContain("default-src 'self'");

    const conditional = { ...identity, 'if-none-match': viaLane.headers.get('etag')! };
    const { result: notModified, byLane: again } = await fromLane(() => get(`/api/public/batches/${pomelos.id}`, conditional));
    expect(again).toBe(1);
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(headersOf(notModified)).toEqual(headersOf(await get(`/api/public/batches/${pomelos.id}?via=route`, conditional)));
  });

  it('answers a warm scan as JSON with a token that places the scan, as the route does', async () => {
    const identity = { accept: 'application/json', 'accept-encoding': 'identity' };
    const viaRoute = await get(routeScanPath, identity);
    const { result: viaLane, byLane } = await fromLane(() => get(scanPath, identity));
    expect(byLane).toBe(1);
    expect(viaLane.status).toBe(200);
    expect(scanPath).toContain('?17='); // a Digital Link with the expiry date, as the batch's QR code holds it
    // Link names the path as asked; the length differs with the count.
    expect(viaLane.headers.get('link')).toBe(
      `<${scanPath.split('?')[0]}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
    );
    expect(headersOf(viaLane, ['content-length', 'link'])).toEqual(headersOf(viaRoute, ['content-length', 'link']));
    const { scanToken, scanCount, ...view } = JSON.parse(viaLane.body.toString());
    const { scanToken: _routeToken, scanCount: _routeCount, ...routeView } = JSON.parse(viaRoute.body.toString());
    expect(view).toEqual(routeView);
    expect(typeof scanCount).toBe('number');
    const placed = await f.http.post(`/api/public/batches/${pomelos.id}/scan-place`, { scanToken, latitude: 18.34, longitude: 105.9 });
    expect(placed.status).toBe(204);
  });

  it("answers a browser's warm scan with the 307 to the page, carrying the scan's token", async () => {
    const browser = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, br' };
    const viaRoute = await get(routeScanPath, browser);
    const { result: viaLane, byLane } = await fromLane(() => get(scanPath, browser));
    expect(byLane).toBe(1);
    expect(viaLane.status).toBe(307);
    const query = scanPath.slice(scanPath.indexOf('?')).replace('?', '\\?');
    expect(viaLane.headers.get('location')).toMatch(new RegExp(`^/batches/${pomelos.id}${query}#scan=[0-9a-f-]{36}\\.\\d+\\.[\\w-]{43}$`));
    expect(headersOf(viaLane, ['location', 'link'])).toEqual(headersOf(viaRoute, ['location', 'link']));
  });

  it('sends a warm page gzipped or plain as the route does; a client taking only brotli gets it from Fastify', async () => {
    const page = `/batches/${pomelos.id}`;
    for (const encoding of ['gzip, deflate', 'identity']) {
      const headers = { accept: 'text/html', 'accept-encoding': encoding };
      await get(page, headers); // rendered once (x-cache: MISS), then kept
      const viaRoute = await get(`${page}?via=route`, headers);
      const { result: viaLane, byLane } = await fromLane(() => get(page, headers));
      expect(byLane).toBe(1);
      expect(viaLane.status).toBe(200);
      expect(headersOf(viaLane)).toEqual(headersOf(viaRoute));
      expect(viaLane.body.toString()).toBe(viaRoute.body.toString());
      expect(viaLane.body.toString()).toContain(grower.product.name.vi);
    }
    const { result: brotli, byLane } = await fromLane(() => get(page, { accept: 'text/html', 'accept-encoding': 'br' }));
    expect(byLane).toBe(0);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.body.toString()).toContain(grower.product.name.vi);
  });

  it('leaves to Fastify what it cannot answer the same: HEAD, a query, an escaped path, a link type, a JSON client taking compression', async () => {
    const { byLane } = await fromLane(async () => {
      expect((await requestRaw(t.baseUrl, scanPath, { method: 'HEAD', headers: { accept: 'application/json' } })).status).toBe(200);
      expect((await get(`/api/public/batches/${pomelos.id}?x=1`)).status).toBe(200);
      expect((await get(`/api/public/batches/${pomelos.id.replace('-', '%2D')}`)).status).toBe(200);
      const linkset = await get(`${scanPath}&linkType=linkset`, { accept: 'application/json' });
      expect(linkset.headers.get('content-type')).toContain('application/linkset+json');
      const compressed = await get(`/api/public/batches/${pomelos.id}`, { accept: 'application/json', 'accept-encoding': 'gzip' });
      expect(compressed.headers.get('content-encoding')).toBe('gzip');
      expect(JSON.parse(compressed.body.toString()).id).toBe(pomelos.id);
    });
    expect(byLane).toBe(0);
  });

  it('shows a recall at once: the lane reads the same cache the recall drops', async () => {
    const identity = { accept: 'application/json', 'accept-encoding': 'identity' };
    await get(`/api/public/batches/${pomelos.id}`, identity);
    const recalled = await f.http.post(
      `/api/batches/${pomelos.id}/recall`,
      { severity: 'class_ii', reason: 'Sai nhãn' },
      { token: admin.token },
    );
    expect(recalled.status).toBe(201);
    const view = JSON.parse((await get(`/api/public/batches/${pomelos.id}`, identity)).body.toString());
    expect(view.recall?.reason).toBe('Sai nhãn');
  });

  it("counts its answers against the client's public rate limit; over it, Fastify answers 429 in the error shape", async () => {
    const visitor = newVisitorAddress();
    const identity = { 'accept-encoding': 'identity' };
    const { result: statuses, byLane } = await fromLane(async () => {
      const seen: number[] = [];
      for (let n = 0; n < LIMIT; n++) seen.push((await getFrom(t.baseUrl, visitor, `/api/public/batches/${pomelos.id}`, identity)).status);
      return seen;
    });
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(byLane).toBe(LIMIT);
    const refused = await getFrom(t.baseUrl, visitor, `/api/public/batches/${pomelos.id}`, identity);
    expectApiError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not held back.
    expect((await getFrom(t.baseUrl, newVisitorAddress(), `/api/public/batches/${pomelos.id}`, identity)).status).toBe(200);
  });
});
