import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { EventView, Page as ListPage } from '@nguon/shared';
import { createProducer, createUser, type Factory, type TestUser } from '../factories/index.js';
import { vietnamDate } from '../factories/lots.js';
import { axeViolations } from '../support/axe.js';
import { describeWithChromium, fillDate, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { pathOf } from '../support/http.js';
import type { TestApp } from '../support/test-app.js';

const DAYS = [
  {
    name: 'desktop',
    viewport: { width: 1366, height: 768 },
    lot: 'BUOI-DT-01',
    distributor: 'Công ty Phân phối Đông Đô',
    search: 'dong do',
  },
  { name: 'phone', viewport: { width: 390, height: 844 }, lot: 'BUOI-PH-01', distributor: 'Công ty Phân phối Nam Đàn', search: 'nam dan' },
] as const;

/**
 * The whole working day of #14 as one story, every step through the pages a person uses, at a
 * desktop's and a phone's width: a co-operative registers last month's harvest (and nothing is
 * called stale), records its harvest, packing and shipping; the distributor receives it with its place and quantity; a consumer reports the
 * package; the inspector finds the report through the navigation, traces the batch and recalls it;
 * the distributor acknowledges the alert on its overview; the inspector sees the acknowledgement.
 * axe-core checks every page on the way.
 */
describeWithChromium('the working day of a co-operative, a distributor and an inspector, in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let f: Factory;
  let page: Page;
  let admin: TestUser;
  let inspector: TestUser;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { viewport: DAYS[0].viewport });
    ({ t, f, page } = app);
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector', displayName: 'Thanh tra Hà Tĩnh' });
  });

  afterAll(() => app?.close());

  const noViolations = async (where: string) => expect([where, await axeViolations(page)]).toEqual([where, []]);

  const events = async (batchId: string, who: TestUser) =>
    (await f.http.get<ListPage<EventView>>(`/api/batches/${batchId}/events?limit=100`, { token: who.token })).body.items;

  /** Opens a section from the workspace's navigation: its links on a computer, its menu on a phone. */
  async function openSection(navName: string, testId: string): Promise<void> {
    const nav = page.getByRole('navigation', { name: navName });
    await nav.waitFor();
    const link = nav.getByTestId(testId);
    // On a phone the links are in a menu, which a navigation still under way (the page after signing in) closes again.
    for (let tries = 0; tries < 3 && !(await link.isVisible()); tries++) {
      await nav.getByTestId('workspace-nav-toggle').click();
      await link.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await link.click();
  }

  for (const day of DAYS) {
    it(`at ${day.name} width: from registering the batch to the inspector seeing the recall acknowledged`, async () => {
      await page.setViewportSize(day.viewport);
      // Whatever a failed run left: nobody signed in.
      await page.goto(`${t.baseUrl}/`);
      if (await page.getByTestId('user-menu').count()) await signOut(page);
      const coop = await createProducer(f, admin, {
        business: { legalName: `HTX Bưởi Phúc Trạch (${day.name})` },
        location: { kind: 'farm', name: 'Vườn bưởi Phúc Trạch' },
        product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' }, unit: 'KGM', shelfLifeDays: 60 },
      });
      const distributor = await createProducer(f, admin, {
        business: { legalName: day.distributor },
        location: { kind: 'warehouse', name: 'Kho Long Biên' },
      });

      // The co-operative signs in on its overview and registers the season's batch from it.
      await signIn(page, coop.owner, `${t.baseUrl}/login`);
      await page.waitForURL(`**/portal/${coop.business.id}`);
      await page.getByTestId('dashboard').waitFor();
      await noViolations(`${day.name}: the co-operative's overview`);
      await page.getByTestId('quick-actions').getByTestId('new-batch-link').click();
      const form = page.getByTestId('batch-form');
      await form.waitFor();
      await form.getByTestId('lot-code-input').fill(day.lot);
      // Harvested last month, registered today.
      await fillDate(form, 'productionDate', vietnamDate(-33));
      await form.locator('[name="quantity"]').fill('500');
      await form.locator('[name="originLocationId"]').selectOption(coop.location.id);
      await noViolations(`${day.name}: the batch form`);
      await form.getByTestId('batch-submit').click();
      await page.waitForURL(new RegExp(`/portal/${coop.business.id}/batches/[0-9a-f-]{36}$`));
      await page.getByTestId('portal-batch').waitFor();
      const batchId = new URL(page.url()).pathname.split('/').pop()!;
      const identityUrl = await page.getByTestId('identity-url').innerText();
      await noViolations(`${day.name}: the new batch's page`);

      // Counted from when it was recorded, not from its production date: nothing is stale.
      await openSection('Các mục của doanh nghiệp', 'nav-dashboard');
      await page.getByTestId('attention-none').waitFor();
      await expect(page.getByTestId('count-open-batches').innerText()).resolves.toBe('1');
      await openSection('Các mục của doanh nghiệp', 'nav-batches');
      await page.locator(`[data-testid="batch-row"][data-lot-code="${day.lot}"]`).click();
      await page.getByTestId('portal-batch').waitFor();

      // Harvest and packing, each from the batch page, filled in with its place and quantity.
      for (const stage of ['harvesting', 'packing'] as const) {
        await page.getByTestId(`record-${stage}`).click();
        const stageForm = page.getByTestId('stage-form');
        await stageForm.waitFor();
        await expect(stageForm.getByTestId('field-place').inputValue()).resolves.toBe(coop.location.id);
        await expect(stageForm.getByTestId('field-quantity').inputValue()).resolves.toBe('500');
        await noViolations(`${day.name}: the ${stage} form`);
        await stageForm.getByTestId('stage-submit').click();
        await page.getByTestId('recorded-notice').waitFor();
      }

      // Shipping to the distributor, found by its name typed without diacritics, with the delivery note.
      await page.getByTestId('record-shipping').click();
      await page.getByTestId('stage-form').waitFor();
      await page.getByTestId('party-search').fill(day.search);
      await page.getByTestId('party-result').filter({ hasText: day.distributor }).click();
      await page.getByTestId('field-document').fill('PXK-0412');
      await page.getByTestId('field-quantity').fill('480');
      await noViolations(`${day.name}: the shipping form`);
      await page.getByTestId('stage-submit').click();
      await page.getByTestId('recorded-notice').waitFor();
      // The record's details (documents, parties) load after the record itself: wait for the note.
      const shipped = page.locator('[data-testid="batch-event"][data-stage="shipping"]');
      await shipped.getByText('PXK-0412').waitFor();
      await noViolations(`${day.name}: the batch page after shipping`);
      await signOut(page);

      // The distributor finds the delivery under its incoming goods and receives it where it arrived.
      await signIn(page, distributor.owner, `${t.baseUrl}/login`);
      await page.getByTestId('dashboard').waitFor();
      await openSection('Các mục của doanh nghiệp', 'nav-shipments');
      await page.waitForURL(/\/shipments$/);
      const shipment = page.locator(`[data-testid="incoming-shipment"][data-lot="${day.lot}"]`);
      await expect(shipment.innerText()).resolves.toContain('PXK-0412');
      await shipment.getByTestId('receive-shipment').click();
      const receive = shipment.getByTestId('receive-form');
      await expect(receive.getByTestId('receive-place').inputValue()).resolves.toBe(distributor.location.id);
      await expect(receive.getByTestId('receive-quantity').inputValue()).resolves.toBe('480');
      await noViolations(`${day.name}: the receiving form`);
      await receive.getByTestId('receive-confirm').click();
      await page.getByTestId('received-notice').waitFor();
      const receiving = (await events(batchId, distributor.owner)).find((e) => e.stage === 'receiving');
      expect(receiving?.locationId).toBe(distributor.location.id);
      expect(receiving?.epcis).toMatchObject({ quantityList: [expect.objectContaining({ quantity: 480, uom: 'KGM' })] });
      await signOut(page);

      // A shopper scans the package's code and reports it.
      await page.goto(`${t.baseUrl}${pathOf(identityUrl)}`);
      await page.getByTestId('batch-page').waitFor();
      const receivedEntry = page.locator('[data-testid="timeline-entry"][data-stage="receiving"]');
      await expect(receivedEntry.innerText()).resolves.toContain('Kho Long Biên');
      await noViolations(`${day.name}: the consumer page`);
      await page.getByTestId('report-open').click();
      const report = page.getByTestId('report-form');
      await report.getByLabel('Vấn đề gặp phải').selectOption('quality');
      await report.getByLabel('Mô tả').fill('Bưởi bị úng nước, vỏ có đốm nâu');
      await noViolations(`${day.name}: the report form`);
      await report.getByTestId('report-submit').click();
      await page.getByTestId('report-sent').waitFor();

      // The inspector lands on the workspace, sees the open report counted, and opens it.
      await signIn(page, inspector, `${t.baseUrl}/login`);
      await page.waitForURL(/\/inspector$/);
      const inspectorNav = page.getByRole('navigation', { name: 'Các mục làm việc' });
      await expect(inspectorNav.getByTestId('nav-flags-badge').innerText()).resolves.toBe('1');
      await noViolations(`${day.name}: the inspector's search`);
      await openSection('Các mục làm việc', 'nav-flags');
      await page.waitForURL(/\/inspector\/flags$/);
      const flag = page.locator('[data-testid="flag"][data-kind="consumer_report"]', { hasText: day.lot });
      await expect(flag.innerText()).resolves.toContain('Bưởi bị úng nước');
      await noViolations(`${day.name}: the flags`);
      await flag.getByLabel('Chuyển sang').selectOption('in_review');
      await flag.getByTestId('flag-save').click();
      await page.locator('[data-testid="flag"][data-status="in_review"]', { hasText: day.lot }).waitFor();
      await flag.getByRole('link', { name: `Bưởi Phúc Trạch, ${day.lot}` }).click();
      await page.waitForURL(new RegExp(`/inspector/batches/${batchId}$`));

      // The trace shows where the batch went; the records are the timeline the business sees.
      const graph = page.getByTestId('trace-graph');
      await graph.getByTestId('trace-business').first().waitFor();
      const holders = await graph.getByTestId('trace-business').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
      expect(holders).toEqual(expect.arrayContaining([expect.stringContaining(day.distributor)]));
      // The records load beside the trace: wait for the last one before reading them all.
      await page.getByTestId('batch-timeline').locator('[data-testid="batch-event"][data-stage="receiving"]').waitFor();
      const stages = await page
        .getByTestId('batch-timeline')
        .getByTestId('batch-event')
        .evaluateAll((entries) => entries.map((e) => e.getAttribute('data-stage')));
      expect(stages).toEqual(expect.arrayContaining(['harvesting', 'packing', 'shipping', 'receiving']));
      await noViolations(`${day.name}: the inspector's batch page`);

      // The recall: the reach before confirming, the class chosen, then in force.
      await page.getByTestId('recall-batch').click();
      const dialog = page.getByTestId('recall-dialog');
      await expect(dialog.getByTestId('recall-reach-summary').innerText()).resolves.toBe(
        'Số lô bị thu hồi: 1 · số doanh nghiệp được báo: 2',
      );
      await dialog.getByRole('radio', { name: /^Mức II:/ }).check();
      await dialog.getByLabel('Loại vấn đề').selectOption('quality_defect');
      await dialog.getByLabel('Chi tiết lý do').fill('Lô bị úng nước sau mưa lớn.');
      await noViolations(`${day.name}: the recall dialog`);
      await dialog.getByTestId('recall-confirm').click();
      const notified = page.getByTestId('recall-notified-business').filter({ hasText: day.distributor });
      await expect(notified.innerText()).resolves.toContain('Chưa xác nhận');
      await noViolations(`${day.name}: the recall in force`);
      await signOut(page);

      // The distributor's overview opens on the alert for the lot it holds, and it acknowledges it.
      await signIn(page, distributor.owner, `${t.baseUrl}/login`);
      const alert = page.getByTestId('recall-alert');
      await expect(alert.getByRole('alert').innerText()).resolves.toContain(`Lệnh thu hồi: lô ${day.lot} (Bưởi Phúc Trạch)`);
      await expect(alert.getByTestId('recall-alert-severity').innerText()).resolves.toContain('Mức II');
      await noViolations(`${day.name}: the distributor's overview with the alert`);
      await alert.getByRole('button', { name: 'Đã nhận' }).click();
      await alert.getByTestId('recall-alert-acknowledged').waitFor();
      await noViolations(`${day.name}: the alert acknowledged`);
      await signOut(page);

      // The inspector sees who acknowledged, from the recalls in the navigation.
      await signIn(page, inspector, `${t.baseUrl}/login`);
      await openSection('Các mục làm việc', 'nav-recalls');
      const row = page.locator(`[data-testid="recall-row"][data-lot-code="${day.lot}"]`);
      await expect(row.getByTestId('recall-row-acknowledged').innerText()).resolves.toBe('Đã xác nhận: 1/2 doanh nghiệp');
      await noViolations(`${day.name}: the recalls`);
      await row.getByRole('link', { name: day.lot }).click();
      const seen = page.getByTestId('recall-notified-business').filter({ hasText: day.distributor });
      await expect(seen.getAttribute('data-acknowledged')).resolves.toBe('true');
      await expect(seen.innerText()).resolves.toMatch(/Doanh nghiệp đã xác nhận lúc .+\(.+\)/);
      await signOut(page);
    }, 120_000);
  }
});
