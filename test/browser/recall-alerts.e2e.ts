import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createUser, type Factory, type TestUser } from '../factories/index.js';
import { createOrangeJuiceChain } from '../factories/inspector.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { countRows, sql } from '../support/db.js';
import type { TestApp } from '../support/test-app.js';

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, lot: 'CAM-DT-01' },
  { name: 'phone', viewport: { width: 390, height: 844 }, lot: 'CAM-PH-01' },
] as const;

/**
 * A recall as the people it concerns live it: the inspector chooses the class deliberately and sees
 * whom it reaches before confirming; the shop that holds juice made from the recalled oranges finds
 * the alert first on its overview and acknowledges it; the inspector sees the acknowledgement; a
 * consumer holding the juice can call its producer from the banner.
 */
describeWithChromium('a recall from the dialog to the business alert and back, in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let f: Factory;
  let page: Page;
  let admin: TestUser;
  let inspector: TestUser;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { viewport: { width: 1366, height: 768 } });
    ({ t, f, page } = app);
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector', displayName: 'Thanh tra Hà Tĩnh' });
  });

  afterAll(() => app?.close());

  const noViolations = async (where: string) => expect([where, await axeViolations(page)]).toEqual([where, []]);

  for (const { name, viewport, lot } of VIEWPORTS) {
    it(`at ${name} width: class chosen deliberately, reach before confirming, the shop's alert acknowledged, seen by the inspector`, async () => {
      await page.setViewportSize(viewport);
      // Whatever an earlier run left: nobody signed in.
      await page.goto(`${t.baseUrl}/`);
      await page.evaluate(() => localStorage.clear());
      const chain = await createOrangeJuiceChain(f, admin, lot);

      // The inspector opens the dialog: the reach is listed before anything is confirmed.
      await signIn(page, inspector, `${t.baseUrl}/login`);
      await page.goto(`${t.baseUrl}/inspector/batches/${chain.oranges.id}`);
      await page.getByTestId('recall-batch').click();
      const dialog = page.getByTestId('recall-dialog');
      const reach = dialog.getByTestId('recall-reach-businesses');
      await reach.waitFor();
      const businesses = await reach.locator('li').allInnerTexts();
      expect(businesses).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Cửa hàng Thực phẩm Sạch Hà Nội: JUICE-01$/),
          expect.stringMatching(new RegExp(`^Công ty Nước ép Đồng Lộc: (${lot}, JUICE-01|JUICE-01, ${lot})$`)),
          expect.stringMatching(new RegExp(`^Hợp tác xã Cam Hương Khê: ${lot}$`)),
        ]),
      );
      expect(await dialog.getByTestId('recall-reach-batches').innerText()).toContain('JUICE-01');
      expect(await dialog.getByTestId('recall-reach-summary').innerText()).toBe('Số lô bị thu hồi: 2 · số doanh nghiệp được báo: 3');

      // No class is preselected, and confirming without one says so and sends nothing.
      expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(0);
      await dialog.getByLabel('Loại vấn đề').selectOption('contamination');
      await dialog.getByLabel('Chi tiết lý do').fill('Phát hiện Salmonella trong mẫu kiểm nghiệm.');
      await dialog.getByTestId('recall-confirm').click();
      await dialog.getByText('Hãy chọn mức độ thu hồi.').waitFor();
      await expect(dialog.getByText('Chưa thu hồi: hãy hoàn tất các mục được đánh dấu ở trên.').isVisible()).resolves.toBe(true);
      expect(await dialog.getByRole('group', { name: 'Mức độ' }).getAttribute('aria-invalid')).toBe('true');
      expect(await countRows(t, 'recalls', 'batch_id = $1', [chain.oranges.id])).toBe(0);
      await noViolations(`${name}: the recall dialog`);

      await dialog.getByRole('radio', { name: /^Mức I:/ }).check();
      await dialog.getByTestId('recall-confirm').click();
      const details = page.getByTestId('recall-details');
      await details.waitFor();
      const shopRow = details.getByTestId('recall-notified-business').filter({ hasText: 'Cửa hàng Thực phẩm Sạch Hà Nội' });
      await expect(shopRow.innerText()).resolves.toContain('Chưa xác nhận');
      await signOut(page);

      // The shop's overview opens on the alert: what to do, the class, the reason, its own lot.
      await signIn(page, chain.shop.owner, `${t.baseUrl}/login`);
      await page.goto(`${t.baseUrl}/portal/${chain.shop.business.id}`);
      const alert = page.getByTestId('recall-alert');
      await alert.waitFor();
      const head = alert.getByRole('alert');
      await expect(head.innerText()).resolves.toContain(`Lệnh thu hồi: lô ${lot} (Cam bù Hương Sơn)`);
      await expect(head.innerText()).resolves.toContain('Ngừng bán và ngừng phân phối ngay các lô hàng dưới đây.');
      await expect(alert.getByTestId('recall-alert-severity').innerText()).resolves.toContain('Mức I');
      const reason = await alert.getByTestId('recall-alert-reason').innerText();
      expect(reason).toContain('Nhiễm bẩn (vi sinh vật, hóa chất, tồn dư)');
      expect(reason).toContain('Phát hiện Salmonella trong mẫu kiểm nghiệm.');
      const lotLink = alert.getByTestId('recall-alert-lots').getByRole('link', { name: 'JUICE-01' });
      expect(await lotLink.getAttribute('href')).toBe(`/portal/${chain.shop.business.id}/batches/${chain.juice.id}`);
      // Not repeated as a routine row of the notifications card.
      expect(await page.getByTestId('notifications').getByTestId('notification').count()).toBe(0);
      await noViolations(`${name}: the shop's overview with the alert`);

      await alert.getByRole('button', { name: 'Đã nhận' }).click();
      const acknowledged = alert.getByTestId('recall-alert-acknowledged');
      await acknowledged.waitFor();
      expect(await acknowledged.innerText()).toMatch(/^Đã xác nhận lúc .+\(.+\)\. Cơ quan quản lý thấy xác nhận này\.$/);
      expect(
        await sql(t, `SELECT acknowledged_by FROM notifications WHERE business_id = $1 AND kind = 'recall'`, [chain.shop.business.id]),
      ).toEqual([{ acknowledged_by: chain.shop.owner.id }]);
      // Still there, acknowledged, after a reload: the recall is in force.
      await page.reload();
      await expect(page.getByTestId('recall-alert').getAttribute('data-acknowledged')).resolves.toBe('true');
      await noViolations(`${name}: the shop's overview, acknowledged`);
      await signOut(page);

      // The inspector sees who acknowledged, on the recall and in the list of recalls.
      await signIn(page, inspector, `${t.baseUrl}/login`);
      await page.goto(`${t.baseUrl}/inspector/batches/${chain.oranges.id}`);
      const seen = page.getByTestId('recall-notified-business').filter({ hasText: 'Cửa hàng Thực phẩm Sạch Hà Nội' });
      await seen.waitFor();
      await expect(seen.getAttribute('data-acknowledged')).resolves.toBe('true');
      await expect(seen.innerText()).resolves.toMatch(/Doanh nghiệp đã xác nhận lúc .+\(.+\)/);
      await expect(page.getByTestId('recall-details').innerText()).resolves.toContain('Đã xác nhận: 1/3 doanh nghiệp');
      await noViolations(`${name}: the inspector's batch page`);
      await page.goto(`${t.baseUrl}/inspector/recalls`);
      const row = page.locator(`[data-testid="recall-row"][data-lot-code="${lot}"]`);
      await expect(row.getByTestId('recall-row-acknowledged').innerText()).resolves.toBe('Đã xác nhận: 1/3 doanh nghiệp');
      await signOut(page);

      // A consumer holding the juice calls its producer from the banner.
      await page.goto(`${t.baseUrl}/batches/${chain.juice.id}`);
      const banner = page.getByTestId('recall-banner');
      await banner.waitFor();
      const call = banner.getByRole('link', { name: 'Gọi nhà sản xuất: 0239 3888 999' });
      expect(await call.getAttribute('href')).toBe('tel:02393888999');
      await expect(banner.getByTestId('recall-reason').innerText()).resolves.toBe(
        'Nhiễm bẩn (vi sinh vật, hóa chất, tồn dư): Phát hiện Salmonella trong mẫu kiểm nghiệm.',
      );
      await noViolations(`${name}: the consumer page`);
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await banner.getByRole('link', { name: 'Call the producer: 0239 3888 999' }).waitFor();
      await expect(banner.getByTestId('recall-reason').innerText()).resolves.toBe(
        'Contamination (microbial, chemical, residues): Phát hiện Salmonella trong mẫu kiểm nghiệm.',
      );
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang === 'vi');
      // A whole working day across three accounts, with axe-core on six pages.
    }, 90_000);
  }
});
