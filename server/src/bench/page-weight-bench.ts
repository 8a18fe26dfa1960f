import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEMO_GTINS, DEMO_LOTS, demoDigitalLink } from '../database/seed/demo-codes.js';
import { startDemoPortal, webBuilt } from './demo-portal.js';

/** P6 of issue #11: the JavaScript and CSS of a consumer page's first load, compressed, at most this. */
const BUDGET_BYTES = 150_000;
const PHONE = {
  'user-agent': 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  'accept-encoding': 'br, gzip',
  'accept-language': 'vi-VN,vi;q=0.9',
};

interface Fetched {
  status: number;
  location?: string;
  type: string;
  encoding: string;
  wire: number;
  body: Buffer;
}

/** One GET as the phone sends it, the body counted as it came over the wire, then decoded. */
function fetchAsPhone(url: string, accept: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { ...PHONE, accept } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'] ?? 'identity';
        const body = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          type: response.headers['content-type'] ?? '',
          encoding,
          wire: wire.length,
          body,
        });
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** What the page's HTML makes the browser fetch before anything runs: scripts, module preloads, stylesheets. */
function referencedByPage(html: string): { href: string; kind: 'js' | 'css' }[] {
  const found: { href: string; kind: 'js' | 'css' }[] = [];
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.push({ href: src!, kind: 'js' });
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && rel === 'modulepreload') found.push({ href, kind: 'js' });
    if (href && rel === 'stylesheet') found.push({ href, kind: 'css' });
  }
  return found;
}

/** The static imports of a built module (`import{a}from"./x.js"`, `import"./y.js"`, `export*from…`); `import()` is left for later. */
function staticImportsOf(code: string): string[] {
  return [...code.matchAll(/(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']((?:\.{1,2})?\/[^"']+)["']/g)].map(
    (match) => match[1]!,
  );
}

/**
 * P6: a phone opens the pomelo demo code (the resolver's 307, then the page) and loads what the
 * page needs before it can run: every script, module preload and stylesheet in its HTML, and the
 * static imports of those scripts, recursively. Bytes are bodies as sent for `Accept-Encoding: br,
 * gzip`, from the demo portal: the page is the one a shopper gets.
 */
export async function benchPageWeight(): Promise<void> {
  if (!webBuilt()) {
    console.log('Page weight (P6): skipped, web/dist is not built (npm run build -w web).');
    return;
  }
  const { origin, close } = await startDemoPortal();
  try {
    const scan = await fetchAsPhone(demoDigitalLink(DEMO_GTINS.pomelo, DEMO_LOTS.pomelo, origin), 'text/html');
    if (scan.status !== 307 || !scan.location) throw new Error(`bench page weight: the scan answered ${scan.status}`);
    const pageUrl = new URL(scan.location, origin);
    pageUrl.hash = '';
    const page = await fetchAsPhone(pageUrl.href, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    if (page.status !== 200) throw new Error(`bench page weight: the page answered ${page.status}`);

    const rows = [
      { file: pageUrl.pathname, kind: 'html', encoding: page.encoding, 'wire bytes': page.wire, 'raw bytes': page.body.length },
    ];
    const queue = referencedByPage(page.body.toString('utf8')).map((ref) => ({ url: new URL(ref.href, pageUrl).href, kind: ref.kind }));
    const seen = new Set<string>();
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next.url)) continue;
      seen.add(next.url);
      const file = await fetchAsPhone(next.url, next.kind === 'css' ? 'text/css,*/*;q=0.1' : '*/*');
      if (file.status !== 200) throw new Error(`bench page weight: ${next.url} answered ${file.status}`);
      rows.push({
        file: new URL(next.url).pathname,
        kind: next.kind,
        encoding: file.encoding,
        'wire bytes': file.wire,
        'raw bytes': file.body.length,
      });
      if (next.kind === 'js')
        queue.push(
          ...staticImportsOf(file.body.toString('utf8')).map((href) => ({ url: new URL(href, next.url).href, kind: 'js' as const })),
        );
    }

    const assets = rows.filter((row) => row.kind !== 'html');
    const wire = assets.reduce((sum, row) => sum + row['wire bytes'], 0);
    const raw = assets.reduce((sum, row) => sum + row['raw bytes'], 0);
    const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
    console.log(
      'Page weight (P6): first load of the pomelo batch page as a phone (Accept-Encoding: br, gzip), HTML then every script, module preload, stylesheet and static import:',
    );
    console.table(rows);
    console.log(
      `JS + CSS on the wire: ${kB(wire)} (uncompressed ${kB(raw)}, ${assets.length} files) against the budget of ${kB(BUDGET_BYTES)}: ${wire <= BUDGET_BYTES ? 'within' : `over by ${kB(wire - BUDGET_BYTES)}`}.`,
    );
  } finally {
    await close();
  }
}
