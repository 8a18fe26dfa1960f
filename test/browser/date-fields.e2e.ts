import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createBatch, createProducer, createUser, type Producer } from '../factories/index.js';
import { vietnamDate } from '../factories/lots.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, fillDate, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Dates are typed day, month, year in the app's language whatever the browser's: an en-US
 * browser in New York showed the native picker's 12/04/2026 01:27 PM on a Vietnamese page.
 */
describeWithChromium('date fields in the portal in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let coop: Producer;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { locale: 'en-US', timezoneId: 'America/New_York' });
    ({ t, page } = app);
    coop = await createProducer(app.f, await createUser(app.f, { role: 'admin' }), {
      product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' }, shelfLifeDays: 60, unit: 'KGM' },
    });
    // The browser asks for English; this person reads the portal in Vietnamese.
    await page.goto(`${t.baseUrl}/login`);
    await page.getByTestId('login-form').waitFor();
    if ((await page.locator('html').getAttribute('lang')) !== 'vi') await page.getByTestId('lang-toggle').click();
    await signIn(page, coop.owner);
    await page.waitForURL(`**/portal/${coop.business.id}`);
  });

  afterAll(() => app?.close());

  it.each([
    ['desktop', { width: 1366, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ])("takes day, month and year in the page's language, not the browser's, and says what is wrong (%s)", async (_, size) => {
    await page.setViewportSize(size);
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches/new`);
    const form = page.getByTestId('batch-form');
    await form.waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');

    expect(await form.locator('input[type="date"], input[type="datetime-local"]').count()).toBe(0);
    const production = form.locator('fieldset:has(> input[name="productionDate"])');
    await expect(production.locator('legend').innerText()).resolves.toContain('Ngày sản xuất');
    const [year, month, day] = vietnamDate().split('-');
    // Today in Vietnam, though it may still be yesterday in New York.
    await expect(production.getByLabel('Ngày', { exact: true }).inputValue()).resolves.toBe(day);
    await expect(production.getByLabel('Tháng', { exact: true }).inputValue()).resolves.toBe(month);
    await expect(production.getByLabel('Năm', { exact: true }).inputValue()).resolves.toBe(year);
    await expect(production.getByLabel('Ngày', { exact: true }).getAttribute('inputmode')).resolves.toBe('numeric');

    const expiry = form.locator('fieldset:has(> input[name="expiryDate"])');
    await fillDate(form, 'expiryDate', '2027-02-31');
    await expiry.getByLabel('Năm', { exact: true }).blur();
    await expect(expiry.locator('.field__error').innerText()).resolves.toContain('Ngày chưa đúng');
    await expect(form.locator('[name="expiryDate"]').inputValue()).resolves.toBe('');

    await fillDate(form, 'expiryDate', '2020-01-15');
    await expect(expiry.locator('.field__error').innerText()).resolves.toMatch(/Không được trước \d{2}\/\d{2}\/\d{4}/);
    await fillDate(form, 'expiryDate', '2030-01-15');
    expect(await expiry.locator('.field__error').count()).toBe(0);
    await expect(form.locator('[name="expiryDate"]').inputValue()).resolves.toBe('2030-01-15');

    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads the same field in English when the page is in English', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches/new`);
    const form = page.getByTestId('batch-form');
    await form.waitFor();
    if ((await page.locator('html').getAttribute('lang')) !== 'en') await page.getByTestId('lang-toggle').click();
    const production = form.locator('fieldset:has(> input[name="productionDate"])');
    await expect(production.getByLabel('Day', { exact: true }).inputValue()).resolves.toBe(vietnamDate().slice(8));
    await fillDate(form, 'productionDate', '2026-13-01');
    await production.getByLabel('Year', { exact: true }).blur();
    await expect(production.locator('.field__error').innerText()).resolves.toContain('Not a date yet');
  });

  it("takes a stage's time as day, month, year, hour and minute in Vietnam's time, saying a future time is refused", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const batch = await createBatch(app.f, coop.owner, coop.product.id, { originLocationId: coop.location.id });
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches/${batch.id}`);
    if ((await page.locator('html').getAttribute('lang')) !== 'vi') await page.getByTestId('lang-toggle').click();
    await page.getByTestId('record-harvesting').click();
    const form = page.getByTestId('stage-form');
    await form.waitFor();
    const time = form.locator('fieldset:has(> input[name="eventTime"])');
    await expect(time.innerText()).resolves.toContain('giờ Việt Nam (GMT+7)');
    // Now in Vietnam, though the device is in New York: 24-hour, no AM/PM.
    const now = await form.locator('input[name="eventTime"]').inputValue();
    expect(now.slice(0, 10)).toBe(vietnamDate());
    await expect(time.getByLabel('Giờ', { exact: true }).inputValue()).resolves.toBe(now.slice(11, 13));
    await fillDate(form, 'eventTime', `${Number(vietnamDate().slice(0, 4)) + 1}${vietnamDate().slice(4)}T08:30`);
    await time.getByLabel('Phút', { exact: true }).blur();
    await expect(time.locator('.field__error').innerText()).resolves.toMatch(/^Không được sau \d{2}:\d{2}, \d{2}\/\d{2}\/\d{4} \(GMT\+7\)/);
    await fillDate(form, 'eventTime', `${vietnamDate(-1)}T25:10`);
    await expect(time.locator('.field__error').innerText()).resolves.toContain('Thời điểm chưa đúng');
    await fillDate(form, 'eventTime', `${vietnamDate(-1)}T07:05`);
    expect(await time.locator('.field__error').count()).toBe(0);
    await expect(form.locator('input[name="eventTime"]').inputValue()).resolves.toBe(`${vietnamDate(-1)}T07:05`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
