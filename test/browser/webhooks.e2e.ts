import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { CreatedWebhook } from '@nguon/shared';
import { createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { describeWithChromium, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { sql } from '../support/db.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium('an owner manages webhooks on the business settings page, in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let farm: Producer;
  let f: Factory;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath);
    ({ t, f, page } = app);
    farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    await signIn(page, farm.owner, `${t.baseUrl}/login`);
  });

  afterAll(() => app?.close());

  const deliveries = async () => {
    const rows = page.getByTestId('webhook-delivery');
    await rows.first().waitFor();
    return Promise.all((await rows.all()).map(async (row) => [await row.getAttribute('data-status'), await row.innerText()]));
  };

  it("refuses the portal's own address under the URL field, and shows delivered, refused and failed, never the receiver's status", async () => {
    await page.goto(`${t.baseUrl}/businesses/${farm.business.id}/settings`);
    const card = page.getByTestId('webhooks');
    await card.getByLabel('Địa chỉ nhận (URL)').fill(`${t.baseUrl}/api/health`);
    await card.getByRole('button', { name: 'Thêm webhook' }).click();
    await expect(
      card
        .getByText('127.0.0.1 là chính máy chủ của hệ thống (loopback): hệ thống chỉ gọi tới địa chỉ Internet công khai.')
        .first()
        .waitFor({ timeout: 5000 }),
    ).resolves.toBeUndefined();
    expect(await sql(t, `SELECT count(*)::int AS n FROM webhooks WHERE url LIKE 'http://127.0.0.1%'`)).toEqual([{ n: 0 }]);

    // Three webhooks to public addresses, one delivery each in every state the owner can see.
    // They are written as already tried, so nothing is ever sent to those addresses.
    const states = [
      ['http://93.184.215.14/delivered', `'delivered', now()`],
      ['http://93.184.215.15/refused', `'refused', NULL`],
      ['http://93.184.215.16/failed', `'pending', NULL`],
    ];
    for (const [url, values] of states) {
      const hook = await f.http.post<CreatedWebhook>(`/api/businesses/${farm.business.id}/webhooks`, { url }, { token: farm.owner.token });
      expect(hook.status).toBe(201);
      await sql(
        t,
        `INSERT INTO webhook_deliveries (webhook_id, event_type, payload, attempts, last_status, last_attempt_at, next_attempt_at, status, delivered_at)
                    VALUES ($1, 'recall.created', '{}', 1, 503, now(), now() + interval '1 hour', ${values})`,
        [hook.body.id],
      );
    }
    await page.reload();

    const vi = Object.fromEntries(await deliveries());
    expect(Object.keys(vi).sort()).toEqual(['delivered', 'failed', 'refused']);
    expect(vi.delivered).toMatch(/^Lần gửi gần nhất: đã gửi, .+, lần thử thứ 1\.$/);
    expect(vi.refused).toMatch(/^Lần gửi gần nhất: bị từ chối, /);
    expect(vi.failed).toMatch(/^Lần gửi gần nhất: thất bại, .+ Sẽ thử lại lúc /);
    expect(await card.innerText()).toContain('Hãy gỡ webhook này và thêm một địa chỉ Internet công khai.');
    expect(await card.innerText()).not.toContain('503');

    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = Object.fromEntries(await deliveries());
    expect(en.delivered).toMatch(/^Last delivery: delivered, .+, attempt 1\.$/);
    expect(en.refused).toMatch(/^Last delivery: refused, /);
    expect(en.failed).toMatch(/^Last delivery: failed, .+ Will try again at /);
    expect(await card.innerText()).toContain('Remove this webhook and add a public internet address.');
  });
  it('offers the daily checkpoint of the transparency log beside the recalls, and lists what each webhook hears of, in both languages', async () => {
    await page.goto(`${t.baseUrl}/businesses/${farm.business.id}/settings`);
    const card = page.getByTestId('webhooks');
    await card.waitFor();
    // The test before left the page in English.
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'vi') {
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'vi');
    }
    const choice = (name: RegExp) => card.getByRole('checkbox', { name });
    // Recalls unless the owner says otherwise.
    expect(await choice(/^Lô bị thu hồi/).isChecked()).toBe(true);
    expect(await choice(/^Lệnh thu hồi được gỡ/).isChecked()).toBe(true);
    expect(await choice(/^Điểm kiểm hằng ngày của sổ minh bạch/).isChecked()).toBe(false);
    await choice(/^Lô bị thu hồi/).uncheck();
    await choice(/^Lệnh thu hồi được gỡ/).uncheck();
    await card.getByText('Chọn ít nhất một loại tin.').waitFor({ timeout: 5000 });
    await choice(/^Điểm kiểm hằng ngày của sổ minh bạch/).check();
    await card.getByLabel('Địa chỉ nhận (URL)').fill('http://93.184.215.17/checkpoints');
    await card.getByRole('button', { name: 'Thêm webhook' }).click();
    await card.getByTestId('webhook-secret').waitFor({ timeout: 5000 });
    expect(await sql(t, `SELECT events FROM webhooks WHERE url = 'http://93.184.215.17/checkpoints'`)).toEqual([
      { events: ['log.checkpoint'] },
    ]);
    const row = card.getByTestId('webhook-row').filter({ hasText: 'http://93.184.215.17/checkpoints' });
    expect(await row.getByTestId('webhook-events').innerText()).toBe('Điểm kiểm hằng ngày của sổ minh bạch');

    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await row.getByTestId('webhook-events').innerText()).toBe('The transparency log’s daily checkpoint');
    expect(await choice(/^The transparency log’s daily checkpoint/).isChecked()).toBe(false);
    expect(await choice(/^Batch recalled/).isChecked()).toBe(true);
  });
});
