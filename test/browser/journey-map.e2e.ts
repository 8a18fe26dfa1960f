import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchView } from '@nguon/shared';
import {
  createBatch,
  createLocation,
  createProduct,
  createProducer,
  createUser,
  recordProcessing,
  recordStage,
  type Factory,
  type Producer,
} from '../factories/index.js';
import { describeWithChromium, launchBrowser, requireWebBuild } from '../support/browser.js';
import { httpClient } from '../support/http.js';
import { freePort, startTestApp, type TestApp } from '../support/test-app.js';
import { startTileServer, type TileServer } from '../support/tile-server.js';

/** Orange juice pressed in Vinh from oranges of a Hương Sơn garden: its journey on a map. */
async function journeyOfJuice(t: TestApp): Promise<BatchView> {
  const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
  const admin = await createUser(f, { role: 'admin' });
  const grower: Producer = await createProducer(f, admin, { product: { name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' } } });
  const garden = await createLocation(f, grower.owner, grower.business.id, {
    name: 'Vườn cam Sơn Trung',
    latitude: 18.52,
    longitude: 105.4,
  });
  const factory = await createLocation(f, grower.owner, grower.business.id, {
    kind: 'factory',
    name: 'Xưởng ép Vinh',
    latitude: 18.68,
    longitude: 105.68,
  });
  const oranges = await createBatch(f, grower.owner, grower.product.id, { originLocationId: garden.id });
  await recordStage(f, grower.owner, oranges.id, { stage: 'harvesting', locationId: garden.id, quantity: 500 });
  const juiceProduct = await createProduct(f, grower.owner, grower.business.id, {
    name: { vi: 'Nước cam ép', en: 'Orange juice' },
    unit: 'LTR',
  });
  const juice = await createBatch(f, grower.owner, juiceProduct.id, { unit: 'LTR', quantity: 300, originLocationId: factory.id });
  await recordProcessing(f, grower.owner, {
    inputs: [{ batchId: oranges.id, quantity: 500, unit: 'KGM' }],
    outputs: [{ batchId: juice.id, quantity: 300, unit: 'LTR' }],
    locationId: factory.id,
  });
  return juice;
}

describeWithChromium('the journey map', (chromiumPath) => {
  let tiles: TileServer;

  beforeAll(async () => {
    requireWebBuild();
    tiles = await startTileServer();
  });
  afterAll(async () => tiles?.close());

  /** The juice's page on a phone; `before` routes its requests (the service worker, which would answer them instead, is then blocked). */
  async function openJuice(tileUrl: string, before?: (page: Page) => Promise<unknown>) {
    const t = await startTestApp({ web: true, env: { MAP_TILE_URL: tileUrl } });
    const juice = await journeyOfJuice(t);
    const browser = await launchBrowser(chromiumPath, { mobile: true, ...(before ? { serviceWorkers: 'block' as const } : {}) });
    await before?.(browser.page);
    await browser.page.goto(`${t.baseUrl}/batches/${juice.id}`);
    const places = browser.page.getByTestId('journey-places');
    return {
      t,
      browser,
      page: browser.page,
      places,
      close: async () => {
        await browser.close();
        await t.close();
      },
    };
  }

  it("draws the garden and the press on the operator's tiles, numbered as in the list, sources first", async () => {
    const { page, places, close } = await openJuice(tiles.url);
    try {
      await page.locator('.journey-marker').nth(1).waitFor();
      await page.locator('.leaflet-tile-loaded').first().waitFor();
      expect(await page.locator('.journey-marker').allTextContents()).toEqual(['1', '2']);
      expect(await page.locator('.journey-marker').evaluateAll((markers) => markers.map((m) => m.getAttribute('title')))).toEqual([
        '1. Vườn cam Sơn Trung',
        '2. Xưởng ép Vinh',
      ]);
      const listed = await places.locator('li > strong').allTextContents();
      expect(listed).toEqual(['Vườn cam Sơn Trung', 'Xưởng ép Vinh']);
      expect(tiles.requests.length).toBeGreaterThan(0);
      expect(await page.getByTestId('journey-map-failed').count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('keeps the list and says the map could not load when no tile arrives', async () => {
    const closedPort = await freePort();
    const { page, places, close } = await openJuice(`http://127.0.0.1:${closedPort}/{z}/{x}/{y}.png`);
    try {
      await page.getByTestId('journey-map-failed').waitFor();
      expect(await places.locator('li > strong').allTextContents()).toEqual(['Vườn cam Sơn Trung', 'Xưởng ép Vinh']);
    } finally {
      await close();
    }
  });

  it("keeps the page and its list, and says the map could not load, when the map's code cannot be fetched", async () => {
    const tilesBefore = tiles.requests.length;
    const { page, places, close } = await openJuice(tiles.url, (page) =>
      page.route('**/assets/journey-map-view-*.js', (route) => route.fulfill({ status: 404, body: 'Not Found' })),
    );
    try {
      await page.getByTestId('journey-map-failed').waitFor();
      expect(await places.locator('li > strong').allTextContents()).toEqual(['Vườn cam Sơn Trung', 'Xưởng ép Vinh']);
      expect(await page.getByTestId('timeline').count()).toBe(1);
      expect(tiles.requests.length).toBe(tilesBefore);
    } finally {
      await close();
    }
  });

  it("lists the places in the server's HTML, for a phone that runs no JavaScript", async () => {
    const t = await startTestApp({ web: true, env: { MAP_TILE_URL: tiles.url } });
    try {
      const juice = await journeyOfJuice(t);
      const html = await (await fetch(`${t.baseUrl}/batches/${juice.id}`, { headers: { accept: 'text/html' } })).text();
      expect(html).toContain('data-testid="journey-places"');
      expect(html.indexOf('Vườn cam Sơn Trung')).toBeLessThan(html.lastIndexOf('Xưởng ép Vinh'));
    } finally {
      await t.close();
    }
  });
});
