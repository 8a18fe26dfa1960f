import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, PageData } from '@nguon/shared';
import { createBatch, createProducer, createUser, recordStage, type Factory, type Producer, type TestUser } from '../factories/index.js';
import { requireWebBuild } from '../support/browser.js';
import { httpClient, requestRaw } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A browser opening a page: the HTML, its headers and the data embedded for hydration. */
async function openPage(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { accept: 'text/html', ...headers } });
  const html = await response.text();
  const json = /<script id="page-data" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
  return { response, html, data: json ? (JSON.parse(json) as PageData) : null };
}

const metaContent = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

/** The consumer pages as a link preview (Zalo, Facebook) or a phone without JavaScript gets them. */
describe('the server-rendered consumer pages', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let inspector: TestUser;
  let grower: Producer;
  let oranges: BatchView;

  beforeAll(async () => {
    requireWebBuild();
    t = await startTestApp({ web: true });
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    grower = await createProducer(f, admin, {
      business: {
        legalName: 'Hợp tác xã Cam Hương Sơn',
        address: { line: 'Thôn Trung Thượng', commune: 'Xã Sơn Trung', province: 'Hà Tĩnh' },
      },
      location: { kind: 'farm', name: 'Vườn cam Sơn Trung' },
      // A name that tries to close the data's script element: it must stay data.
      product: { name: { vi: 'Cam Hương Sơn </script><script>alert(1)</script>', en: 'Huong Son orange' } },
    });
    oranges = await createBatch(f, grower.owner, grower.product.id, { lotCode: 'CAM-01', originLocationId: grower.location.id });
    await recordStage(f, grower.owner, oranges.id, {
      stage: 'harvesting',
      locationId: grower.location.id,
      quantity: 500,
      eventTime: '2026-10-01T07:00:00+07:00',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sends a batch page complete, in Vietnamese by default, with link-preview tags', async () => {
    const { response, html, data } = await openPage(t.baseUrl, `/batches/${oranges.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    // The language picks the page; compression (sent compressed or not) adds its own.
    expect(response.headers.get('vary')?.toLowerCase().split(/,\s*/).sort()).toEqual(['accept-encoding', 'accept-language', 'cookie']);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1');
    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(/<title>Cam Hương Sơn &lt;\/script&gt;.*: lô CAM-01 \| Nguồn<\/title>/);
    expect(metaContent(html, 'og:title')).toContain('lô CAM-01');
    expect(metaContent(html, 'og:description')).toContain('Vườn cam Sơn Trung');
    expect(metaContent(html, 'description')).toBe(metaContent(html, 'og:description'));
    expect(metaContent(html, 'og:image')).toBe(`${t.baseUrl}/og-image.png`);
    expect(metaContent(html, 'og:url')).toBe(`${t.baseUrl}/batches/${oranges.id}`);
    expect(metaContent(html, 'twitter:card')).toBe('summary');
    // The content itself, not an empty <div> for JavaScript to fill.
    const root = html.slice(html.indexOf('<div id="root">'));
    expect(root).toContain('data-testid="product-name"');
    expect(root).toContain('Vườn cam Sơn Trung');
    expect(root).toContain('Hợp tác xã Cam Hương Sơn');
    expect(root).toContain('data-testid="timeline"');
    expect(root).not.toContain('data-testid="recall-banner"');
    // The data for hydration, escaped so the product's name cannot end the script element.
    expect(html).not.toContain('</script><script>alert(1)');
    expect(data).toMatchObject({ page: 'batch', locale: 'vi', batch: { id: oranges.id, lotCode: 'CAM-01' } });
    expect(data?.page === 'batch' && data.batch.product.name.vi).toBe('Cam Hương Sơn </script><script>alert(1)</script>');
    // The default image the preview falls back on is served.
    const image = await fetch(`${t.baseUrl}/og-image.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it("speaks English to a browser asking for it, and the toggle's cookie wins over the browser", async () => {
    const english = await openPage(t.baseUrl, `/batches/${oranges.id}`, { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('<title>Huong Son orange: lot CAM-01 | Nguồn</title>');
    expect(english.data?.locale).toBe('en');
    const chosen = await openPage(t.baseUrl, `/batches/${oranges.id}`, { 'accept-language': 'vi', cookie: 'other=1; nguon_locale=en' });
    expect(chosen.html).toContain('<title>Huong Son orange: lot CAM-01 | Nguồn</title>');
    const vietnamese = await openPage(t.baseUrl, `/batches/${oranges.id}`, { 'accept-language': 'en', cookie: 'nguon_locale=vi' });
    expect(vietnamese.html).toContain('<html lang="vi">');
  });

  it('serves the page again from its cache, answers a matching ETag with 304, and drops it on a recall', async () => {
    const path = `/batches/${oranges.id}`;
    const lang = { 'accept-language': 'vi' };
    await openPage(t.baseUrl, path, lang);
    const again = await openPage(t.baseUrl, path, lang);
    expect(again.response.headers.get('x-cache')).toBe('HIT');
    const etag = again.response.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const revalidated = await fetch(`${t.baseUrl}${path}`, { headers: { accept: 'text/html', ...lang, 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);

    const recall = await f.http.post(
      `/api/batches/${oranges.id}/recall`,
      { severity: 'class_i', reason: 'Dư lượng thuốc bảo vệ thực vật vượt ngưỡng' },
      { token: inspector.token },
    );
    expect(recall.status).toBe(201);
    const recalled = await openPage(t.baseUrl, path, lang);
    expect(recalled.response.headers.get('x-cache')).toBe('MISS');
    expect(recalled.response.headers.get('etag')).not.toBe(etag);
    expect(recalled.html).toContain('data-testid="recall-banner"');
    expect(recalled.html).toContain('Dư lượng thuốc bảo vệ thực vật vượt ngưỡng');
    expect(metaContent(recalled.html, 'og:description')).toMatch(/^Cảnh báo: lô hàng này đã bị thu hồi\./);
  });

  it('sends the cached page gzip-compressed to a browser that takes it, and plain to one that does not', async () => {
    const path = `/batches/${oranges.id}`;
    const headers = { accept: 'text/html', 'accept-language': 'vi' };
    const gzipped = await requestRaw(t.baseUrl, path, { headers: { ...headers, 'accept-encoding': 'br;q=0, gzip' } });
    const plain = await requestRaw(t.baseUrl, path, { headers: { ...headers, 'accept-encoding': 'identity' } });
    const refused = await requestRaw(t.baseUrl, path, { headers: { ...headers, 'accept-encoding': 'gzip;q=0' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzipped.wire).toString('utf8')).toBe(plain.wire.toString('utf8'));
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(plain.wire.toString('utf8')).toContain('data-testid="product-name"');
    expect(gzipped.headers.get('etag')).toBe(plain.headers.get('etag'));
  });

  it("renders a product page, with the product's own image for the preview", async () => {
    const pomelo = await createProducer(f, admin, {
      product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' }, imageUrl: 'https://example.test/buoi.jpg' },
    });
    await createBatch(f, pomelo.owner, pomelo.product.id, { lotCode: 'PT-9' });
    const { response, html, data } = await openPage(t.baseUrl, `/products/${pomelo.product.id}`);
    expect(response.status).toBe(200);
    expect(html).toContain('<title>Bưởi Phúc Trạch | Nguồn</title>');
    expect(html).toContain('data-testid="product-page"');
    expect(html).toContain('PT-9');
    expect(metaContent(html, 'og:image')).toBe('https://example.test/buoi.jpg');
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    expect(data).toMatchObject({ page: 'product', product: { product: { id: pomelo.product.id } } });
  });

  it('answers an unknown or malformed id with the app and 404, and machines with the error', async () => {
    for (const path of [
      '/batches/00000000-0000-4000-8000-000000000000',
      '/batches/not-a-batch',
      '/products/00000000-0000-4000-8000-000000000000',
    ]) {
      const { response, html, data } = await openPage(t.baseUrl, path);
      expect(response.status).toBe(404);
      expect(html).toContain('<div id="root"></div>');
      expect(data).toBeNull();
    }
    const json = await fetch(`${t.baseUrl}/batches/${oranges.id}`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
  });
});

describe('the consumer pages without the server entry (a development build)', () => {
  let t: TestApp;

  beforeAll(async () => {
    requireWebBuild();
    t = await startTestApp({ web: true, env: { WEB_SSR_DIR: '/nonexistent' } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sends the app for the browser to render, as before', async () => {
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    const grower = await createProducer(f, await createUser(f, { role: 'admin' }));
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const { response, html, data } = await openPage(t.baseUrl, `/batches/${batch.id}`);
    expect(response.status).toBe(200);
    expect(html).toContain('<div id="root"></div>');
    expect(data).toBeNull();
  });
});
