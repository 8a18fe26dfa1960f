import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { requestRaw, type RawResponse } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The web build under test (`npm run build -w web`), as test-app.ts finds it. */
const BUILT = path.resolve(new URL('../..', import.meta.url).pathname, process.env.TEST_WEB_DIST ?? 'web/dist');
const BROWSER = 'gzip, deflate, br, zstd';

const varyOf = (response: RawResponse) => (response.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/);

describe('the web app over the wire', () => {
  let t: TestApp;
  let dist: string;
  let shell: Buffer;
  /** The largest script and stylesheet of the build, e.g. `/assets/index-C_cyBIPK.js`. */
  const assets: Record<'js' | 'css', string> = { js: '', css: '' };
  const get = (url: string, headers: Record<string, string> = {}) => requestRaw(t.baseUrl, url, { headers });
  const fileOf = (url: string) => readFileSync(path.join(dist, url));

  beforeAll(async () => {
    // A copy of the build, with two changes: a page shell above the compression threshold (the
    // built one is 804 B, one packet either way; the server-rendered pages are well above), and
    // a source map left behind, which must still not be served.
    dist = mkdtempSync(path.join(os.tmpdir(), 'nguon-dist-'));
    cpSync(BUILT, dist, { recursive: true });
    for (const kind of ['js', 'css'] as const) {
      const files = readdirSync(path.join(dist, 'assets')).filter((file) => file.endsWith(`.${kind}`));
      const largest = files.sort((a, b) => fileOf(`/assets/${b}`).length - fileOf(`/assets/${a}`).length)[0]!;
      assets[kind] = `/assets/${largest}`;
    }
    const built = readFileSync(path.join(dist, 'index.html'), 'utf8');
    shell = Buffer.from(
      built.replace('</body>', `<main>${'<p>Bưởi Phúc Trạch, HTX Bưởi Phúc Trạch Hương Khê, Hà Tĩnh</p>'.repeat(20)}</main></body>`),
    );
    writeFileSync(path.join(dist, 'index.html'), shell);
    writeFileSync(path.join(dist, `${assets.js}.map`), '{"version":3,"sources":["src/main.tsx"],"mappings":""}');
    t = await startTestApp({ web: true, env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  describe.each(['js', 'css'] as const)('a hashed %s asset', (kind) => {
    it.each([
      ['br', 'br'],
      [BROWSER, 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate', 'gzip'],
    ])("goes as the build's precompressed copy to a browser accepting %s (%s), decoding to the file", async (accepted, encoding) => {
      const answer = await get(assets[kind], { 'accept-encoding': accepted });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-encoding')).toBe(encoding);
      expect(answer.wire.equals(fileOf(`${assets[kind]}.${encoding === 'br' ? 'br' : 'gz'}`))).toBe(true);
      expect(answer.body.equals(fileOf(assets[kind]))).toBe(true);
      expect(answer.wire.length).toBeLessThan(answer.body.length / 3);
      expect(answer.headers.get('content-type')).toMatch(kind === 'js' ? /^(text|application)\/javascript/ : /^text\/css/);
      expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(varyOf(answer)).toContain('accept-encoding');
    });

    it('goes as it is to a client that accepts no compression, saying it varies with Accept-Encoding', async () => {
      for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
        const answer = await get(assets[kind], headers);
        expect(answer.headers.get('content-encoding')).toBeNull();
        expect(answer.wire.equals(fileOf(assets[kind]))).toBe(true);
        expect(varyOf(answer)).toContain('accept-encoding');
      }
    });
  });

  it('serves no source map and gives the compressed copies no address of their own', async () => {
    for (const url of [`${assets.js}.map`, `${assets.js}.br`, `${assets.css}.gz`]) {
      expect((await get(url, { 'accept-encoding': BROWSER })).status).toBe(404);
    }
  });

  it('builds no source map and no script that points at one', () => {
    const files = readdirSync(BUILT, { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(readFileSync(path.join(BUILT, script), 'utf8')).not.toContain('sourceMappingURL');
  });

  it('sends a file too small to gain as it is, without compressing it per request', async () => {
    const icon = await get('/favicon.svg', { 'accept-encoding': BROWSER });
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-encoding')).toBeNull();
    expect(icon.wire.equals(fileOf('/favicon.svg'))).toBe(true);
  });

  it.each([
    ['a page of the web app', '/batches/00000000-0000-4000-8000-000000000000', 200],
    ["the resolver's answer for a code it cannot resolve", '/q/0000000000', 404],
  ])('compresses the page shell as %s', async (_what, url, status) => {
    for (const [accepted, encoding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      [BROWSER, 'gzip'],
    ] as const) {
      const page = await get(url, { accept: 'text/html', 'accept-encoding': accepted });
      expect(page.status).toBe(status);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-encoding')).toBe(encoding);
      expect(page.body.equals(shell)).toBe(true);
      expect(varyOf(page)).toContain('accept-encoding');
    }
    const plain = await get(url, { accept: 'text/html' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.wire.equals(shell)).toBe(true);
  });
});
