import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, LOT_CODE_RULE, parseImportProblemKey, PORTAL_BIZ_STEPS, type ImportJobView } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProduct,
  createProducer,
  createStaff,
  createUser,
  makeLotCode,
  shipAndReceive,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { finishedImport, importCsv, importXlsx, uploadImport } from '../factories/imports.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, snapshotTables, sql, WRITE_TABLES } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const BATCH_HEADER = ['product', 'lot_code', 'display_name', 'production_date', 'expiry_date', 'quantity', 'unit', 'origin_location'];
const EVENT_HEADER = [
  'lot_code',
  'stage',
  'event_time',
  'location',
  'quantity',
  'unit',
  'party',
  'document_type',
  'document_id',
  'passed',
  'note',
];
/** Every table an import could write, its own included. */
const TABLES = [...WRITE_TABLES, 'audit_log', 'import_jobs'];

describe('bulk import', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let farm: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    farm = await createProducer(f, admin, {
      location: { name: 'Vườn bưởi Phúc Trạch' },
      product: { name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' } },
    });
  });
  afterAll(async () => t?.close());

  /** Rows for new batches, the product named by name, GTIN and without diacritics in turn. */
  const batchRows = (lots: string[]) =>
    lots.map((lot, n) => [
      [farm.product.name.vi, farm.product.gtin!, 'buoi phuc trach'][n % 3]!,
      lot,
      `Bưởi lô ${n + 1}`,
      '01/10/2026',
      '2026-12-31',
      '1.200',
      'kg',
      'vuon buoi phuc trach',
    ]);

  const started = async (
    who: TestUser | { token: string },
    kind: 'batches' | 'events',
    file: string | Buffer,
    businessId = farm.business.id,
  ): Promise<ImportJobView> => {
    const response = await uploadImport(t.baseUrl, who, businessId, kind, file);
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(`/api/imports/${response.body.id}`);
    return finishedImport(t.baseUrl, who, response.body.id);
  };

  describe('GET /api/imports/templates/{kind}.{format}', () => {
    it.each(['batches', 'events'] as const)(
      'gives the %s CSV with a byte-order mark, the column keys as its header and a bilingual guide row',
      async (kind) => {
        const { status, headers, bytes } = await f.http.getBytes(`/api/imports/templates/${kind}.csv`);
        expect(status).toBe(200);
        expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const [header, guide, ...more] = parse(bytes.subarray(3).toString('utf8')) as string[][];
        expect(header).toEqual(IMPORT_COLUMNS[kind].map((c) => c.key));
        expect(more).toEqual([]);
        expect(guide![0]).toMatch(/^\[Hướng dẫn \/ Guide\] /);
        IMPORT_COLUMNS[kind].forEach((column, n) => {
          for (const text of [column.label.vi, column.label.en, column.help.vi, column.help.en]) expect(guide![n]).toContain(text);
          expect(guide![n]!.startsWith('Bắt buộc / Required') || n === 0).toBe(column.required || n === 0);
        });
      },
    );

    it('imports a file filled in from the CSV template with its guide row kept', async () => {
      const template = (await f.http.getBytes('/api/imports/templates/batches.csv')).bytes.toString('utf8');
      const lot = makeLotCode('MAU');
      const cells: Partial<Record<string, string>> = { product: farm.product.gtin!, lot_code: lot, production_date: '01/10/2026' };
      const row = IMPORT_COLUMNS.batches.map((c) => cells[c.key] ?? '').join(',');
      const job = await started(farm.owner, 'batches', `${template}${row}\r\n`);
      expect(job).toMatchObject({ status: 'done', totalRows: 1 });
      expect(job.batches.map((b) => b.lotCode)).toEqual([lot]);
    });

    it.each(['batches', 'events'] as const)('gives the %s XLSX, which opens with a data sheet and a bilingual guide', async (kind) => {
      const { status, bytes } = await f.http.getBytes(`/api/imports/templates/${kind}.xlsx`);
      expect(status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const [data, guide] = workbook.worksheets;
      expect((data!.getRow(1).values as unknown[]).slice(1)).toEqual(IMPORT_COLUMNS[kind].map((c) => c.key));
      expect(guide!.name).toBe('Hướng dẫn - Guide');
      const lotRow = IMPORT_COLUMNS[kind].findIndex((c) => c.key === 'lot_code') + 2;
      expect((guide!.getRow(lotRow).values as unknown[]).slice(1, 4)).toEqual(['lot_code', 'Mã lô', 'Lot code']);
      expect(guide!.getRow(lotRow).getCell(7).value).toBe('PT-2026-01');
    });

    it('answers 400 for a kind or format it does not have', async () => {
      expectApiError(await f.http.get('/api/imports/templates/recalls.csv'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('POST /api/businesses/:businessId/imports?kind=batches', () => {
    it('refuses a file with a bad row (422 naming its row and column) and stores nothing', async () => {
      const rows = batchRows([makeLotCode('OK'), makeLotCode('BAD'), makeLotCode('OK')]);
      rows[1]![3] = '31/02/2026';
      rows[2]![6] = 'bao tải';
      const before = await snapshotTables(t, TABLES);
      const response = await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', importCsv(BATCH_HEADER, rows));
      const body = expectApiError(response, 422, 'IMPORT_FILE_INVALID', ['row 3, column production_date', 'row 4, column unit']);
      expect(body.fieldErrors!['row 3, column production_date']![0]).toContain('31/02/2026');
      expect(parseImportProblemKey('row 3, column production_date')).toEqual({ row: 3, column: 'production_date' });
      expect(await snapshotTables(t, TABLES)).toEqual(before);
    });

    it('reports each kind of problem a row can have, all at once', async () => {
      const taken = await createBatch(f, farm.owner, farm.product.id);
      const dup = makeLotCode('DUP');
      const rows = [
        ['Sầu riêng', makeLotCode(), '', '01/10/2026', '', '', '', ''],
        [farm.product.gtin!, 'LÔ 1', '', '01/10/2026', '', '', '', ''],
        [farm.product.gtin!, taken.lotCode, '', '01/10/2026', '', '', '', ''],
        [farm.product.gtin!, dup, '', '01/10/2026', '', '', '', ''],
        [farm.product.gtin!, dup, '', '01/10/2026', '30/09/2026', '-5', '', 'Kho lạ'],
        [farm.product.gtin!, '', '', '', '', '', '', ''],
      ];
      const response = await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', importCsv(BATCH_HEADER, rows));
      expectApiError(response, 422, 'IMPORT_FILE_INVALID', [
        'row 2, column product',
        'row 3, column lot_code',
        'row 4, column lot_code',
        'row 6, column lot_code',
        'row 6, column expiry_date',
        'row 6, column quantity',
        'row 6, column origin_location',
        'row 7, column lot_code',
        'row 7, column production_date',
      ]);
    });

    it('refuses a lot code the rule does not allow with the corrected code the form would suggest, in the asker language', async () => {
      const rows = [[farm.product.gtin!, 'Bưởi lô 7', '', '01/10/2026', '', '', '', '']];
      for (const [language, words] of [
        ['en', ['must be a lot code', LOT_CODE_RULE.en, '(suggested: BUOI-LO-7)']],
        ['vi', ['phải là số lô hợp lệ', LOT_CODE_RULE.vi, '(gợi ý: BUOI-LO-7)']],
      ] as const) {
        const body = expectApiError(
          await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', importCsv(BATCH_HEADER, rows), { check: true, language }),
          422,
          'IMPORT_FILE_INVALID',
          ['row 2, column lot_code'],
        );
        for (const word of words) expect(body.fieldErrors!['row 2, column lot_code']![0]).toContain(word);
      }
    });

    it('refuses a header with a missing or unknown column', async () => {
      const response = await uploadImport(
        t.baseUrl,
        farm.owner,
        farm.business.id,
        'batches',
        importCsv(['product', 'lot', 'production_date'], [['x', 'y', 'z']]),
      );
      expectApiError(response, 422, 'IMPORT_FILE_INVALID', ['column lot', 'column lot_code']);
    });

    it('checks a good file without storing anything (POST .../imports/check)', async () => {
      const before = await snapshotTables(t, TABLES);
      const response = await uploadImport(
        t.baseUrl,
        farm.owner,
        farm.business.id,
        'batches',
        importCsv(BATCH_HEADER, batchRows([makeLotCode(), makeLotCode()])),
        { check: true },
      );
      expect(response).toMatchObject({ status: 200, body: { kind: 'batches', rows: 2 } });
      expect(await snapshotTables(t, TABLES)).toEqual(before);
    });

    it('imports every row of the fixed file: batches with their commissioning events, hash chains intact', async () => {
      const lots = [makeLotCode('A'), makeLotCode('B'), makeLotCode('C')];
      const job = await started(farm.owner, 'batches', importCsv(BATCH_HEADER, batchRows(lots)));
      expect(job).toMatchObject({ status: 'done', kind: 'batches', totalRows: 3, processedRows: 3, failure: null });
      expect(job.batches.map((b) => b.lotCode)).toEqual(lots);

      const stored = await sql<{
        id: string;
        lot_code: string;
        quantity: string;
        unit: string;
        origin_location_id: string;
        production_date: string;
      }>(
        t,
        `SELECT id, lot_code, quantity::text, unit, origin_location_id, production_date::text FROM batches WHERE lot_code = ANY($1) ORDER BY lot_code`,
        [lots],
      );
      expect(stored.map((b) => [b.lot_code, b.quantity, b.unit, b.origin_location_id, b.production_date])).toEqual(
        [...lots].sort().map((lot) => [lot, '1200', 'KGM', farm.location.id, '2026-10-01']),
      );
      for (const batch of stored) {
        expect(
          await countRows(t, 'event_batches eb JOIN events e ON e.id = eb.event_id', `eb.batch_id = $1 AND e.biz_step = 'commissioning'`, [
            batch.id,
          ]),
        ).toBe(1);
        const integrity = await f.http.get(`/api/batches/${batch.id}/integrity`);
        expect(integrity.body).toMatchObject({ verified: true, records: 1 });
      }
      const [audit] = await sql<{ details: Record<string, unknown> }>(
        t,
        `SELECT details FROM audit_log WHERE action = 'import.run' AND target_id = $1`,
        [job.id],
      );
      expect(audit!.details).toEqual({ kind: 'batches', rows: 3, batches: 3 });
    });

    it('imports an XLSX the same way, with date cells and Vietnamese column titles', async () => {
      const lots = [makeLotCode('X'), makeLotCode('Y')];
      const file = await importXlsx(
        ['Sản phẩm', 'Mã lô', 'Ngày sản xuất', 'Hạn sử dụng', 'Số lượng', 'Đơn vị'],
        lots.map((lot) => [farm.product.gtin!, lot, new Date(Date.UTC(2026, 9, 5)), new Date(Date.UTC(2027, 0, 31)), 250.5, 'KGM']),
      );
      const job = await started(farm.owner, 'batches', file);
      expect(job).toMatchObject({ status: 'done', totalRows: 2, processedRows: 2 });
      const stored = await sql<{ production_date: string; expiry_date: string; quantity: string }>(
        t,
        `SELECT production_date::text, expiry_date::text, quantity::text FROM batches WHERE lot_code = ANY($1)`,
        [lots],
      );
      expect(stored).toEqual(lots.map(() => ({ production_date: '2026-10-05', expiry_date: '2027-01-31', quantity: '250.5' })));
    });

    it('reads a CSV that Excel saved with semicolons and decimal commas', async () => {
      const lot = makeLotCode('SC');
      const file = `\ufeff${importCsv(['product', 'lot_code', 'production_date', 'quantity', 'unit'], [[farm.product.gtin!, lot, '02/10/2026', '12,5', 'lít']], ';')}`;
      expect(await started(farm.owner, 'batches', file)).toMatchObject({ status: 'done', processedRows: 1 });
      expect(await sql(t, `SELECT quantity::text, unit FROM batches WHERE lot_code = $1`, [lot])).toEqual([
        { quantity: '12.5', unit: 'LTR' },
      ]);
    });

    it('rolls everything back when a row fails during the run, and the job names that row', async () => {
      // A refusal the check cannot foresee (here the database's own, as a lost disk or a
      // constraint would be): the third row fails after two batches were written in the run.
      const lots = [makeLotCode('R'), makeLotCode('R'), 'BOOM-IMPORT'];
      await sql(t, `CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`);
      await sql(
        t,
        `CREATE TRIGGER refuse_boom BEFORE INSERT ON batches FOR EACH ROW WHEN (NEW.lot_code = 'BOOM-IMPORT') EXECUTE FUNCTION refuse_boom()`,
      );
      try {
        const before = await snapshotTables(t, WRITE_TABLES);
        const job = await started(farm.owner, 'batches', importCsv(BATCH_HEADER, batchRows(lots)));
        expect(job).toMatchObject({ status: 'failed', processedRows: 0, batches: [], failure: { row: 4 } });
        const audit = await sql(t, `SELECT action, details FROM audit_log WHERE target_id = $1`, [job.id]);
        expect(audit).toEqual([{ action: 'import.fail', details: { kind: 'batches', rows: 3, failedRow: 4 } }]);
        expect(job.failure!.message.en.length).toBeGreaterThan(0);
        expect(await snapshotTables(t, WRITE_TABLES)).toEqual(before);
      } finally {
        await sql(t, `DROP TRIGGER refuse_boom ON batches`);
        await sql(t, `DROP FUNCTION refuse_boom()`);
      }
    });

    it('is refused for a business that is not verified', async () => {
      const owner = await createUser(f);
      const pending = (
        await f.http.post(
          '/api/businesses',
          { legalName: 'HTX chờ duyệt', taxCode: '3005550002', address: { line: 'Thôn 1', commune: 'Xã A', province: 'Hà Tĩnh' } },
          { token: owner.token },
        )
      ).body;
      expectApiError(
        await uploadImport(t.baseUrl, owner, pending.id, 'batches', importCsv(BATCH_HEADER, batchRows([makeLotCode()]))),
        403,
        'BUSINESS_NOT_VERIFIED',
      );
    });
  });

  describe('POST /api/businesses/:businessId/imports?kind=events', () => {
    it('records stages on existing batches, naming places, parties by tax code and documents', async () => {
      const shop = await createProducer(f, admin);
      const batch = await createBatch(f, farm.owner, farm.product.id);
      const file = importCsv(EVENT_HEADER, [
        [batch.lotCode, 'Thu hoạch', '15/10/2026 07:30', farm.location.name, '800', 'kg', '', '', '', '', 'Thu hái buổi sáng'],
        [batch.lotCode, 'kiem nghiem', '16/10/2026 09:00', '', '', '', '', 'testres', 'KN-01', 'Đạt', ''],
        [batch.lotCode, 'shipping', '2026-10-17T08:00:00+07:00', '', '500', 'kg', shop.business.taxCode, 'desadv', 'PGH-7', '', ''],
      ]);
      const job = await started(farm.owner, 'events', file);
      expect(job).toMatchObject({
        status: 'done',
        kind: 'events',
        totalRows: 3,
        processedRows: 3,
        batches: [{ id: batch.id, lotCode: batch.lotCode }],
      });

      const events = await sql<{
        biz_step: string;
        event_time: Date;
        location_id: string | null;
        destination_business_id: string | null;
        disposition: string;
      }>(
        t,
        `SELECT e.biz_step, e.event_time, e.location_id, e.destination_business_id, e.disposition FROM events e JOIN event_batches eb ON eb.event_id = e.id
          WHERE eb.batch_id = $1 AND e.biz_step <> 'commissioning' ORDER BY e.event_time`,
        [batch.id],
      );
      expect(events.map((e) => [e.biz_step, e.event_time.toISOString(), e.location_id, e.destination_business_id, e.disposition])).toEqual([
        [PORTAL_BIZ_STEPS.harvesting, '2026-10-15T00:30:00.000Z', farm.location.id, null, 'in_progress'],
        ['inspecting', '2026-10-16T02:00:00.000Z', null, null, 'conformant'],
        ['shipping', '2026-10-17T01:00:00.000Z', null, shop.business.id, 'in_transit'],
      ]);
      expect((await f.http.get(`/api/batches/${batch.id}/integrity`)).body).toMatchObject({ verified: true, records: 4 });
    });

    it('refuses rows the stage rules forbid, naming row and column', async () => {
      const batch = await createBatch(f, farm.owner, farm.product.id);
      const response = await uploadImport(
        t.baseUrl,
        farm.owner,
        farm.business.id,
        'events',
        importCsv(EVENT_HEADER, [
          [batch.lotCode, 'Chế biến', '15/10/2026 07:30', '', '', '', '', '', '', '', ''],
          [batch.lotCode, 'Vận chuyển', '15/10/2026 07:30', '', '', '', '', '', '', '', ''],
          [batch.lotCode, 'Đóng gói', '15/10/2099 07:30', '', '', '', '', '', '', 'Đạt', ''],
          ['KHONG-CO', 'Đóng gói', '15/10/2026', '', '', '', '', 'inv', '', '', ''],
          [batch.lotCode, 'Đóng gói', '15/10/2026', '', '', '', '', 'hoadon', 'HD1', '', ''],
        ]),
      );
      const body = expectApiError(response, 422, 'IMPORT_FILE_INVALID', [
        'row 2, column stage',
        'row 3, column party',
        'row 4, column event_time',
        'row 4, column passed',
        'row 5, column lot_code',
        'row 5, column document_id',
        'row 6, column document_type',
      ]);
      expect(body.fieldErrors!['row 2, column stage']![0]).toMatch(/processing form/);
    });

    it('names the lot meant when a row writes its code with spaces or diacritics', async () => {
      const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: makeLotCode('CAM-LO-') });
      const typed = batch.lotCode.replace('CAM-LO-', 'cam lô ');
      const body = expectApiError(
        await uploadImport(
          t.baseUrl,
          farm.owner,
          farm.business.id,
          'events',
          importCsv(EVENT_HEADER, [[typed, 'Thu hoạch', '15/10/2026 07:30', '', '', '', '', '', '', '', '']]),
          { check: true },
        ),
        422,
        'IMPORT_FILE_INVALID',
        ['row 2, column lot_code'],
      );
      expect(body.fieldErrors!['row 2, column lot_code']![0]).toBe(
        `No batch "${typed}" of yours or shipped to you (did you mean ${batch.lotCode}?)`,
      );
    });

    it('asks for the product when two products have the lot, and records on the one a product column names', async () => {
      const juice = await createProduct(f, farm.owner, farm.business.id, { name: { vi: 'Nước bưởi', en: 'Pomelo juice' } });
      const lotCode = makeLotCode('CHUNG-');
      await createBatch(f, farm.owner, farm.product.id, { lotCode });
      const juiceBatch = await createBatch(f, farm.owner, juice.id, { lotCode });
      const header = [...EVENT_HEADER, 'product'];
      const harvest = (product: string) => [lotCode, 'Thu hoạch', '15/10/2026 07:30', '', '', '', '', '', '', '', '', product];

      const body = expectApiError(
        await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'events', importCsv(header, [harvest('')]), { check: true }),
        422,
        'IMPORT_FILE_INVALID',
        ['row 2, column lot_code'],
      );
      expect(body.fieldErrors!['row 2, column lot_code']![0]).toBe(`Several products have a lot "${lotCode}": fill in the product column`);
      expect(await started(farm.owner, 'events', importCsv(header, [harvest(juice.gtin!)]))).toMatchObject({
        status: 'done',
        batches: [{ id: juiceBatch.id }],
      });
    });

    it("lets a business a batch was shipped to record its later stages, not the farm's", async () => {
      const shop = await createProducer(f, admin);
      const batch = await createBatch(f, farm.owner, farm.product.id);
      await shipAndReceive(f, farm.owner, shop, batch.id);
      const harvest = [batch.lotCode, 'Thu hoạch', '15/10/2026 07:30', '', '', '', '', '', '', '', ''];
      const retail = [batch.lotCode, 'Bán lẻ', '20/10/2026 07:30', '', '', '', '', '', '', '', ''];
      expectApiError(
        await uploadImport(t.baseUrl, shop.owner, shop.business.id, 'events', importCsv(EVENT_HEADER, [retail, harvest])),
        422,
        'IMPORT_FILE_INVALID',
        ['row 3, column stage'],
      );
      expect(await started(shop.owner, 'events', importCsv(EVENT_HEADER, [retail]), shop.business.id)).toMatchObject({
        status: 'done',
        batches: [{ id: batch.id }],
      });
    });

    it('rolls back the whole file when the capture refuses a row the check passed (an event already recorded)', async () => {
      const batch = await createBatch(f, farm.owner, farm.product.id);
      const packed = [batch.lotCode, 'Đóng gói', '20/10/2026 10:00', '', '', '', '', '', '', '', ''];
      expect(await started(farm.owner, 'events', importCsv(EVENT_HEADER, [packed]))).toMatchObject({ status: 'done' });

      const before = await snapshotTables(t, WRITE_TABLES);
      const stored = [batch.lotCode, 'Lưu kho', '21/10/2026 10:00', '', '', '', '', '', '', '', ''];
      const job = await started(farm.owner, 'events', importCsv(EVENT_HEADER, [stored, packed]));
      expect(job).toMatchObject({
        status: 'failed',
        processedRows: 0,
        failure: { row: 3, message: { en: 'This event was already recorded.' } },
      });
      expect(await snapshotTables(t, WRITE_TABLES)).toEqual(before);
    });

    it('names the refused row when rows on other batches are written with it, and stores none of them', async () => {
      const [recorded, fresh] = [await createBatch(f, farm.owner, farm.product.id), await createBatch(f, farm.owner, farm.product.id)];
      const packed = [recorded.lotCode, 'Đóng gói', '20/10/2026 10:00', '', '', '', '', '', '', '', ''];
      expect(await started(farm.owner, 'events', importCsv(EVENT_HEADER, [packed]))).toMatchObject({ status: 'done' });

      const before = await snapshotTables(t, WRITE_TABLES);
      const harvest = [fresh.lotCode, 'Thu hoạch', '15/10/2026 07:30', '', '', '', '', '', '', '', ''];
      const job = await started(farm.owner, 'events', importCsv(EVENT_HEADER, [harvest, packed]));
      expect(job).toMatchObject({ status: 'failed', failure: { row: 3, message: { en: 'This event was already recorded.' } } });
      expect(await snapshotTables(t, WRITE_TABLES)).toEqual(before);
    });

    it('checks each row against the rows before it on its batch: a second shipment past what remains is refused at its row', async () => {
      const shop = await createProducer(f, admin);
      const [apples, pears] = [await createBatch(f, farm.owner, farm.product.id), await createBatch(f, farm.owner, farm.product.id)];
      const row = (lot: string, stage: string, day: number, quantity = '', party = '') => [
        lot,
        stage,
        `${day}/10/2026 08:00`,
        '',
        quantity,
        quantity ? 'kg' : '',
        party,
        '',
        '',
        '',
        '',
      ];
      const rows = [
        row(apples.lotCode, 'Thu hoạch', 15),
        row(pears.lotCode, 'Thu hoạch', 15),
        row(apples.lotCode, 'shipping', 16, '600', shop.business.taxCode),
        row(pears.lotCode, 'shipping', 16, '300', shop.business.taxCode),
        row(apples.lotCode, 'shipping', 17, '600', shop.business.taxCode),
      ];
      const refused = await started(farm.owner, 'events', importCsv(EVENT_HEADER, rows));
      expect(refused).toMatchObject({ status: 'failed', failure: { row: 6 } });
      expect(refused.failure!.message.en).toMatch(/^Only 400 kg of batch .* remains \(of 1,?000 kg\)/);

      expect(await started(farm.owner, 'events', importCsv(EVENT_HEADER, rows.slice(0, 4)))).toMatchObject({
        status: 'done',
        processedRows: 4,
      });
      for (const batch of [apples, pears]) {
        const steps = await sql<{ biz_step: string }>(
          t,
          `SELECT e.biz_step FROM events e JOIN event_batches eb ON eb.event_id = e.id WHERE eb.batch_id = $1 ORDER BY eb.seq`,
          [batch.id],
        );
        expect(steps.map((s) => s.biz_step)).toEqual(['commissioning', PORTAL_BIZ_STEPS.harvesting, 'shipping']);
        expect((await f.http.get(`/api/batches/${batch.id}/integrity`)).body).toMatchObject({ verified: true, records: 3 });
      }

      // Rows on two batches written together: the one past what remains is still named, and nothing is kept.
      const before = await snapshotTables(t, WRITE_TABLES);
      const together = await started(
        farm.owner,
        'events',
        importCsv(EVENT_HEADER, [row(apples.lotCode, 'Lưu kho', 18), row(pears.lotCode, 'shipping', 18, '800', shop.business.taxCode)]),
      );
      expect(together).toMatchObject({ status: 'failed', failure: { row: 3 } });
      expect(together.failure!.message.en).toMatch(/^Only 700 kg of batch .* remains/);
      expect(await snapshotTables(t, WRITE_TABLES)).toEqual(before);
    });

    it('records a file of more rows than one write on as many lots, and names a refused row of a later write, storing nothing', async () => {
      // 600 rows on 600 lots: two writes of rows on other batches, the second checked while the first is stored.
      const lots = Array.from({ length: 600 }, (_, n) => makeLotCode(`S${n}`));
      expect(await started(farm.owner, 'batches', importCsv(BATCH_HEADER, batchRows(lots)))).toMatchObject({ status: 'done' });
      const harvest = (lot: string) => [lot, 'Thu hoạch', '15/10/2026 07:30', '', '', '', '', '', '', '', ''];
      const packed = (lot: string) => [lot, 'Đóng gói', '20/10/2026 10:00', '', '', '', '', '', '', '', ''];
      expect(await started(farm.owner, 'events', importCsv(EVENT_HEADER, [packed(lots[550]!)]))).toMatchObject({ status: 'done' });

      // Row 552 (the 551st, in the second write) repeats that packing, which only the write finds.
      const before = await snapshotTables(t, WRITE_TABLES);
      const rows = lots.map((lot, n) => (n === 550 ? packed(lot) : harvest(lot)));
      expect(await started(farm.owner, 'events', importCsv(EVENT_HEADER, rows))).toMatchObject({
        status: 'failed',
        processedRows: 0,
        failure: { row: 552, message: { en: 'This event was already recorded.' } },
      });
      expect(await snapshotTables(t, WRITE_TABLES)).toEqual(before);

      // The file without that row: every lot's harvest is recorded, its chain intact.
      const harvested = lots.filter((_, n) => n !== 550);
      const job = await started(farm.owner, 'events', importCsv(EVENT_HEADER, harvested.map(harvest)));
      expect(job).toMatchObject({ status: 'done', totalRows: 599, processedRows: 599 });
      const chains = await sql<{ steps: string[] }>(
        t,
        `SELECT array_agg(e.biz_step ORDER BY eb.seq) AS steps
           FROM batches b JOIN event_batches eb ON eb.batch_id = b.id JOIN events e ON e.id = eb.event_id
          WHERE b.lot_code = ANY($1) GROUP BY b.id`,
        [harvested],
      );
      expect(chains).toHaveLength(599);
      expect(chains.filter((c) => c.steps.join() !== `commissioning,${PORTAL_BIZ_STEPS.harvesting}`)).toEqual([]);
      const ends = await sql<{ id: string }>(t, `SELECT id FROM batches WHERE lot_code = ANY($1)`, [[lots[0], lots[599]]]);
      for (const batch of ends) {
        expect((await f.http.get(`/api/batches/${batch.id}/integrity`)).body).toMatchObject({ verified: true, records: 2 });
      }
    });
  });

  describe('who may import, and see the job', () => {
    it('a member of another business cannot import into this one (403), nor see its jobs (404)', async () => {
      const other = await createProducer(f, admin);
      const file = importCsv(BATCH_HEADER, batchRows([makeLotCode()]));
      expectApiError(await uploadImport(t.baseUrl, other.owner, farm.business.id, 'batches', file), 403, 'FORBIDDEN');
      expectApiError(await uploadImport(t.baseUrl, other.owner, farm.business.id, 'batches', file, { check: true }), 403, 'FORBIDDEN');
      const job = await started(farm.owner, 'batches', file);
      expectApiError(await f.http.get(`/api/imports/${job.id}`, { token: other.owner.token }), 404, 'NOT_FOUND');
      expectApiError(await f.http.get(`/api/imports/${job.id}`, { token: admin.token }), 404, 'NOT_FOUND');
    });

    it("staff and the business's API keys with the capture scope may import", async () => {
      const staff = await createStaff(f, farm.owner, farm.business.id);
      expect(await started(staff, 'batches', importCsv(BATCH_HEADER, batchRows([makeLotCode()])))).toMatchObject({ status: 'done' });
      const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture'] });
      expect(await started(key, 'batches', importCsv(BATCH_HEADER, batchRows([makeLotCode()])))).toMatchObject({ status: 'done' });
      const reader = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['read'] });
      expectApiError(
        await uploadImport(t.baseUrl, reader, farm.business.id, 'batches', importCsv(BATCH_HEADER, batchRows([makeLotCode()]))),
        403,
        'INSUFFICIENT_SCOPE',
      );
    });

    it('signed-out uploads are refused (401)', async () => {
      expectApiError(await uploadImport(t.baseUrl, { token: 'nope' }, farm.business.id, 'batches', 'product\n'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('limits', () => {
    it(`refuses more than ${IMPORT_MAX_ROWS} rows (413)`, async () => {
      const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, n) => [farm.product.gtin!, `LIM${n}`, '01/10/2026']);
      const response = await uploadImport(
        t.baseUrl,
        farm.owner,
        farm.business.id,
        'batches',
        importCsv(['product', 'lot_code', 'production_date'], rows),
      );
      expectApiError(response, 413, 'PAYLOAD_TOO_LARGE');
      const workbook = await importXlsx(['product', 'lot_code', 'production_date'], rows);
      expectApiError(await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', workbook), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses a file over 5 MiB (413)', async () => {
      const response = await uploadImport(
        t.baseUrl,
        farm.owner,
        farm.business.id,
        'batches',
        `product,lot_code,production_date,display_name\n${'x'.repeat(5 * 1024 * 1024 + 1)}`,
      );
      expectApiError(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses other content types (415) and files that are not what they claim (422)', async () => {
      expectApiError(
        await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', 'product', { contentType: 'text/plain' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      // Only the import routes read spreadsheets.
      expectApiError(
        await f.http.post('/api/batches', 'product,lot_code', { token: farm.owner.token, headers: { 'content-type': 'text/csv' } }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectApiError(
        await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', Buffer.from('not a zip')),
        422,
        'IMPORT_FILE_INVALID',
        ['file'],
      );
      expectApiError(
        await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', Buffer.from([0xff, 0xfe, 0x41]), {
          contentType: 'text/csv',
        }),
        422,
        'IMPORT_FILE_INVALID',
        ['file'],
      );
    });
  });
});
