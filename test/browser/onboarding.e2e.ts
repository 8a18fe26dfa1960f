import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  createBatch,
  createBusiness,
  createLocation,
  createProduct,
  createUser,
  createVerifiedBusiness,
  makeTaxCode,
  type TestUser,
} from '../factories/index.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * A new co-operative's first days in Chromium: it registers its business and lands on its
 * overview, which lists what to do first; an administrator verifies it (asked to confirm, the count
 * of businesses waiting going down); the owner adds what the list asks until nothing is left.
 */
describeWithChromium("a new business's first steps, and its verification, in Chromium", (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let admin: TestUser;
  let owner: TestUser;
  let businessId = '';
  let productId = '';

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { viewport: DESKTOP });
    ({ t, page } = app);
    admin = await createUser(app.f, { role: 'admin' });
    owner = await createUser(app.f, { displayName: 'Lê Văn Mật' });
    // Two others wait for verification too.
    for (const name of ['Hợp tác xã Mật ong Vũ Quang', 'Trang trại Nấm Can Lộc']) {
      await createBusiness(app.f, await createUser(app.f), { legalName: name });
    }
  });

  afterAll(() => app?.close());

  const steps = () =>
    page
      .getByTestId('onboarding-step')
      .evaluateAll((items) => items.map((item) => `${item.getAttribute('data-step')}:${item.getAttribute('data-done')}`));

  async function expectNoAxeViolations(): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
  }

  it('lands the new owner on the overview after registering the business, its first product the first thing to do', async () => {
    await signIn(page, owner, `${t.baseUrl}/login`);
    await page.getByTestId('new-business-link').click();
    const form = page.getByTestId('business-form');
    await form.locator('[name="legalName"]').fill('Hợp tác xã Mật ong Hương Sơn');
    await form.locator('[name="taxCode"]').fill(makeTaxCode());
    await form.locator('[name="line"]').fill('Thôn Trung Hòa');
    await form.locator('[name="commune"]').fill('Xã Sơn Kim 1');
    await form.locator('[name="province"]').fill('Hà Tĩnh');
    await form.locator('[name="phone"]').fill('0239 3777 888');
    await form.getByTestId('business-submit').click();

    await page.waitForURL(/\/portal\/[^/]+$/);
    businessId = (await page.getByTestId('portal').getAttribute('data-business-id')) ?? '';
    await expect(page.getByTestId('business-created').innerText()).resolves.toContain('hãy thêm sản phẩm đầu tiên');
    const checklist = page.getByTestId('onboarding');
    await checklist.waitFor();
    expect(await steps()).toEqual([
      'register:true',
      'verification:false',
      'product:false',
      'location:false',
      'batch:false',
      'labels:false',
    ]);
    await expect(page.getByTestId('onboarding-progress').innerText()).resolves.toBe('Đã xong 1/6 bước.');
    await expect(checklist.innerText()).resolves.toContain('Quản trị viên đang xem hồ sơ doanh nghiệp');
    // The first step the owner can take is the page's main action.
    const addProduct = checklist.getByRole('link', { name: 'Thêm sản phẩm đầu tiên' });
    await expect(addProduct.getAttribute('class')).resolves.toContain('button--primary');
    // Nothing about API keys or webhooks on the way.
    expect(await page.getByText('Khóa API').count()).toBe(0);
    await expectNoAxeViolations();

    await addProduct.click();
    await page.waitForURL(`**/portal/${businessId}/products/new`);
    productId = (await createProduct(app.f, owner, businessId, { name: { vi: 'Mật ong rừng', en: 'Wild honey' } })).id;
    await createLocation(app.f, owner, businessId, { name: 'Trại ong Sơn Kim' });
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('onboarding').waitFor();
    expect(await steps()).toEqual(['register:true', 'verification:false', 'product:true', 'location:true', 'batch:false', 'labels:false']);
    // Batches wait for the verification, and the list says so.
    expect(await page.getByTestId('onboarding-batch-link').count()).toBe(0);
    await expect(page.getByTestId('onboarding').innerText()).resolves.toContain('Tạo được lô hàng khi doanh nghiệp đã được xác minh.');
    await signOut(page);
  });

  it('asks the administrator to confirm a verification, and counts one fewer waiting, on a phone and on a computer', async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, admin, `${t.baseUrl}/login`);
    await page.getByTestId('admin-page').waitFor();
    const count = page.getByTestId('pending-count');
    await expect(count.innerText()).resolves.toBe('3 doanh nghiệp đang chờ xác minh.');

    const entry = page.locator(`[data-testid="pending-business"][data-business-id="${businessId}"]`);
    await entry.getByTestId('verify-button').click();
    const dialog = page.getByTestId('verify-dialog');
    await expect(dialog.getByRole('heading').innerText()).resolves.toBe('Xác minh Hợp tác xã Mật ong Hương Sơn?');
    await expectNoAxeViolations();
    // Cancelled: nothing happens.
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await entry.getAttribute('data-status')).toBe('pending');
    await expect(count.innerText()).resolves.toBe('3 doanh nghiệp đang chờ xác minh.');

    await entry.getByTestId('verify-button').click();
    await dialog.getByTestId('confirm-button').click();
    await page.locator(`[data-testid="pending-business"][data-business-id="${businessId}"][data-status="verified"]`).waitFor();
    await expect(count.innerText()).resolves.toBe('2 doanh nghiệp đang chờ xác minh.');
    await expectNoAxeViolations();

    await page.setViewportSize(DESKTOP);
    await page.getByTestId('lang-toggle').click();
    await expect(count.innerText()).resolves.toBe('2 businesses awaiting verification.');
    const next = page.locator('[data-testid="pending-business"][data-status="pending"]').first();
    const nextId = await next.getAttribute('data-business-id');
    await next.getByTestId('verify-button').click();
    await dialog.getByTestId('confirm-button').click();
    await page.locator(`[data-testid="pending-business"][data-business-id="${nextId}"][data-status="verified"]`).waitFor();
    await expect(count.innerText()).resolves.toBe('1 business awaiting verification.');
    await expectNoAxeViolations();
    await page.getByTestId('lang-toggle').click();
    await signOut(page);
  });

  it('walks the owner through the first batch and its labels on a phone, then leaves the overview to the work', async () => {
    await page.setViewportSize(PHONE);
    // Signing in again, the owner starts on the overview.
    await signIn(page, owner, `${t.baseUrl}/login`);
    await page.waitForURL(`**/portal/${businessId}`);
    const checklist = page.getByTestId('onboarding');
    await checklist.waitFor();
    expect(await steps()).toEqual(['register:true', 'verification:true', 'product:true', 'location:true', 'batch:false', 'labels:false']);
    const newBatch = checklist.getByRole('link', { name: 'Tạo lô hàng đầu tiên' });
    await expect(newBatch.getAttribute('class')).resolves.toContain('button--primary');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations();
    await newBatch.click();
    await page.waitForURL(`**/portal/${businessId}/batches/new`);
    const batch = await createBatch(app.f, owner, productId, { lotCode: 'MO-HS-01', unit: 'KGM' });

    await page.goto(`${t.baseUrl}/portal/${businessId}`);
    const printLabels = page.getByTestId('onboarding').getByRole('link', { name: 'In tem nhãn QR cho lô hàng' });
    await printLabels.click();
    await page.waitForURL(`**/portal/${businessId}/batches/${batch.id}`);
    const form = page.getByTestId('label-sheet-form');
    await form.getByLabel('Số nhãn', { exact: true }).fill('12');
    await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Tạo PDF nhãn' }).click()]);

    // Every step taken: the overview is the business's again.
    await page.getByTestId('workspace-nav-toggle').click();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-figures').waitFor();
    expect(await page.getByTestId('onboarding').count()).toBe(0);
    await expectNoAxeViolations();
  });

  it('lets a business that only receives goods put the list away, in this browser', async () => {
    await signOut(page);
    const distributor = await createUser(app.f, { displayName: 'Phạm Thu Hà' });
    await createVerifiedBusiness(app.f, distributor, admin, { legalName: 'Công ty Phân phối Nông sản Hồng Lĩnh' });
    await signIn(page, distributor, `${t.baseUrl}/login`);
    await page.getByTestId('onboarding').waitFor();
    await page.getByTestId('onboarding-hide').click();
    expect(await page.getByTestId('onboarding').count()).toBe(0);
    await page.reload();
    await page.getByTestId('dashboard-figures').waitFor();
    expect(await page.getByTestId('onboarding').count()).toBe(0);
  });
});
