import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createBusiness, createUser, makeCompanyPrefix, makeGtin, makeTaxCode, type Factory, type TestUser } from '../factories/index.js';
import { describeWithChromium, signIn, signOut, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { sql } from '../support/db.js';
import { lastMailTo, tokenIn } from '../support/mailbox.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium('accounts, businesses and administration in Chromium', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let admin: TestUser;
  const owner = { name: 'Nguyễn Thị Bưởi', email: `owner-${Date.now().toString(36)}@example.test`, password: 'buoi-phuc-trach-2026' };
  const staffEmail = `staff-${Date.now().toString(36)}@example.test`;
  const businessName = 'HTX Bưởi Phúc Trạch thử nghiệm';
  let businessId = '';
  let f: Factory;
  const prefix = makeCompanyPrefix();
  let squatterId = '';

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, f, page } = app);
    admin = await createUser(f, { role: 'admin' });
  });

  afterAll(() => app?.close());

  it('registers an account, then a business that waits for verification, then signs out', async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.getByTestId('sign-in-link').click();
    await page.getByTestId('register-link').click();
    const form = page.getByTestId('register-form');
    await form.getByLabel('Họ và tên').fill(owner.name);
    await form.getByLabel('Email', { exact: true }).fill(owner.email);
    await form.getByLabel('Mật khẩu', { exact: true }).fill('short');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(form.innerText()).resolves.toContain('ít nhất 10 ký tự');
    await form.getByLabel('Mật khẩu', { exact: true }).fill(owner.password);
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    // The same answer for any address: the next step is in the mail.
    await expect(page.getByTestId('check-mail').innerText()).resolves.toContain(owner.email);

    // Signed in before confirming: the account says so, and registering a business waits for it.
    await signIn(page, owner, `${t.baseUrl}/login`);
    await page.waitForURL('**/account');
    await page.getByTestId('unverified-notice').waitFor();
    await expect(page.getByTestId('profile-email').innerText()).resolves.toBe(owner.email);
    expect(await page.getByTestId('membership').count()).toBe(0);
    await page.getByTestId('new-business-link').click();
    // The account page shows the same notice: wait for the new page (loaded lazily) to replace it.
    await page.waitForURL('**/businesses/new');
    const unverified = page.getByTestId('unverified-notice');
    await expect(unverified.innerText()).resolves.toContain('Cần xác nhận email');
    expect(await page.getByTestId('business-form').count()).toBe(0);
    await unverified.getByTestId('resend-verification').click();
    // A mail went out moments ago: asking again within the minute is refused kindly.
    await expect(unverified.getByRole('alert').innerText()).resolves.toContain('đợi một phút');

    // The link in the mail confirms the address and signs in.
    await page.goto(new URL(`/verify-email?token=${tokenIn(await lastMailTo(t, owner.email), '/verify-email')}`, t.baseUrl).toString());
    await page.locator('[data-testid="verify-email"][data-status="done"]').waitFor();
    await page.getByRole('link', { name: 'Tiếp tục' }).click();
    await page.waitForURL('**/businesses/new');
    const business = page.getByTestId('business-form');
    await business.locator('[name="legalName"]').fill(businessName);
    // The tax code is checked as typed: letters at once, a short code once the field is left.
    await business.locator('[name="taxCode"]').fill('30012x');
    await expect(business.innerText()).resolves.toContain('chỉ gồm chữ số');
    await business.locator('[name="taxCode"]').fill(makeTaxCode());
    await expect(business.innerText()).resolves.toContain('Mã số thuế hợp lệ (10 chữ số)');
    await business.locator('[name="line"]').fill('Thôn Phúc Đông');
    await business.locator('[name="commune"]').fill('Xã Phúc Trạch');
    await business.locator('[name="province"]').fill('Hà Tĩnh');
    await business.locator('[name="phone"]').fill('0239 3888 999');
    // The GS1 company prefix, explained where it is typed.
    await expect(business.innerText()).resolves.toContain('Do GS1 Việt Nam cấp');
    await business.locator('[name="gs1Prefixes"]').fill(`${prefix}, 12`);
    await business.getByTestId('business-submit').click();
    await expect(business.innerText()).resolves.toContain('“12” không đúng');
    await business.locator('[name="gs1Prefixes"]').fill(prefix);
    await business.getByTestId('business-submit').click();

    // The new business's overview comes next, with its first steps (see onboarding.e2e.ts).
    await page.waitForURL(/\/portal\/[^/]+$/);
    await page.getByTestId('onboarding').waitFor();
    businessId = (await page.getByTestId('portal').getAttribute('data-business-id')) ?? '';
    expect(businessId).not.toBe('');
    await page.getByTestId('workspace-nav-toggle').click();
    await page.getByTestId('nav-settings').click();
    const settings = page.getByTestId('business-settings');
    await settings.waitFor();
    expect(await settings.getAttribute('data-business-id')).toBe(businessId);
    expect(await page.getByTestId('business-status-notice').getAttribute('data-status')).toBe('pending');
    await expect(page.getByTestId('business-status-notice').innerText()).resolves.toContain('Đang chờ xác minh');
    const me = page.getByTestId('member-row');
    await me.first().waitFor();
    expect(await me.first().getAttribute('data-role')).toBe('owner');

    await signOut(page);
    // A signed-out reader who opens a signed-in page is sent to sign in, keeping the way back.
    await page.goto(`${t.baseUrl}/businesses/${businessId}/settings`);
    await page.waitForURL(/\/login\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/businesses/${businessId}/settings`);
  });

  it('lets an administrator verify the business from the pending list', async () => {
    // A squatter registers the owner's prefix (a longer one under it) while both wait: it blocks no one.
    squatterId = (await createBusiness(f, await createUser(f), { legalName: 'Công ty Mạo Danh', gs1Prefixes: [`${prefix}9`] })).id;
    await page.goto(`${t.baseUrl}/admin`);
    await page.waitForURL(/\/login\?next=%2Fadmin/);
    await signIn(page, admin);
    await page.waitForURL('**/admin');
    const pending = page.locator(`[data-testid="pending-business"][data-business-id="${businessId}"]`);
    await pending.waitFor();
    await expect(pending.innerText()).resolves.toContain(businessName);
    // The administrator sees the claims it confirms: the tax code and the prefix, not yet confirmed.
    await pending.locator(`[data-testid="claim"][data-value="${prefix}"][data-confirmed="false"]`).waitFor();
    await pending.getByTestId('verify-button').click();
    await page.getByTestId('verify-dialog').getByTestId('confirm-button').click();
    await page.locator(`[data-testid="pending-business"][data-business-id="${businessId}"][data-status="verified"]`).waitFor();
    await expect(pending.getByTestId('pending-decision').innerText()).resolves.toContain('Đã xác minh');
    await pending.locator(`[data-testid="claim"][data-value="${prefix}"][data-confirmed="true"]`).waitFor();
    await signOut(page);
  });

  it('flags a pending claim a verified business holds, refuses to verify it, and confirms a prefix added later', async () => {
    // The squatter's prefix now collides with the verified owner's.
    const later = makeCompanyPrefix();
    const login = await f.http.post('/api/auth/login', { email: owner.email, password: owner.password });
    expect(
      (
        await f.http.request('PUT', `/api/businesses/${businessId}/gs1-prefixes`, {
          token: login.body.accessToken,
          body: { gs1Prefixes: [prefix, later] },
        })
      ).status,
    ).toBe(200);

    await page.goto(`${t.baseUrl}/login?next=%2Fadmin`);
    await signIn(page, admin);
    const entry = page.locator(`[data-testid="pending-business"][data-business-id="${squatterId}"]`);
    await entry.getByTestId('claims-conflict').waitFor();
    await expect(entry.locator(`[data-testid="claim"][data-value="${prefix}9"]`).innerText()).resolves.toContain(
      `trùng với doanh nghiệp đã xác minh «${businessName}»`,
    );
    await entry.getByTestId('verify-button').click();
    await page.getByTestId('verify-dialog').getByTestId('confirm-button').click();
    await expect(entry.locator('[data-testid="form-error"][data-code="PREFIX_TAKEN"]').innerText()).resolves.toContain(
      'đã thuộc doanh nghiệp đã xác minh khác',
    );

    await page.goto(`${t.baseUrl}/admin?tab=businesses`);
    const row = page.locator(`[data-testid="business-row"][data-business-id="${businessId}"]`);
    await row.getByTestId('confirm-prefixes-button').click();
    await row.locator(`[data-testid="claim"][data-value="${later}"][data-confirmed="true"]`).waitFor({ state: 'attached' });
    expect(await row.getByTestId('confirm-prefixes-button').count()).toBe(0);
    await signOut(page);
  });

  it('keeps administration pages from other users', async () => {
    await page.goto(`${t.baseUrl}/login?next=%2Fadmin`);
    await signIn(page, owner);
    await page.getByTestId('not-allowed').waitFor();
  });

  it('shows the owner the business verified', async () => {
    await page.goto(`${t.baseUrl}/account`);
    const membership = page.locator(`[data-testid="membership"][data-business-id="${businessId}"]`);
    await membership.waitFor();
    await membership.locator('[data-testid="business-status"][data-status="verified"]').waitFor();
    // The business leads into its portal; its settings are one of the portal's sections.
    await membership.click();
    await page.waitForURL(`**/portal/${businessId}`);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('workspace-nav-toggle').click();
    await page.getByTestId('portal').getByRole('link', { name: 'Cài đặt' }).click();
    await page.waitForURL(`**/businesses/${businessId}/settings`);
    await page.locator('[data-testid="business-status-notice"][data-status="verified"]').waitFor();

    // The owner sets the business's GLN: one outside its confirmed prefix is refused, saying why.
    const glnCard = page.getByTestId('business-gln-card');
    const outside = makeGtin(makeCompanyPrefix());
    await glnCard.getByTestId('business-gln-edit').fill(outside);
    await glnCard.getByTestId('business-gln-save').click();
    await glnCard.getByText(`Mã GLN ${outside} không thuộc mã doanh nghiệp GS1 đã được xác nhận`, { exact: false }).first().waitFor();
    const gln = makeGtin(prefix);
    await glnCard.getByTestId('business-gln-edit').fill(gln);
    await glnCard.getByTestId('business-gln-save').click();
    await glnCard.getByRole('status').getByText('Đã lưu.').waitFor();
    expect((await sql<{ gln: string }>(t, `SELECT gln FROM businesses WHERE id = $1`, [businessId]))[0]?.gln).toBe(gln);
  });

  it('lets the owner invite a staff member by email and create an API key that is shown once', async () => {
    const invite = page.getByTestId('invite-form');
    await invite.locator('[name="email"]').fill(staffEmail);
    await invite.locator('[name="role"]').selectOption('staff');
    await invite.getByTestId('invite-submit').click();
    // Pending (not a member yet), with the link shown once to hand over; the same link went by mail.
    await page.locator(`[data-testid="invitation-row"][data-email="${staffEmail}"]`).waitFor();
    expect(await page.locator(`[data-testid="member-row"][data-email="${staffEmail}"]`).count()).toBe(0);
    const link = (await page.getByTestId('invitation-link').innerText()).trim();
    expect(link).toBe(`${t.baseUrl}/invitations/accept?token=${tokenIn(await lastMailTo(t, staffEmail), '/invitations/accept')}`);

    const create = page.getByTestId('create-api-key-form');
    await create.locator('[name="name"]').fill('Máy quét xưởng đóng gói');
    await create.getByTestId('create-api-key-submit').click();
    const created = page.getByTestId('created-api-key');
    await created.waitFor();
    await expect(created.innerText()).resolves.toContain('không hiển thị lại');
    const key = (await created.getByTestId('created-api-key-value').innerText()).trim();
    const keyId = (await created.getAttribute('data-key-id')) ?? '';
    const row = page.locator(`[data-testid="api-key-row"][data-key-id="${keyId}"]`);
    await row.waitFor();
    const prefix = (await row.getByTestId('api-key-prefix').innerText()).replace('…', '');
    expect(prefix.length).toBeGreaterThan(0);
    expect(key.startsWith(prefix)).toBe(true);
    expect(key.length).toBeGreaterThan(prefix.length + 16);

    // Once dismissed, or after a reload, the secret is gone for good; the key is still listed.
    await created.getByTestId('created-api-key-done').click();
    expect(await page.getByTestId('created-api-key').count()).toBe(0);
    await page.reload();
    await page.locator(`[data-testid="api-key-row"][data-key-id="${keyId}"]`).waitFor();
    expect(await page.getByTestId('created-api-key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await page.locator(`[data-testid="invitation-row"][data-email="${staffEmail}"]`).waitFor();
    expect(await page.getByTestId('invitation-link').count()).toBe(0);
  });

  it('lets the invitee open the mailed link, make an account with the invited address and land in the portal', async () => {
    await signOut(page);
    await page.goto(
      new URL(`/invitations/accept?token=${tokenIn(await lastMailTo(t, staffEmail), '/invitations/accept')}`, t.baseUrl).toString(),
    );
    await expect(page.getByTestId('invitation-offer').innerText()).resolves.toContain(
      `${businessName} mời bạn tham gia với vai trò Nhân viên`,
    );
    const form = page.getByTestId('invitation-sign-up');
    await form.getByLabel('Họ và tên').fill('Phan Thị Lan');
    await form.getByLabel('Mật khẩu', { exact: true }).fill('nhan-vien-moi-2026');
    await form.getByRole('button', { name: 'Tạo tài khoản và tham gia' }).click();
    await page.waitForURL(`**/portal/${businessId}`);
    await page.getByTestId('dashboard').waitFor();

    // The link is used up: opening it again says so.
    await page.goto(
      new URL(`/invitations/accept?token=${tokenIn(await lastMailTo(t, staffEmail), '/invitations/accept')}`, t.baseUrl).toString(),
    );
    await page.getByTestId('invitation-invalid').waitFor();
  });
});
