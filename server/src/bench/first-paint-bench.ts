import { existsSync, readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Logger } from '@nestjs/common';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { DEMO_GTINS, DEMO_LOTS, gtin14 } from '../database/seed/demo-codes.js';
import { seedDemoData } from '../database/seed/demo-seed.js';

/** The issue's throttled phone: a slow 3G-like link and a CPU four times slower than this one. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;
const RUNS = 3;
const GOAL_MS = 2_000;
const BUDGET_KB = 150;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
/** What must be in the first paint: the product, where it comes from, and the recall. */
const CONTENT = ['product-name', 'origin', 'recall-banner'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** P6: the JS and CSS the page's HTML makes the browser fetch at once (scripts, modulepreload, stylesheets), compressed. */
function firstLoadAssets(html: string): { files: number; raw: number; gzip: number; brotli: number } {
  const refs = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  const sizes = { files: refs.size, raw: 0, gzip: 0, brotli: 0 };
  for (const ref of refs) {
    const body = readFileSync(path.join(WEB_DIST, ref));
    sizes.raw += body.length;
    sizes.gzip += gzipSync(body, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return sizes;
}

/** One cold visit (fresh profile: nothing cached) through the Digital Link, throttled. */
async function visit(browser: Browser, link: string): Promise<{ fcp: number; content: number; domContentLoaded: number; load: number; html: string }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    // Notes when each piece of content enters the page, whether the server sent it or the app adds it.
    await page.addInitScript(`(() => {
      const ids = ${JSON.stringify(CONTENT)};
      const seen = (window.__contentSeen = {});
      new MutationObserver(() => {
        for (const id of ids) if (!seen[id] && document.querySelector('[data-testid="' + id + '"]')) seen[id] = performance.now();
      }).observe(document, { childList: true, subtree: true });
    })()`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const response = await page.goto(link, { waitUntil: 'load' });
    const html = (await response?.text()) ?? '';
    // Paint and navigation timings count from the navigation's start, the 307 included.
    // A string: it runs in the page, whose DOM types the server's compiler does not know.
    await page.waitForFunction(
      (count) => Object.keys((globalThis as unknown as { __contentSeen: object }).__contentSeen).length === count,
      CONTENT.length,
      { timeout: 30_000 },
    );
    const timings = await page.evaluate<{ fcp: number; contentInPage: number; domContentLoaded: number; load: number }>(`(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        fcp: fcp ? fcp.startTime : NaN,
        contentInPage: Math.max(...Object.values(window.__contentSeen)),
        domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : NaN,
        load: navigation ? navigation.loadEventEnd : NaN,
      };
    })()`);
    // Content is painted at the first paint that follows its arrival in the page.
    return { ...timings, content: Math.max(timings.fcp, timings.contentInPage), html };
  } finally {
    await context.close();
  }
}

/**
 * First paint with content on a throttled phone: the recalled demo batch opened through its
 * Digital Link (307, then the server-rendered page). Its own portal on an embedded database with
 * the demo data, serving the built web app (the load bench runs without it).
 */
export async function benchFirstPaint(): Promise<void> {
  console.log(`First paint of the recalled demo batch through its Digital Link, ${NETWORK.downloadThroughput * 8 / 1e6} Mbps / ${NETWORK.uploadThroughput * 8 / 1e3} kbps / ${NETWORK.latency} ms RTT, CPU ${CPU_SLOWDOWN}x slower, ${RUNS} cold visits:`);
  if (!existsSync(CHROMIUM)) return void console.log(`  skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return void console.log('  skipped: no web build (npm run build -w web)');
  const port = await freePort();
  const app = await createApp(loadConfig({
    PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, DATA_DIR: 'memory://', SEED_DEMO: 'false',
    WEB_DIST_DIR: WEB_DIST, PUBLIC_RATE_LIMIT: '1000000', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
  }), { logger: false });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    await seedDemoData(app, { log: () => undefined, error: console.error } as unknown as Logger);
    await app.nest.listen({ port, host: '127.0.0.1' });
    const link = `http://127.0.0.1:${port}/01/${gtin14(DEMO_GTINS.honey)}/10/${DEMO_LOTS.honeyRecalled}`;
    await visit(browser, link); // the server renders the page once; later visits get it from its cache
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await visit(browser, link));
    const html = runs[0]!.html;
    const missing = CONTENT.filter((id) => !html.includes(`data-testid="${id}"`));
    const content = median(runs.map((r) => r.content));
    console.table([
      { measure: 'first contentful paint', 'median ms': Math.round(median(runs.map((r) => r.fcp))), runs: runs.map((r) => Math.round(r.fcp)).join(', ') },
      { measure: 'product, origin and recall painted', 'median ms': Math.round(content), runs: runs.map((r) => Math.round(r.content)).join(', ') },
      { measure: 'DOMContentLoaded (app started)', 'median ms': Math.round(median(runs.map((r) => r.domContentLoaded))), runs: runs.map((r) => Math.round(r.domContentLoaded)).join(', ') },
      { measure: 'load', 'median ms': Math.round(median(runs.map((r) => r.load))), runs: runs.map((r) => Math.round(r.load)).join(', ') },
    ]);
    console.log(`  product name, origin and recall warning painted at ${Math.round(content)} ms vs the ${GOAL_MS} ms goal (${content <= GOAL_MS ? 'met' : 'NOT met'}); ${missing.length === 0
      ? 'all three are in the server\'s HTML, so in the first paint'
      : `not in the server's HTML: ${missing.join(', ')}, they wait for the app`}`);
    const assets = firstLoadAssets(html);
    console.log(`  P6, the page's first-load JS + CSS (${assets.files} files): ${kB(assets.raw)} kB raw, ${kB(assets.gzip)} kB gzip, ${kB(assets.brotli)} kB brotli vs the ${BUDGET_KB} kB goal (${assets.brotli <= BUDGET_KB * 1000 ? 'met' : 'NOT met'})`);
  } finally {
    await browser.close();
    await app.close();
  }
}
