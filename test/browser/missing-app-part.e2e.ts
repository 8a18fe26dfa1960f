import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeWithChromium, startBrowserApp, type BrowserApp } from '../support/browser.js';

/** The sign-in page's part of the app, fetched the first time the page is visited. */
const SIGN_IN_PART = '**/assets/login-*.js';

describeWithChromium('a part of the app that cannot be fetched (the portal was updated since the tab loaded)', (chromiumPath) => {
  let app: BrowserApp;
  let page: Page;
  /** Documents the tab loaded: the first page, then each reload. */
  let documents = 0;

  beforeAll(async () => {
    // Requests the service worker answers never reach page.route.
    app = await startBrowserApp(chromiumPath, { serviceWorkers: 'block' });
    page = app.page;
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents++;
    });
  });

  afterAll(() => app?.close());

  /** The home page, then the sign-in link, with the sign-in page's part answered 404 its first `times` times. */
  async function openSignInMissing(times: number): Promise<void> {
    await page.unrouteAll();
    let missing = times;
    await page.route(SIGN_IN_PART, (route) => (missing-- > 0 ? route.fulfill({ status: 404, body: 'Not Found' }) : route.fallback()));
    await page.goto(app.t.baseUrl);
    // A tab of its own: what an earlier test's reload noted is not this one's.
    await page.evaluate(() => sessionStorage.clear());
    documents = 1;
    await page.getByTestId('sign-in-link').click();
  }

  it('loads the page again, once, with the files of the build now served', async () => {
    await openSignInMissing(1);
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(documents).toBe(2);
  });

  it('says so, with a button to reload, when the part is still missing after that reload', async () => {
    await openSignInMissing(Number.POSITIVE_INFINITY);
    await page.getByRole('heading', { name: 'Không tải được trang này' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Có thể Nguồn vừa được cập nhật, hoặc mạng vừa bị gián đoạn.');
    // One reload, not a loop: the page is still the message a while later.
    await page.waitForTimeout(1_000);
    expect(documents).toBe(2);

    // The part is back (the network returned): the button loads the page.
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Tải lại trang' }).click();
    await page.getByTestId('login-form').waitFor();
    expect(documents).toBe(3);
  });
});
