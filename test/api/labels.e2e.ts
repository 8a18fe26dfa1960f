import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LABEL_TEMPLATES, labelsPerPage, labelTemplate, type BatchView, type LabelTemplate } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProduct,
  createProducer,
  createStaff,
  createUser,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { unsignedLabel } from '../factories/lots.js';
import { httpClient } from '../support/http.js';
import { openPdf, type PageArea, type PdfFile } from '../support/pdf.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const A4 = '595.28 x 841.89 pts (A4)';

/** Where the sheet's cut labels are, as its maker gives them: each must hold a whole QR code. */
function labelAreas(template: LabelTemplate): PageArea[] {
  return Array.from({ length: labelsPerPage(template) }, (_, slot) => ({
    x: template.marginLeft + (slot % template.columns) * (template.labelWidth + template.gapX),
    y: template.marginTop + Math.floor(slot / template.columns) * (template.labelHeight + template.gapY),
    width: template.labelWidth,
    height: template.labelHeight,
  }));
}
const threeByEight = labelAreas(labelTemplate('a4-3x8-70x37'));

describe('Label sheets', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let producer: Producer;
  let batch: BatchView;

  const labelsPath = (batchId: string, query = '') => `/api/batches/${batchId}/labels.pdf${query ? `?${query}` : ''}`;
  const fetchSheet = (batchId: string, query: string, who: Credential) =>
    f.http.getBytes(labelsPath(batchId, query), { headers: { authorization: `Bearer ${who.token}` } });
  /** The sheet as a PDF reader sees it; fails the test unless the answer is a PDF. */
  async function printSheet(batchId: string, query: string, who: Credential = producer.owner): Promise<PdfFile> {
    const response = await fetchSheet(batchId, query, who);
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
    expect(response.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    return openPdf(response.bytes);
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin, { product: { name: { vi: 'Bưởi Phúc Trạch Hương Khê', en: 'Phuc Trach pomelo' } } });
    batch = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'PT-2026-01', expiryDate: '2026-12-31' });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/batches/:id/labels.pdf', () => {
    it('prints labels whose QR codes all decode to the batch URL, with the product name, lot, expiry and code', async () => {
      const response = await fetchSheet(batch.id, 'template=a4-3x8-70x37&count=24', producer.owner);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="nhan-PT-2026-01.pdf"');
      const pdf = await printSheet(batch.id, 'template=a4-3x8-70x37&count=24');
      try {
        expect([pdf.pages, pdf.pageSize]).toEqual([1, A4]);
        const codes = pdf.qrCodes(1, threeByEight);
        expect(codes).toHaveLength(24);
        expect(new Set(codes)).toEqual(new Set([batch.identityUrl]));
        const text = pdf.text(1);
        for (const expected of ['Bưởi Phúc Trạch Hương Khê', 'Lô: PT-2026-01', 'HSD: 31/12/2026', `Mã: ${batch.shortCode}`])
          expect(text).toContain(expected);
      } finally {
        pdf.close();
      }
    });

    it('prints one full sheet of the default template when no count is given', async () => {
      const pdf = await printSheet(batch.id, '');
      try {
        expect(pdf.pages).toBe(1);
        expect(pdf.qrCodes(1, threeByEight)).toHaveLength(24);
      } finally {
        pdf.close();
      }
    });

    it('skips the used positions of a partly used sheet and goes on over as many sheets as needed', async () => {
      // 24 labels a sheet: positions 20 to 24 on the first, then 24 and 1.
      const pdf = await printSheet(batch.id, 'template=a4-3x8-70x37&count=30&startAt=20');
      try {
        expect(pdf.pages).toBe(3);
        expect(pdf.qrCodes(1, threeByEight)).toEqual(Array(5).fill(batch.identityUrl));
        expect(pdf.qrCodes(2, threeByEight)).toHaveLength(24);
        expect(pdf.qrCodes(3, threeByEight)).toEqual([batch.identityUrl]);
      } finally {
        pdf.close();
      }
    });

    it.each(LABEL_TEMPLATES.map((template) => [template.id, labelsPerPage(template), template] as const))(
      'fills sheet %s with %i labels a page, each with a readable QR code inside its cut lines',
      async (id, perPage, template) => {
        const pdf = await printSheet(batch.id, `template=${id}&count=${perPage + 1}`);
        try {
          expect([pdf.pages, pdf.pageSize]).toEqual([2, A4]);
          expect(pdf.qrCodes(1, labelAreas(template))).toEqual(Array(perPage).fill(batch.identityUrl));
          expect(pdf.text(2)).toContain('PT-2026-01');
        } finally {
          pdf.close();
        }
      },
    );

    it('prints the /q/ URL and the best-before date for a product without a GTIN, and a file name without odd characters', async () => {
      const product = await createProduct(f, producer.owner, producer.business.id, {
        gtin: undefined,
        name: { vi: 'Mật ong Vũ Quang', en: 'Vu Quang honey' },
      });
      const honey = await createBatch(f, producer.owner, product.id, {
        lotCode: 'MO/26"1',
        expiryDate: undefined,
        bestBeforeDate: '2027-03-01',
      });
      const response = await fetchSheet(honey.id, 'count=1', producer.owner);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="nhan-MO-26-1.pdf"');
      const pdf = openPdf(response.bytes);
      try {
        expect(pdf.qrCodes(1)).toEqual([honey.identityUrl]);
        expect(unsignedLabel(honey.identityUrl)).toBe(`http://nguon.test/q/${honey.shortCode}?10=MO%2F26%221`);
        const text = pdf.text(1);
        for (const expected of ['Mật ong Vũ Quang', 'Lô: MO/26"1', 'Tốt nhất trước: 01/03/2027']) expect(text).toContain(expected);
        expect(text).not.toContain('HSD');
      } finally {
        pdf.close();
      }
    });

    it('fits a long product name: whole on a large label, cut short with "…" on the smallest', async () => {
      const name = 'Mật ong hoa nhãn rừng Vũ Quang thu hoạch vụ xuân loại đặc biệt';
      const product = await createProduct(f, producer.owner, producer.business.id, { name: { vi: name, en: 'Vu Quang honey' } });
      const honey = await createBatch(f, producer.owner, product.id);
      for (const [template, whole] of [
        ['a4-2x4-105x74', true],
        ['a4-5x13-38x21', false],
      ] as const) {
        const pdf = await printSheet(honey.id, `template=${template}&count=1`);
        try {
          const text = pdf.text(1);
          expect({ template, whole: text.includes(name), cut: /Mật ong hoa[^…]*… /.test(text) }).toEqual({ template, whole, cut: !whole });
          expect(pdf.qrCodes(1)).toEqual([honey.identityUrl]);
        } finally {
          pdf.close();
        }
      }
    });

    it('prints for the staff of the business, its read API keys, inspectors and administrators', async () => {
      const staff = await createStaff(f, producer.owner, producer.business.id);
      const key = await createApiKey(f, producer.owner, producer.business.id, { scopes: ['read'] });
      const inspector = await createUser(f, { role: 'inspector' });
      for (const who of [staff, key, inspector, admin]) {
        const response = await fetchSheet(batch.id, 'count=1', who);
        expect(response.status).toBe(200);
      }
    });

    it('refuses a member of another business with 403 and an anonymous caller with 401', async () => {
      const other = await createProducer(f, admin);
      const asOther = await f.http.get(labelsPath(batch.id), { token: other.owner.token });
      expectApiError(asOther, 403, 'FORBIDDEN');
      expectApiError(await f.http.get(labelsPath(batch.id)), 401, 'UNAUTHENTICATED');
      const captureKey = await createApiKey(f, producer.owner, producer.business.id, { scopes: ['capture'] });
      expectApiError(await f.http.get(labelsPath(batch.id), { token: captureKey.token }), 403, 'INSUFFICIENT_SCOPE');
    });

    it.each([
      ['count=0', 'count'],
      ['count=5001', 'count'],
      ['count=abc', 'count'],
      ['count=2.5', 'count'],
      ['template=a4-9x9', 'template'],
      ['startAt=0', 'startAt'],
      ['startAt=25&template=a4-3x8-70x37', 'startAt'],
      ['size=big', 'size'],
    ])('refuses %s with 400, naming the parameter', async (query, field) => {
      expectApiError(await f.http.get(labelsPath(batch.id, query), { token: producer.owner.token }), 400, 'VALIDATION_FAILED', [field]);
    });

    it("says in the reader's language how many labels one request may print", async () => {
      const vi = await f.http.get(labelsPath(batch.id, 'count=5001'), {
        token: producer.owner.token,
        headers: { 'accept-language': 'vi' },
      });
      expect(vi.body.fieldErrors.count).toEqual(['count không được lớn hơn 5000']);
      const en = await f.http.get(labelsPath(batch.id, 'count=5001'), {
        token: producer.owner.token,
        headers: { 'accept-language': 'en' },
      });
      expect(en.body.fieldErrors.count).toEqual(['count must not be greater than 5000']);
    });

    it('answers an unknown batch with 404 BATCH_NOT_FOUND and a non-UUID with 404', async () => {
      expectApiError(await f.http.get(labelsPath(randomUUID()), { token: producer.owner.token }), 404, 'BATCH_NOT_FOUND');
      expectApiError(await f.http.get(labelsPath('PT-2026-01'), { token: producer.owner.token }), 404, 'NOT_FOUND');
    });

    it('prints no labels for a recalled batch', async () => {
      const recalled = await createBatch(f, producer.owner, producer.product.id);
      // Set directly: how a batch gets recalled is not what this test is about.
      await t.app.database.dataSource.query(`UPDATE batches SET status = 'recalled' WHERE id = $1`, [recalled.id]);
      expectApiError(await f.http.get(labelsPath(recalled.id), { token: producer.owner.token }), 422, 'BATCH_RECALLED');
    });
  });
});
