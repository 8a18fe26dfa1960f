import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { FlagCounts, UserRole } from '@nguon/shared';
import { createUser, type TestUser } from '../factories/index.js';
import { createOrangeJuiceChain, type OrangeJuiceChain } from '../factories/inspector.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { linksIn, pagesFor, routerPages, walkFrom, type PageEntry } from '../support/navigation.js';
import type { TestApp } from '../support/test-app.js';

const DESKTOP = { width: 1366, height: 768 };
const TABLET = { width: 800, height: 1280 };
const PHONE = { width: 390, height: 844 };

/**
 * Each role's navigation in Chromium: where each lands, what its sections hold, every page of the
 * router reachable from them, and the same sections on a tablet and a phone.
 */
describeWithChromium('navigation by role, on a computer, a tablet and a phone, in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let admin: TestUser;
  let inspector: TestUser;
  let chain: OrangeJuiceChain;
  let pages: PageEntry[];

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { viewport: DESKTOP });
    ({ t, page } = app);
    const { f } = app;
    admin = await createUser(f, { role: 'admin', displayName: 'Quản trị Nguồn' });
    inspector = await createUser(f, { role: 'inspector', displayName: 'Nguyễn Thị Thanh Hương Giang' });
    chain = await createOrangeJuiceChain(f, admin);
    // Two consumers report the oranges: two open flags for the inspector.
    for (const message of ['Cam bị mốc ở cuống', 'Tem QR khác lần trước']) {
      await f.http.post(`/api/public/batches/${chain.oranges.id}/reports`, { category: 'quality', message });
    }
    pages = await routerPages(t);
  });

  afterAll(() => app?.close());

  const openFlags = async () => (await app.f.http.get<FlagCounts>('/api/flags/counts', { token: inspector.token })).body.open;

  /** The links of the role's navigation: its workspace's sections and its account menu. */
  async function navigationLinks(): Promise<string[]> {
    await page.getByTestId('user-menu-button').click();
    const links = await linksIn(page, '[data-testid="workspace-nav"] a[href], [data-testid="user-menu"] a[href]');
    await page.keyboard.press('Escape');
    return links;
  }

  /** Signs in as `user`, signing out whoever is signed in first. */
  async function signInAs(user: TestUser): Promise<void> {
    await page.goto(`${t.baseUrl}/`);
    if (await page.getByTestId('user-menu').count()) await signOut(page);
    await signIn(page, user, `${t.baseUrl}/login`);
  }

  async function expectNoAxeViolations(): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
  }

  it('lands each role on its own workspace after signing in, and at /portal', async () => {
    await signIn(page, inspector, `${t.baseUrl}/login`);
    await page.waitForURL(/\/inspector$/);
    await page.getByTestId('inspector-search-page').waitFor();
    await page.goto(`${t.baseUrl}/portal`);
    await page.waitForURL(/\/inspector$/);
    // The account page no longer invites an inspector to register a business.
    await page.goto(`${t.baseUrl}/account`);
    await page.getByTestId('account-page').waitFor();
    expect(await page.getByTestId('new-business-link').count()).toBe(0);
    await signOut(page);

    await signIn(page, admin, `${t.baseUrl}/login`);
    await page.waitForURL(/\/admin$/);
    await page.getByTestId('admin-page').waitFor();
    await page.goto(`${t.baseUrl}/portal`);
    await page.waitForURL(/\/admin$/);
    await signOut(page);

    await signIn(page, chain.farm.owner, `${t.baseUrl}/login`);
    await page.waitForURL(new RegExp(`/portal/${chain.farm.business.id}$`));
    await page.getByTestId('dashboard').waitFor();
    await signOut(page);
  });

  it("holds search, recalls, flags with the open count, exports, the label check, compliance and the audit log in the inspector's navigation", async () => {
    await signIn(page, inspector, `${t.baseUrl}/login`);
    const nav = page.getByRole('navigation', { name: 'Các mục làm việc' });
    // The count arrives after the navigation is drawn: read the links once it has.
    await nav.getByTestId('nav-flags-badge').waitFor();
    const names = await nav.getByRole('link').allInnerTexts();
    expect(names.map((name) => name.replace(/\s+/g, ' ').trim())).toEqual([
      'Tra cứu',
      'Thu hồi',
      'Cảnh báo 2 (2 cảnh báo mới)',
      'Xuất hồ sơ',
      'Kiểm tra nhãn',
      'Mức tuân thủ',
      'Nhật ký hoạt động',
    ]);
    // The count is the server's, and is read out in words.
    expect(await openFlags()).toBe(2);
    await expect(nav.getByTestId('nav-flags-badge').innerText()).resolves.toBe('2');
    await nav.getByRole('link', { name: 'Cảnh báo (2 cảnh báo mới)' }).waitFor();

    await nav.getByTestId('nav-flags').click();
    await page.waitForURL(/\/inspector\/flags$/);
    const flag = page.locator('[data-testid="flag"][data-kind="consumer_report"]').first();
    await flag.getByLabel('Chuyển sang').selectOption('in_review');
    await flag.getByTestId('flag-save').click();
    await page.locator('[data-testid="flag"][data-status="in_review"]').waitFor();
    // Taken into review: one fewer waiting, at once.
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-flags-badge"]')?.textContent === '1');
    expect(await openFlags()).toBe(1);
    await expect(nav.getByTestId('nav-flags').getAttribute('aria-current')).resolves.toBe('page');
    await expectNoAxeViolations();

    await nav.getByTestId('nav-exports').click();
    await page.waitForURL(/\/inspector\/exports$/);
    await page.getByTestId('exports-page').waitFor();
    await expectNoAxeViolations();
  });

  it('shows a whole name in the header at 1366 px', async () => {
    const name = page.getByTestId('user-menu-button').locator('.user-menu__name');
    await expect(name.innerText()).resolves.toBe('Nguyễn Thị Thanh Hương Giang');
    const cut = await name.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(cut).toBe(false);
  });

  it.each<[string, UserRole, () => TestUser]>([
    ['an inspector', 'inspector', () => inspector],
    ['an administrator', 'admin', () => admin],
    ['a business owner', 'member', () => chain.farm.owner],
  ])(
    "reaches every page of the router for %s from that role's navigation",
    async (_who, role, user) => {
      await signInAs(user());
      await page.getByTestId('workspace-nav').waitFor();
      const wanted = pagesFor(pages, role);
      // Each page in its workspace's frame, checked by axe-core on the way (at 1366 × 768).
      const violations: Record<string, string[]> = {};
      const reached = await walkFrom(page, t.baseUrl, await navigationLinks(), wanted, async (pattern) => {
        const found = await axeViolations(page);
        if (found.length) violations[pattern] = found.map((v) => `${v.id}: ${v.targets.join(', ')}`);
      });
      expect([...reached].sort()).toEqual([...wanted].sort());
      expect(violations).toEqual({});
    },
    180_000,
  );

  it('keeps the sections of a business and the tabs of administration in sight on a tablet', async () => {
    await page.setViewportSize(TABLET);
    await signInAs(chain.farm.owner);
    await page.goto(`${t.baseUrl}/portal/${chain.farm.business.id}`);
    const nav = page.getByTestId('workspace-nav');
    await nav.waitFor();
    // No menu button on a tablet: every section shows, wrapped onto a second line if need be.
    expect(await nav.getByTestId('workspace-nav-toggle').isVisible()).toBe(false);
    await expectAllInView(page, '[data-testid="workspace-nav"] a');
    expect(await nav.getByRole('link').count()).toBe(9);
    await expectNoAxeViolations();
    await signOut(page);

    await signIn(page, admin, `${t.baseUrl}/login`);
    await page.getByTestId('admin-page').waitFor();
    await expectAllInView(page, '[role="tab"]');
    await page.setViewportSize(PHONE);
    await expectAllInView(page, '[role="tab"]');
    await expectAllInView(page, '[data-testid="workspace-nav-toggle"]');
    await expectNoAxeViolations();
    await signOut(page);
  });

  it('opens the sections from a menu button on a phone, with the keyboard too', async () => {
    await page.setViewportSize(PHONE);
    await signInAs(inspector);
    const nav = page.getByRole('navigation', { name: 'Các mục làm việc' });
    const toggle = nav.getByRole('button', { name: /Menu/ });
    await toggle.waitFor();
    await expect(toggle.innerText()).resolves.toContain('Tra cứu');
    expect(await nav.getByRole('link').first().isVisible()).toBe(false);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    const listId = await toggle.getAttribute('aria-controls');
    expect(await page.locator(`[id="${listId}"]`).count()).toBe(1);
    await expectNoAxeViolations();

    // Enter opens the list, Tab walks into it, Escape closes it and gives focus back.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAllInView(page, '[data-testid="workspace-nav"] a');
    await expectNoAxeViolations();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Tra cứu');
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('workspace-nav-toggle');

    // Choosing a section goes there and folds the menu, which then names it.
    await toggle.click();
    await nav.getByTestId('nav-flags').click();
    await page.waitForURL(/\/inspector\/flags$/);
    await page.getByTestId('flags-page').waitFor();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(toggle.innerText()).resolves.toContain('Cảnh báo');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations();
    await signOut(page);

    // A business's sections, the same way.
    await signIn(page, chain.farm.owner, `${t.baseUrl}/login`);
    await page.getByTestId('dashboard').waitFor();
    const portalNav = page.getByRole('navigation', { name: 'Các mục của doanh nghiệp' });
    await portalNav.getByRole('button', { name: /Menu/ }).click();
    await portalNav.getByRole('link', { name: 'Hàng đến' }).click();
    await page.waitForURL(/\/shipments$/);
    // The menu names the section once its page is shown (its code may still be loading at the URL's change).
    await page.getByTestId('shipments-page').waitFor();
    await expect(portalNav.getByRole('button', { name: /Menu/ }).innerText()).resolves.toContain('Hàng đến');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations();
    await signOut(page);
  });

  it('says "1 step forward" in English and "1 bước sau" in Vietnamese on the trace', async () => {
    await page.setViewportSize(DESKTOP);
    await signInAs(inspector);
    await page.goto(`${t.baseUrl}/inspector/batches/${chain.oranges.id}`);
    const juiceRow = page.locator('[data-testid="trace-table"] tr', { hasText: 'JUICE-01' });
    await expect(juiceRow.innerText()).resolves.toContain('1 bước sau');
    await page.getByTestId('lang-toggle').click();
    await expect(juiceRow.innerText()).resolves.toContain('1 step forward');
    await page
      .getByTestId('trace-depth')
      .locator('option', { hasText: /^1 step$/ })
      .waitFor({ state: 'attached' });
    await page.getByTestId('lang-toggle').click();
  });
});

/** Every element of `selector` is on screen, none cut off at the sides, and the page does not scroll sideways. */
async function expectAllInView(page: Page, selector: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const boxes = await page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, right: box.right, width: box.width };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.width).toBeGreaterThan(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}
