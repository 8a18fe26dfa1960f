import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, recordStage, type Producer } from '../factories/index.js';
import { behindTheAppsBack } from '../factories/inspector.js';
import { declareWrong, unsignedLabel, vietnamDate } from '../factories/lots.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium("a business's dashboard and batches in Chromium", (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let coop: Producer;
  /** Registered 45 days ago and untouched since: the dashboard asks about it. */
  let quiet: BatchView;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, page } = app);
    const { f } = app;
    const admin = await createUser(f, { role: 'admin' });
    coop = await createProducer(f, admin, {
      business: { legalName: 'HTX Bưởi Phúc Trạch' },
      location: { name: 'Vườn bưởi Phúc Trạch' },
      product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' }, shelfLifeDays: 60, unit: 'KGM' },
    });
    quiet = await createBatch(f, coop.owner, coop.product.id, {
      lotCode: 'PT-CU-01',
      productionDate: vietnamDate(-45),
      expiryDate: undefined,
    });
    // Registered 45 days ago: the clock cannot be moved, its rows can.
    await behindTheAppsBack(app.t, [
      `UPDATE events SET record_time = now() - interval '45 days', event_time = now() - interval '45 days'
        WHERE id IN (SELECT event_id FROM event_batches WHERE batch_id = '${quiet.id}')`,
      `UPDATE batches SET created_at = now() - interval '45 days' WHERE id = '${quiet.id}'`,
    ]);
    // A harvest recorded on it by mistake and declared wrong: it does not count as activity.
    const harvest = await recordStage(f, coop.owner, quiet.id, { stage: 'harvesting', quantity: 300 });
    await declareWrong(f, coop.owner, harvest.id, 'Ghi nhầm lô');
  });

  afterAll(() => app?.close());

  it('lands the owner on the dashboard after signing in, showing the quiet batch to look at', async () => {
    await signIn(page, coop.owner, `${t.baseUrl}/login`);
    await page.waitForURL(`**/portal/${coop.business.id}`);

    const item = page.locator('[data-testid="attention-item"][data-kind="stale"]');
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain('Lô PT-CU-01 (Bưởi Phúc Trạch) chưa có công đoạn nào trong 45 ngày');
    await expect(page.getByTestId('count-open-batches').innerText()).resolves.toBe('1');
    await item.click();
    await page.waitForURL(`**/portal/${coop.business.id}/batches/${quiet.id}`);
    await expect(page.getByTestId('fact-lot-code').innerText()).resolves.toBe('PT-CU-01');

    // The mistaken harvest stays in the records, struck through, with the reason given.
    const wrong = page.locator('[data-testid="batch-event"][data-stage="harvesting"]');
    await wrong.waitFor();
    expect(await wrong.getAttribute('data-declared-wrong')).toBe('true');
    await expect(wrong.getByTestId('declaration-reason').innerText()).resolves.toBe('Lý do: Không xảy ra: Ghi nhầm lô');
    await expect(wrong.locator('h3').evaluate((title) => getComputedStyle(title).textDecorationLine)).resolves.toBe('line-through');
    await expect(wrong.innerText()).resolves.toContain('300 kg');
  });

  it('creates a batch from a lot name with diacritics and spaces by taking the suggested lot code', async () => {
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}`);
    await page.getByTestId('quick-actions').getByTestId('new-batch-link').click();
    await page.waitForURL(`**/portal/${coop.business.id}/batches/new`);
    const form = page.getByTestId('batch-form');
    // The only product is chosen already; its unit and shelf life fill the rest.
    await expect(form.locator('[name="productId"]').inputValue()).resolves.toBe(coop.product.id);
    await expect(form.locator('[name="productionDate"]').inputValue()).resolves.toBe(vietnamDate());
    await expect(form.locator('[name="expiryDate"]').inputValue()).resolves.toBe(vietnamDate(60));

    await form.getByTestId('lot-code-input').fill('Bưởi vụ đông 01');
    await expect(form.innerText()).resolves.toContain('Số lô không được có khoảng trắng, chữ có dấu');
    const suggestion = form.getByTestId('lot-code-suggestion');
    await expect(suggestion.innerText()).resolves.toContain('BUOI-VU-DONG-01');
    await suggestion.getByTestId('lot-code-accept').click();
    await expect(form.getByTestId('lot-code-input').inputValue()).resolves.toBe('BUOI-VU-DONG-01');
    await expect(form.locator('[name="displayName"]').inputValue()).resolves.toBe('Bưởi vụ đông 01');
    await expect(form.innerText()).resolves.toContain('Số lô hợp lệ (15/20 ký tự)');
    expect(await form.getByTestId('lot-code-suggestion').count()).toBe(0);
    await form.locator('[name="quantity"]').fill('500');
    await form.locator('[name="originLocationId"]').selectOption(coop.location.id);
    await form.getByTestId('batch-submit').click();

    await page.waitForURL(new RegExp(`/portal/${coop.business.id}/batches/[0-9a-f-]{36}$`));
    const batch = page.getByTestId('portal-batch');
    await batch.waitFor();
    await expect(page.getByTestId('fact-lot-code').innerText()).resolves.toBe('BUOI-VU-DONG-01');
    await expect(page.getByTestId('fact-display-name').innerText()).resolves.toBe('Bưởi vụ đông 01');
    await expect(page.getByTestId('fact-product').innerText()).resolves.toBe('Bưởi Phúc Trạch');
    await expect(page.getByTestId('fact-quantity').innerText()).resolves.toBe('500 kg');
    const identityUrl = await page.getByTestId('identity-url').innerText();
    expect(unsignedLabel(identityUrl)).toBe(
      `${t.baseUrl}/01/${coop.product.gtin}/10/BUOI-VU-DONG-01?17=${vietnamDate(60).slice(2).replaceAll('-', '')}`,
    );

    const commissioning = page.locator('[data-testid="batch-event"][data-stage="registration"]');
    await commissioning.waitFor();
    await expect(commissioning.innerText()).resolves.toContain('Tạo lô hàng');
    await expect(commissioning.innerText()).resolves.toContain('Vườn bưởi Phúc Trạch');
    await expect(commissioning.innerText()).resolves.toContain('HTX Bưởi Phúc Trạch');
    await page.locator('[data-testid="records-verified"][data-verified="true"]').waitFor();

    // The new batch heads the business's list.
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches`);
    await expect(page.getByTestId('batch-row').first().getAttribute('data-lot-code')).resolves.toBe('BUOI-VU-DONG-01');
  });

  it("puts the server's complaint about a lot code already used on the lot code field", async () => {
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches/new?productId=${coop.product.id}`);
    const form = page.getByTestId('batch-form');
    // Typed once the product has filled the form (its expiry date last): typed earlier, the lot code could go unsent.
    await page.waitForFunction((productId) => {
      const field = (name: string) => document.querySelector<HTMLInputElement>(`[data-testid="batch-form"] [name="${name}"]`)?.value;
      return field('productId') === productId && Boolean(field('expiryDate'));
    }, coop.product.id);
    await form.getByTestId('lot-code-input').fill('PT-CU-01');
    await form.getByTestId('batch-submit').click();
    const lotCode = form.getByTestId('lot-code-input');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'lotCode');
    expect(await lotCode.getAttribute('aria-invalid')).toBe('true');
    const described = (await lotCode.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(described.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(messages).toContain('Sản phẩm này đã có lô với số lô này. Hãy chọn số lô khác.');
    expect(new URL(page.url()).pathname).toBe(`/portal/${coop.business.id}/batches/new`);
  });

  it('finds batches by a name typed without diacritics', async () => {
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches`);
    await page.getByTestId('batch-row').first().waitFor();
    expect(await page.getByTestId('batch-row').count()).toBe(2);
    await page.getByRole('search').getByLabel('Tìm theo số lô, tên lô hoặc tên sản phẩm').fill('vu dong');
    await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="batch-row"]').length === 1);
    await expect(page.getByTestId('batch-row').getAttribute('data-lot-code')).resolves.toBe('BUOI-VU-DONG-01');
  });

  it('lets the owner recall its own batch, which the consumer page then shows', async () => {
    await page.goto(`${t.baseUrl}/portal/${coop.business.id}/batches/${quiet.id}`);
    const card = page.getByTestId('owner-recall');
    await card.getByTestId('recall-batch').click();
    const dialog = page.getByTestId('recall-dialog');
    await dialog.getByRole('radio', { name: /^Mức III:/ }).check();
    await dialog.getByTestId('recall-category').selectOption('mislabelling');
    await dialog.getByTestId('recall-reason').fill('Nhãn in sai hạn sử dụng');
    await dialog.getByTestId('recall-confirm').click();
    await card.getByTestId('lift-recall').waitFor();

    await page.goto(`${t.baseUrl}/batches/${quiet.id}`);
    const banner = page.getByTestId('recall-banner');
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toContain('Nhãn in sai hạn sử dụng');
    await expect(page.getByTestId('recall-severity').innerText()).resolves.toContain('Mức III');
  });
});
