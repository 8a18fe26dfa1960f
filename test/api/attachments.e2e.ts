import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BusinessView } from '@nguon/shared';
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES, uploadAttachment, uploadRaw } from '../factories/catalog.js';
import { createApiKey, createBusiness, createStaff, createUser, type Factory, type TestUser } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { appsOnOneDatabase } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MAX_BYTES = 64 * 1024;

describe('attachments', () => {
  let t: TestApp;
  let f: Factory;
  let owner: TestUser;
  let business: BusinessView;

  beforeAll(async () => {
    t = await startTestApp({ env: { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    owner = await createUser(f);
    business = await createBusiness(f, owner);
  });
  afterAll(async () => t?.close());

  describe('POST /api/businesses/:businessId/attachments', () => {
    it('stores a PNG and answers with where to read it', async () => {
      const response = await uploadRaw(f, owner, business.id, PNG_BYTES, { contentType: 'image/png', fileName: 'Bưởi Phúc Trạch.png' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        businessId: business.id,
        fileName: 'Bưởi Phúc Trạch.png',
        contentType: 'image/png',
        size: PNG_BYTES.length,
        url: `/api/attachments/${response.body.id}`,
        createdAt: expect.any(String),
      });
      const [row] = await sql<{ sha256: string; uploaded_by_user_id: string }>(
        t,
        `SELECT sha256, uploaded_by_user_id FROM attachments WHERE id = $1`,
        [response.body.id],
      );
      expect(row).toEqual({ sha256: createHash('sha256').update(PNG_BYTES).digest('hex'), uploaded_by_user_id: owner.id });
    });

    it('keeps only the name of a file sent with a folder path', async () => {
      const attachment = await uploadAttachment(f, owner, business.id, { fileName: '../../etc/passwd.png' });
      expect(attachment.fileName).toBe('passwd.png');
    });

    it('strips bidi control characters from the name, so it cannot pretend to be another type', async () => {
      const attachment = await uploadAttachment(f, owner, business.id, {
        bytes: PDF_BYTES,
        contentType: 'application/pdf',
        fileName: 'h\u00F3a \u0111\u01A1n\u202E\u2066fdp.exe\u2069\u200F.pdf',
      });
      expect(attachment.fileName).toBe('hóa đơnfdp.exe.pdf');
      const [row] = await sql<{ file_name: string }>(t, `SELECT file_name FROM attachments WHERE id = $1`, [attachment.id]);
      expect(row?.file_name).toBe('hóa đơnfdp.exe.pdf');
    });

    it('refuses a name made only of control characters (400)', async () => {
      expectApiError(
        await uploadRaw(f, owner, business.id, PNG_BYTES, { contentType: 'image/png', fileName: '\u202E\u2066' }),
        400,
        'VALIDATION_FAILED',
        ['fileName'],
      );
    });

    it('accepts staff of the business and its API key with the capture scope', async () => {
      const staff = await createStaff(f, owner, business.id);
      const key = await createApiKey(f, owner, business.id, { scopes: ['capture'] });
      expect((await uploadRaw(f, staff, business.id, PDF_BYTES, { contentType: 'application/pdf', fileName: 'kết quả.pdf' })).status).toBe(
        201,
      );
      expect((await uploadRaw(f, key, business.id, JPEG_BYTES, { contentType: 'image/jpeg', fileName: 'a.jpg' })).status).toBe(201);
    });

    it('refuses an API key with only the read scope, and anyone signed out', async () => {
      const key = await createApiKey(f, owner, business.id, { scopes: ['read'] });
      expectApiError(await uploadRaw(f, key, business.id, PNG_BYTES, { contentType: 'image/png' }), 403, 'INSUFFICIENT_SCOPE');
      expectApiError(await uploadRaw(f, null, business.id, PNG_BYTES, { contentType: 'image/png' }), 401, 'UNAUTHENTICATED');
    });

    it('refuses a member of another business (403), storing nothing', async () => {
      const stranger = await createUser(f);
      await createBusiness(f, stranger);
      const before = await countRows(t, 'attachments');
      expectApiError(await uploadRaw(f, stranger, business.id, PNG_BYTES, { contentType: 'image/png' }), 403, 'FORBIDDEN');
      expect(await countRows(t, 'attachments')).toBe(before);
    });

    it("refuses a file over the limit with 413, saying the limit in the reader's language", async () => {
      const before = await countRows(t, 'attachments');
      const big = Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_BYTES)]);
      const vi = expectApiError(await uploadRaw(f, owner, business.id, big, { contentType: 'image/png' }), 413, 'ATTACHMENT_TOO_LARGE');
      expect(vi.message).toBe('Tệp quá lớn: tối đa 0.1 MB.');
      const en = expectApiError(
        await uploadRaw(f, owner, business.id, big, { contentType: 'image/png', headers: { 'accept-language': 'en' } }),
        413,
        'ATTACHMENT_TOO_LARGE',
      );
      expect(en.message).toBe('The file is too large: at most 0.1 MB.');
      expect(await countRows(t, 'attachments')).toBe(before);
    });

    it('accepts a file of exactly the limit', async () => {
      const exact = Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_BYTES - PNG_BYTES.length)]);
      expect((await uploadRaw(f, owner, business.id, exact, { contentType: 'image/png' })).body.size).toBe(MAX_BYTES);
    });

    it('goes by the bytes, not the declared type: a PNG sent as a PDF is refused with 415', async () => {
      const error = expectApiError(
        await uploadRaw(f, owner, business.id, PNG_BYTES, { contentType: 'application/pdf', headers: { 'accept-language': 'en' } }),
        415,
        'ATTACHMENT_TYPE_NOT_ALLOWED',
      );
      expect(error.message).toBe("The file's content is PNG but it was sent as PDF.");
    });

    it('refuses a text file, whether sent as text or dressed up as a PDF (415)', async () => {
      const text = Buffer.from('hello, not a picture');
      expectApiError(await uploadRaw(f, owner, business.id, text, { contentType: 'application/pdf' }), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
      expectApiError(await uploadRaw(f, owner, business.id, text, { contentType: 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses an empty file (422) and a missing file name (400)', async () => {
      expectApiError(await uploadRaw(f, owner, business.id, Buffer.alloc(0), { contentType: 'image/png' }), 422, 'ATTACHMENT_EMPTY');
      const response = await f.http.request('POST', `/api/businesses/${business.id}/attachments`, {
        token: owner.token,
        body: PNG_BYTES.toString('latin1'),
        headers: { 'content-type': 'image/png' },
      });
      expectApiError(response, 400, 'VALIDATION_FAILED', ['fileName']);
    });

    it('does not let other routes take file bodies (415)', async () => {
      const response = await fetch(`${t.baseUrl}/api/businesses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'image/png' },
        body: PNG_BYTES,
      });
      expect(response.status).toBe(415);
    });
  });

  describe('GET /api/attachments/:id', () => {
    it("gives back a PDF's very bytes as a download (not shown inline), its Vietnamese name, nosniff, a CSP that runs nothing and a long cache", async () => {
      const pdf = await uploadAttachment(f, owner, business.id, {
        bytes: PDF_BYTES,
        contentType: 'application/pdf',
        fileName: 'Chứng nhận "VietGAP".pdf',
      });
      const { status, headers, bytes } = await f.http.getBytes(pdf.url);
      expect(status).toBe(200);
      expect(bytes.equals(PDF_BYTES)).toBe(true);
      expect(headers.get('content-type')).toBe('application/pdf');
      expect(headers.get('content-length')).toBe(String(PDF_BYTES.length));
      expect(headers.get('content-disposition')).toBe(
        `attachment; filename="Chung nhan _VietGAP_.pdf"; filename*=UTF-8''Ch%E1%BB%A9ng%20nh%E1%BA%ADn%20%22VietGAP%22.pdf`,
      );
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'");
      expect(headers.get('cache-control')).toMatch(/max-age=31536000/);
    });

    it('is readable without signing in (attachments are shown on public pages), an image inline', async () => {
      const image = await uploadAttachment(f, owner, business.id, { fileName: 'bưởi.png' });
      const { status, bytes, headers } = await f.http.getBytes(image.url);
      expect(status).toBe(200);
      expect(bytes.equals(PNG_BYTES)).toBe(true);
      expect(headers.get('content-disposition')).toMatch(/^inline; /);
      expect(headers.get('content-security-policy')).toMatch(/sandbox/);
    });

    it('serves a name stored with bidi marks (before they were stripped at upload) without them', async () => {
      const pdf = await uploadAttachment(f, owner, business.id, {
        bytes: PDF_BYTES,
        contentType: 'application/pdf',
        fileName: 'invoice.pdf',
      });
      await sql(t, `UPDATE attachments SET file_name = $2 WHERE id = $1`, [pdf.id, 'invoice\u202Efdp.exe']);
      const { headers } = await f.http.getBytes(pdf.url);
      expect(headers.get('content-disposition')).toBe(`attachment; filename="invoicefdp.exe"; filename*=UTF-8''invoicefdp.exe`);
    });

    it('answers an unknown id with 404 ATTACHMENT_NOT_FOUND, and a non-UUID with 404', async () => {
      expectApiError(await f.http.get(`/api/attachments/${randomUUID()}`), 404, 'ATTACHMENT_NOT_FOUND');
      expectApiError(await f.http.get('/api/attachments/nope'), 404, 'NOT_FOUND');
    });
  });
});

// Two instances on one database: the embedded one opens in one process at a time, and keeps its files in its folder.
(process.env.DATABASE_URL ? describe : describe.skip)('attachments behind several instances', () => {
  const apps = appsOnOneDatabase('nguon-shared-files-');
  afterAll(() => apps.close());

  it('are shown through every instance, whichever took them, files kept on a disk before included', async () => {
    const db = await apps.database();
    const [one, two] = [await apps.start(db), await apps.start(db)];
    const f: Factory = { http: httpClient(one.baseUrl), testApp: one };
    const owner = await createUser(f);
    const business = await createBusiness(f, owner);
    const image = await uploadAttachment(f, owner, business.id, { fileName: 'bưởi.png' });
    const shown = await httpClient(two.baseUrl).getBytes(image.url);
    expect(shown.status).toBe(200);
    expect(shown.bytes.equals(PNG_BYTES)).toBe(true);

    // A file the first instance kept on its own disk before files were kept in the database.
    const pdf = await uploadAttachment(f, owner, business.id, { bytes: PDF_BYTES, contentType: 'application/pdf', fileName: 'old.pdf' });
    const key = `${business.id}/${pdf.id}`;
    await sql(one, `DELETE FROM attachment_files WHERE key = $1`, [key]);
    const onDisk = path.join(one.config.attachmentsDir, key);
    mkdirSync(path.dirname(onDisk), { recursive: true });
    writeFileSync(onDisk, PDF_BYTES);
    expect((await httpClient(two.baseUrl).getBytes(pdf.url)).status).toBe(404);
    // Asked for through the instance that has it, it moves into the database, and every instance shows it.
    expect((await httpClient(one.baseUrl).getBytes(pdf.url)).bytes.equals(PDF_BYTES)).toBe(true);
    expect(existsSync(onDisk)).toBe(false);
    expect((await httpClient(two.baseUrl).getBytes(pdf.url)).bytes.equals(PDF_BYTES)).toBe(true);
  });
});
