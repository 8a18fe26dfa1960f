import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, jest } from '@jest/globals';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Factory } from '../factories/index.js';
import { httpClient } from './http.js';
import { startTestApp, type TestApp } from './test-app.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

/**
 * Debian's Chromium, or null when this machine has none: browser tests then say so and are
 * skipped, except under CI=true, where a missing browser is a failure.
 */
export function findChromium(): string | null {
  const found = CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
  if (!found) {
    if (process.env.CI === 'true')
      throw new Error("CI=true but no Chromium found: install Debian's chromium (apt-get install -y chromium)");
    console.warn('Browser tests skipped: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH, or apt-get install -y chromium)');
  }
  return found;
}

/**
 * `describe` for tests that need Chromium: `fn` gets its path. Without one the block is skipped
 * (a failure under CI=true, see findChromium).
 */
export function describeWithChromium(name: string, fn: (chromiumPath: string) => void): void {
  // A browser test walks through several pages (a fresh browser's first loads, sign-ins): under a
  // loaded CI one took over 30 s. Each of its steps is still bounded by Playwright's 15 s.
  jest.setTimeout(90_000);
  const chromiumPath = findChromium();
  if (chromiumPath) describe(name, () => fn(chromiumPath));
  else describe.skip(name, () => fn(''));
}

export interface Browser {
  context: BrowserContext;
  /** The tab the browser opened with. */
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile, Vietnamese unless `locale` says otherwise (navigator.language and
 * Accept-Language); `javaScript: false` is a phone that does not run the app (or a link preview).
 */
export async function launchBrowser(
  executablePath: string,
  options: {
    locale?: string;
    /** The device's time zone (an IANA name); the machine's by default. */
    timezoneId?: string;
    mobile?: boolean;
    viewport?: { width: number; height: number };
    javaScript?: boolean;
    /** 'block' the portal's service worker where a test routes pages itself: requests it answers never reach `page.route`. */
    serviceWorkers?: 'allow' | 'block';
    args?: string[];
  } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'nguon-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: options.locale ?? 'vi-VN',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    javaScriptEnabled: options.javaScript ?? true,
    ...(options.serviceWorkers ? { serviceWorkers: options.serviceWorkers } : {}),
    viewport: options.viewport ?? (options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
  // So that a step that never comes fails naming what it waited for, well within Jest's time for
  // the test; more than the 8 s a loaded CI once took to show a form.
  context.setDefaultTimeout(15_000);
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Prints what a page met that no passing step expects (a script error, a server error, a request
 * that failed other than by being cancelled or taken offline, an API answer slower than 5 s): a
 * step that then times out says only what it waited for, and CI keeps no browser to look at.
 */
function reportTrouble(context: BrowserContext): void {
  const say = (what: string) => console.warn(`[browser] ${what}`);
  const watch = (page: Page) => {
    page.on('pageerror', (error) => say(`script error on ${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? '';
      // Cancelled (a page left), or the offline tests' own doing.
      if (failure !== 'net::ERR_ABORTED' && failure !== 'net::ERR_INTERNET_DISCONNECTED')
        say(`${request.method()} ${request.url()} failed: ${failure}`);
    });
    page.on('requestfinished', (request) => {
      const { responseEnd } = request.timing();
      if (new URL(request.url()).pathname.startsWith('/api/') && responseEnd > 5_000)
        say(`${request.method()} ${request.url()} took ${Math.round(responseEnd)} ms`);
    });
    page.on('response', (response) => {
      if (response.status() >= 500) say(`${response.request().method()} ${response.url()} answered ${response.status()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

type LaunchOptions = Parameters<typeof launchBrowser>[1];

export interface BrowserApp {
  t: TestApp;
  f: Factory;
  browser: Browser;
  /** The browser's first tab. */
  page: Page;
  close(): Promise<void>;
}

/** The portal serving the web build, on a fresh database, and a fresh Chromium (see launchBrowser). */
export async function startBrowserApp(chromiumPath: string, options?: LaunchOptions): Promise<BrowserApp> {
  requireWebBuild();
  const t = await startTestApp({ web: true });
  let browser: Browser;
  try {
    browser = await launchBrowser(chromiumPath, options);
  } catch (error) {
    await t.close();
    throw error;
  }
  reportTrouble(browser.context);
  return {
    t,
    f: { http: httpClient(t.baseUrl), testApp: t },
    browser,
    page: browser.page,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** The web build the browser tests serve (TEST_WEB_DIST, else web/dist); without it they cannot run. */
export function requireWebBuild(): void {
  const dist = process.env.TEST_WEB_DIST ?? 'web/dist';
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} is missing: run \`npm run build -w web\` (npm test does)`);
}

/** Signs in, in Vietnamese, on the sign-in page at `url`, or on the one the browser is on (or is sent to). */
export async function signIn(page: Page, user: { email: string; password: string }, url?: string): Promise<void> {
  if (url) await page.goto(url);
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await form.getByLabel('Email', { exact: true }).fill(user.email);
  await form.getByLabel('Mật khẩu', { exact: true }).fill(user.password);
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
  // The header shows the user before the page after sign-in (loaded lazily) is reached; that
  // navigation closes a menu opened meanwhile, so wait until it has happened.
  await page.waitForURL((address) => address.pathname !== '/login');
  await page.getByTestId('user-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-link').waitFor();
}

/**
 * Types a date (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` for a date and time) into the portal's date
 * field that submits as `name`, box by box as a person does.
 */
export async function fillDate(scope: Page | Locator, name: string, value: string): Promise<void> {
  const field = scope.locator(`fieldset:has(> input[type="hidden"][name="${name}"])`);
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value) ?? [];
  if (!year) throw new Error(`fillDate: ${value} is not YYYY-MM-DD[THH:mm]`);
  const parts = { day, month, year, ...(hour ? { hour, minute } : {}) };
  for (const [part, text] of Object.entries(parts)) await field.locator(`.date-field__part--${part} input`).fill(text!);
}
