import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { gs1CheckDigit } from '@nguon/shared';
import { PDF_BYTES, PNG_BYTES } from '../factories/catalog.js';
import { vietnamDate } from '../factories/lots.js';
import { createProducer, createStaff, createUser, type Factory, type Producer } from '../factories/index.js';
import { describeWithChromium, fillDate, signIn, startBrowserApp, type Browser, type BrowserApp } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describeWithChromium('master data in Chromium: products, locations, certificates', (chromiumPath) => {
  let app: BrowserApp;
  let t: TestApp;
  let f: Factory;
  let browser: Browser;
  let page: Page;
  let coop: Producer;
  let files: string;
  const portal = (rest: string) => `${t.baseUrl}/portal/${coop.business.id}${rest}`;

  beforeAll(async () => {
    app = await startBrowserApp(chromiumPath, { mobile: true });
    ({ t, f, browser, page } = app);
    const admin = await createUser(f, { role: 'admin' });
    coop = await createProducer(f, admin, { business: { legalName: 'HTX Mật ong Vũ Quang', gs1Prefixes: ['89312345'] } });
    files = mkdtempSync(path.join(os.tmpdir(), 'nguon-catalog-'));
    writeFileSync(path.join(files, 'hũ mật ong.png'), PNG_BYTES);
    writeFileSync(path.join(files, 'Chứng nhận OCOP.pdf'), PDF_BYTES);
    writeFileSync(path.join(files, 'ghi chú.txt'), 'not a picture');
    await signIn(page, coop.owner, `${t.baseUrl}/login`);
  });

  afterAll(async () => {
    await app?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('creates a product: the GTIN is checked as typed, an image is uploaded, and the list shows it', async () => {
    await page.goto(portal('/products'));
    await page.getByTestId('new-product').click();
    await page.waitForURL('**/products/new');
    const form = page.getByTestId('product-form');
    await form.locator('[name="nameVi"]').fill('Mật ong rừng Vũ Quang');
    await form.locator('[name="category"]').fill('mật ong');
    await form.locator('[name="unit"]').selectOption('XJR');

    const body = '893123456789';
    const right = `${body}${gs1CheckDigit(body)}`;
    const wrong = `${body}${(gs1CheckDigit(body) + 1) % 10}`;
    const status = form.getByTestId('gtin-status');
    await form.locator('[name="gtin"]').fill('89312');
    await expect(status.innerText()).resolves.toBe('Mã GTIN có 8, 12, 13 hoặc 14 chữ số; mã này có 5.');
    await form.locator('[name="gtin"]').fill(wrong);
    await expect(status.innerText()).resolves.toBe(
      `Số kiểm tra sai: chữ số cuối phải là ${gs1CheckDigit(body)}, không phải ${wrong.slice(-1)}.`,
    );
    // Saving with the wrong code is stopped here, on the field.
    await form.getByTestId('product-submit').click();
    await expect(form.locator('[name="gtin"]').getAttribute('aria-invalid')).resolves.toBe('true');
    // A GTIN outside the business's GS1 company prefix is explained, naming the prefix.
    await expect(form.innerText()).resolves.toContain('Mã GTIN phải thuộc mã doanh nghiệp GS1 của doanh nghiệp: 89312345.');
    const outside = `893999000001${gs1CheckDigit('893999000001')}`;
    await form.locator('[name="gtin"]').fill(outside);
    await expect(status.innerText()).resolves.toContain('không thuộc mã doanh nghiệp GS1 của doanh nghiệp (89312345)');
    await form.locator('[name="gtin"]').fill(right);
    await expect(status.innerText()).resolves.toBe(`Hợp lệ. Lưu dưới dạng GTIN-14: 0${right}`);

    // A text file is refused before any upload; the photo goes up at once.
    const picker = form.getByTestId('attachment-file');
    await picker.setInputFiles(path.join(files, 'ghi chú.txt'));
    await expect(form.getByTestId('attachment-error').innerText()).resolves.toContain('ghi chú.txt không phải ảnh JPEG, PNG hoặc WebP');
    await picker.setInputFiles(path.join(files, 'hũ mật ong.png'));
    await form.getByTestId('attachment-item').waitFor();
    await expect(form.getByTestId('attachment-item').innerText()).resolves.toContain('hũ mật ong.png');

    await form.getByTestId('product-submit').click();
    await page.getByTestId('product-saved').waitFor();
    expect(page.url()).toMatch(/\/products\/[0-9a-f-]{36}$/);

    // The product's own certificate, ending in ten days: flagged as expiring.
    const certificate = page.getByTestId('certificate-form');
    await certificate.locator('[name="name"]').fill('VietGAP vùng nuôi ong');
    await certificate.locator('[name="issuer"]').fill('Chi cục Chăn nuôi Hà Tĩnh');
    await fillDate(certificate, 'validTo', vietnamDate(10));
    await certificate.getByTestId('certificate-submit').click();
    const certificateRow = page.locator('[data-testid="certificate-row"]', { hasText: 'VietGAP vùng nuôi ong' });
    await expect(certificateRow.getByTestId('certificate-validity').innerText()).resolves.toBe('Sắp hết hạn');

    await page.goto(portal('/products'));
    const row = page.locator('[data-testid="product-row"]', { hasText: 'Mật ong rừng Vũ Quang' });
    await expect(row.getByTestId('product-gtin').innerText()).resolves.toBe(`0${right}`);
    const thumb = row.getByTestId('product-thumb');
    await expect(thumb.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBe(1);
  });

  it('adds a location with coordinates taken from the device, with a link to the map', async () => {
    await browser.context.grantPermissions(['geolocation'], { origin: t.baseUrl });
    await browser.context.setGeolocation({ latitude: 18.3512, longitude: 105.4021 });
    await page.goto(portal('/locations'));
    const form = page.getByTestId('location-form');
    await form.locator('[name="kind"]').selectOption('apiary');
    await form.locator('[name="name"]').fill('Trại ong Hương Điền');
    await form.locator('[name="address"]').fill('Xã Hương Điền');
    await form.locator('[name="province"]').fill('Hà Tĩnh');
    await form.locator('[name="latitude"]').fill('95');
    await form.locator('[name="longitude"]').fill('105.4');
    await form.getByTestId('location-submit').click();
    await expect(form.innerText()).resolves.toContain('Vĩ độ là số từ -90 đến 90.');

    await form.getByTestId('use-my-location').click();
    // The device answers asynchronously; wait until the form holds its position.
    await form.getByTestId('osm-link').waitFor();
    await expect(form.locator('[name="latitude"]').inputValue()).resolves.toBe('18.351200');
    await expect(form.locator('[name="longitude"]').inputValue()).resolves.toBe('105.402100');
    await expect(form.getByTestId('osm-link').getAttribute('href')).resolves.toBe(
      'https://www.openstreetmap.org/?mlat=18.3512&mlon=105.4021#map=16/18.3512/105.4021',
    );
    await form.getByTestId('location-submit').click();

    await expect(page.getByTestId('locations-note').innerText()).resolves.toBe('Đã lưu địa điểm Trại ong Hương Điền.');
    const row = page.locator('[data-testid="location-row"]', { hasText: 'Trại ong Hương Điền' });
    await expect(row.innerText()).resolves.toContain('Trại ong · Xã Hương Điền, Hà Tĩnh');
    await expect(row.getByTestId('location-map').innerText()).resolves.toContain('18.3512, 105.4021');
  });

  it('adds a business certificate with a PDF document and shows its validity', async () => {
    await page.goto(portal('/certificates'));
    const form = page.getByTestId('certificate-form');
    await form.locator('[name="kind"]').selectOption('ocop');
    await form.locator('[name="stars"]').selectOption('4');
    await form.locator('[name="name"]').fill('OCOP 4 sao mật ong');
    await form.locator('[name="issuer"]').fill('UBND tỉnh Hà Tĩnh');
    await fillDate(form, 'validFrom', '2025-01-01');
    await fillDate(form, 'validTo', '2099-12-31');
    await form.getByTestId('attachment-file').setInputFiles(path.join(files, 'Chứng nhận OCOP.pdf'));
    await form.getByTestId('attachment-item').waitFor();
    await form.getByTestId('certificate-submit').click();

    const row = page.locator('[data-testid="certificate-row"]', { hasText: 'OCOP 4 sao mật ong' });
    await row.waitFor();
    await expect(row.getByTestId('certificate-validity').innerText()).resolves.toBe('Còn hiệu lực');
    await expect(row.innerText()).resolves.toContain('4 sao');
    const link = row.getByTestId('certificate-document');
    await expect(link.innerText()).resolves.toBe('Xem giấy chứng nhận (Chứng nhận OCOP.pdf)');
    const document = await page.request.get(`${t.baseUrl}${await link.getAttribute('href')}`);
    expect(document.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await document.body()).equals(PDF_BYTES)).toBe(true);
  });

  it('shows staff the same pages read-only, with a note', async () => {
    const staff = await createStaff(f, coop.owner, coop.business.id);
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-link').waitFor();
    await signIn(page, staff, `${t.baseUrl}/login`);

    await page.goto(portal('/products'));
    await page.getByTestId('read-only-note').waitFor();
    await page.getByTestId('product-row').first().waitFor();
    expect(await page.getByTestId('new-product').count()).toBe(0);
    await page.getByTestId('product-row').first().getByRole('link').click();
    await page.getByTestId('product-form').waitFor();
    await expect(page.locator('[name="nameVi"]').isDisabled()).resolves.toBe(true);
    expect(await page.getByTestId('product-submit').count()).toBe(0);

    await page.goto(portal('/locations'));
    await page.getByTestId('location-row').first().waitFor();
    expect(await page.getByTestId('location-form').count()).toBe(0);
    expect(await page.getByTestId('location-delete').count()).toBe(0);

    await page.goto(portal('/certificates'));
    await page.getByTestId('certificate-row').first().waitFor();
    await page.getByTestId('read-only-note').waitFor();
    expect(await page.getByTestId('certificate-form').count()).toBe(0);
    expect(await page.getByTestId('certificate-remove').count()).toBe(0);
  });
});
