import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createApiKey, createBatch, createUser, recordStage, type Factory, type TestUser } from '../factories/index.js';
import { createExportChain, exportEvents, type ExportChain, type ExportResponse } from '../factories/exports.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { validateEpcisDocument } from '../../server/src/epcis/epcis-schema.js';

type CsvRow = Record<string, string>;

/** The CSV as records keyed by the header row (after the byte order mark). */
function csvRows(response: ExportResponse): CsvRow[] {
  expect(response.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(response.text.slice(1), { columns: true }) as CsvRow[];
}

const lotsOf = (rows: CsvRow[]) => new Set(rows.flatMap((r) => r['Traceability Lot Code']!.split('; ')));

describe('POST /api/exports/events.{csv|xlsx|jsonld}', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let chain: ExportChain;
  /** The event ids (not error declarations) on each batch, read behind the API's back. */
  const eventIdsOf = async (batchIds: string[]) =>
    (
      await sql<{ event_id: string }>(
        t,
        `SELECT DISTINCT e.event_id FROM events e JOIN event_batches eb ON eb.event_id = e.id WHERE eb.batch_id = ANY($1::uuid[]) AND NOT e.error_declared`,
        [batchIds],
      )
    )
      .map((r) => r.event_id)
      .sort();

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    chain = await createExportChain(f, admin);
  });
  afterAll(async () => t?.close());

  describe('CSV', () => {
    it('has one row per event of the lots, sorted by event time, with the key data elements', async () => {
      const response = await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [{ lotCode: chain.orangesA.lotCode }] });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="nguon-lots-1-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const rows = csvRows(response);
      expect(response.headers.get('x-total-rows')).toBe(String(rows.length));
      expect(rows.map((r) => r['Event ID']).sort()).toEqual(await eventIdsOf([chain.orangesA.id]));
      const times = rows.map((r) => Date.parse(r['Event Date and Time']!));
      expect(times).toEqual([...times].sort((a, b) => a - b));

      const byCte = (cte: string) => rows.filter((r) => r['Critical Tracking Event (CTE)'] === cte);
      const [harvest] = byCte('Harvesting');
      expect(harvest).toMatchObject({
        'Event Date and Time': '2026-10-02T08:00:00+07:00',
        'Time Zone Offset': 'UTC+07:00',
        'Traceability Lot Code': chain.orangesA.lotCode,
        GTIN: chain.farmA.product.gtin,
        'Product Description (vi)': 'Cam Hương Sơn',
        'Product Description (en)': 'Huong Son orange',
        Quantity: '1000',
        'Unit of Measure': 'KGM',
        'Location Description': 'Vườn cam Hương Khê',
        Business: 'HTX Cam Hương Khê',
        'Error Declared': 'no',
      });
      expect(byCte('Initial packing')).toHaveLength(1);
      const [shipping] = byCte('Shipping');
      expect(shipping).toMatchObject({
        'Immediate Subsequent Recipient': 'Công ty Nước ép Đồng Lộc',
        'Reference Document Type': 'desadv',
        'Reference Document Number': 'PGH-0042',
        Quantity: '900',
      });
      const [receiving] = byCte('Receiving');
      expect(receiving).toMatchObject({ 'Immediate Previous Source': 'HTX Cam Hương Khê', Business: 'Công ty Nước ép Đồng Lộc' });
      // The orange lot was used to make juice: the transformation row names the juice made and what went in.
      const [transformation] = byCte('Transformation');
      expect(transformation!['Traceability Lot Code']).toBe(chain.juice.lotCode);
      expect(transformation!['Immediate Previous Source']).toContain(
        `${chain.orangesA.lotCode} (Cam Hương Sơn, HTX Cam Hương Khê: 800 KGM)`,
      );
      expect(transformation!['Immediate Previous Source']).toContain(chain.orangesB.lotCode);
    });

    it('keeps text that a spreadsheet would run as a formula as text', async () => {
      await recordStage(f, chain.farmB.owner, chain.orangesB.id, {
        stage: 'shipping',
        destinationName: '=HYPERLINK("http://x.test")',
        bizTransactions: [{ type: 'inv', id: '@SUM(1+1)' }],
      });
      const rows = csvRows(await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [{ lotCode: chain.orangesB.lotCode }] }));
      const shipped = rows.find((r) => r['Immediate Subsequent Recipient']!.includes('HYPERLINK'));
      expect(shipped).toMatchObject({
        'Immediate Subsequent Recipient': `'=HYPERLINK("http://x.test")`,
        'Reference Document Number': `'@SUM(1+1)`,
      });
    });

    it('marks an event its business declared wrong, and keeps it', async () => {
      const [harvest] = await sql<{ id: string; event_id: string }>(
        t,
        `SELECT e.id, e.event_id FROM events e JOIN event_batches eb ON eb.event_id = e.id WHERE eb.batch_id = $1 AND e.biz_step LIKE '%harvesting'`,
        [chain.idleOranges.id],
      );
      const declared = await f.http.post(
        `/api/events/${harvest!.id}/error-declaration`,
        { reason: 'did_not_occur', explanation: 'Ghi nhầm lô' },
        { token: chain.farmA.owner.token },
      );
      expect(declared.status).toBe(201);
      const rows = csvRows(
        await exportEvents(f, inspector, 'csv', {
          kind: 'lots',
          lots: [{ lotCode: chain.idleOranges.lotCode, gtin: chain.farmA.product.gtin! }],
        }),
      );
      expect(rows.find((r) => r['Event ID'] === harvest!.event_id)?.['Error Declared']).toBe('yes (did_not_occur)');
      expect(rows.filter((r) => r['Event ID'] === harvest!.event_id)).toHaveLength(1);
    });
  });
});

describe('exports: XLSX, EPCIS, scopes and who may export', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let chain: ExportChain;
  const eventIdsOf = async (batchIds: string[], withDeclarations = false) =>
    (
      await sql<{ event_id: string }>(
        t,
        `SELECT DISTINCT e.event_id FROM events e JOIN event_batches eb ON eb.event_id = e.id WHERE eb.batch_id = ANY($1::uuid[]) AND ($2 OR NOT e.error_declared)`,
        [batchIds, withDeclarations],
      )
    )
      .map((r) => r.event_id)
      .sort();
  const traceScope = (batchId: string, direction: 'backward' | 'forward' | 'both' = 'both') => ({
    kind: 'trace' as const,
    batchId,
    direction,
  });

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    chain = await createExportChain(f, admin);
  });
  afterAll(async () => t?.close());

  it('XLSX opens, with the same rows as the CSV (typed cells, frozen filtered header) and a glossary sheet', async () => {
    const scope = traceScope(chain.juice.id);
    const [xlsx, csv] = [await exportEvents(f, inspector, 'xlsx', scope), await exportEvents(f, inspector, 'csv', scope)];
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(/filename="nguon-trace-.+\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const events = workbook.getWorksheet('Events')!;
    const header = (events.getRow(1).values as unknown[]).slice(1);
    const csvRecords = csvRows(csv);
    expect(header).toEqual(Object.keys(csvRecords[0]!));
    expect(events.rowCount - 1).toBe(csvRecords.length);
    expect(events.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(events.autoFilter).toBeTruthy();
    const column = (name: string) => header.indexOf(name) + 1;
    const ids: string[] = [];
    events.eachRow((row, index) => {
      if (index === 1) return;
      ids.push(String(row.getCell(column('Event ID')).value));
      expect(row.getCell(column('Event Date and Time')).value).toBeInstanceOf(Date);
    });
    expect(ids).toEqual(csvRecords.map((r) => r['Event ID']));
    const harvest = csvRecords.findIndex(
      (r) => r['Critical Tracking Event (CTE)'] === 'Harvesting' && r['Traceability Lot Code'] === chain.orangesA.lotCode,
    );
    const harvestRow = events.getRow(harvest + 2);
    expect(harvestRow.getCell(column('Quantity')).value).toBe(1000);
    // The local time where it happened (08:00 at +07:00), as Excel shows times: without a zone.
    expect((harvestRow.getCell(column('Event Date and Time')).value as Date).toISOString()).toBe('2026-10-02T08:00:00.000Z');

    const glossary = workbook.getWorksheet('Glossary')!;
    const explained = new Set<string>();
    glossary.eachRow((row) => explained.add(String(row.getCell(1).value)));
    for (const name of header) expect(explained).toContain(name);
    for (const cte of ['Harvesting', 'Cooling', 'Initial packing', 'Shipping', 'Receiving', 'Transformation'])
      expect(explained).toContain(cte);
  });

  it('the EPCIS document validates against GS1 schema and holds exactly the scope events', async () => {
    const response = await exportEvents(f, inspector, 'jsonld', traceScope(chain.bottlesA.id, 'backward'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const document = JSON.parse(response.text) as { type: string; epcisBody: { eventList: { eventID: string }[] } };
    expect(validateEpcisDocument(document)).toEqual({ valid: true, errors: [] });
    expect(document.type).toBe('EPCISDocument');
    const traced = [chain.bottlesA, chain.juice, chain.orangesA, chain.orangesB].map((b) => b.id);
    expect(document.epcisBody.eventList.map((e) => e.eventID).sort()).toEqual(await eventIdsOf(traced, true));
    expect(response.headers.get('x-total-rows')).toBe(String(document.epcisBody.eventList.length));
  });

  it('a trace covers exactly the traced batches: forward from farm A oranges, not farm B own events', async () => {
    const rows = csvRows(await exportEvents(f, inspector, 'csv', traceScope(chain.orangesA.id, 'forward')));
    const traced = [chain.orangesA, chain.juice, chain.bottlesA, chain.bottlesB].map((b) => b.id);
    expect(rows.map((r) => r['Event ID']).sort()).toEqual(await eventIdsOf(traced));
    expect(lotsOf(rows)).not.toContain(chain.idleOranges.lotCode);
    expect(
      rows.some((r) => r['Critical Tracking Event (CTE)'] === 'Harvesting' && r['Traceability Lot Code'] === chain.orangesB.lotCode),
    ).toBe(false);
  });

  it('a trace can start from a lot code instead of a batch id', async () => {
    const byLot = csvRows(
      await exportEvents(f, inspector, 'csv', { kind: 'trace', lot: { lotCode: chain.orangesA.lotCode }, direction: 'forward' }),
    );
    const byId = csvRows(await exportEvents(f, inspector, 'csv', traceScope(chain.orangesA.id, 'forward')));
    expect(byLot).toEqual(byId);
  });

  it('a product and date range holds the product events in that range only', async () => {
    const rows = csvRows(
      await exportEvents(f, inspector, 'csv', {
        kind: 'product',
        gtin: chain.farmA.product.gtin!,
        from: '2026-10-02T00:00:00+07:00',
        to: '2026-10-04T00:00:00+07:00',
      }),
    );
    expect(rows.map((r) => r['Critical Tracking Event (CTE)']).sort()).toEqual(['Harvesting', 'Harvesting', 'Initial packing']);
    expect(lotsOf(rows)).toEqual(new Set([chain.orangesA.lotCode, chain.idleOranges.lotCode]));
    const byId = csvRows(
      await exportEvents(f, inspector, 'csv', {
        kind: 'product',
        productId: chain.farmA.product.id,
        from: '2026-10-02T00:00:00+07:00',
        to: '2026-10-04T00:00:00+07:00',
      }),
    );
    expect(byId).toEqual(rows);
  });

  it('a list of lots with an unknown lot reports it at its place in the list and exports nothing', async () => {
    const response = await exportEvents(f, inspector, 'csv', {
      kind: 'lots',
      lots: [{ lotCode: chain.orangesA.lotCode }, { lotCode: 'NO-SUCH-LOT' }],
    });
    const error = expectApiError(
      { status: response.status, headers: response.headers, body: JSON.parse(response.text) },
      422,
      'EXPORT_LOTS_UNKNOWN',
      ['lots.1.lotCode'],
    );
    expect(error.fieldErrors!['lots.1.lotCode']![0]).toContain('NO-SUCH-LOT');
  });

  it('a large export is read in pages: every event once, in event-time order, in every format', async () => {
    const batch = await createBatch(f, chain.farmB.owner, chain.farmB.product.id);
    // 1,200 stored events sharing 100 event times, so pages end in the middle of equal times.
    await sql(
      t,
      `
      WITH made AS (
        INSERT INTO events (event_id, event_type, action, biz_step, event_time, event_time_zone_offset, business_id, document)
        SELECT n.event_id, 'ObjectEvent', 'OBSERVE', 'storing', n.event_time, '+07:00', $2,
               jsonb_build_object('eventID', n.event_id, 'type', 'ObjectEvent', 'action', 'OBSERVE', 'bizStep', 'storing', 'eventTime', n.event_time, 'eventTimeZoneOffset', '+07:00', 'epcList', '[]'::jsonb)
          FROM (SELECT 'urn:uuid:' || gen_random_uuid() AS event_id, timestamptz '2026-09-01 00:00+07' + (i % 100) * interval '1 hour' AS event_time
                  FROM generate_series(1, 1200) AS i) n
        RETURNING id)
      INSERT INTO event_batches (event_id, batch_id, role) SELECT id, $1, 'subject' FROM made`,
      [batch.id, chain.farmB.business.id],
    );
    const scope = { kind: 'lots' as const, lots: [{ lotCode: batch.lotCode }] };
    const expected = await eventIdsOf([batch.id]);
    expect(expected.length).toBeGreaterThan(1200);

    const csv = csvRows(await exportEvents(f, inspector, 'csv', scope));
    expect(csv.map((r) => r['Event ID']).sort()).toEqual(expected);
    const times = csv.map((r) => Date.parse(r['Event Date and Time']!));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportEvents(f, inspector, 'xlsx', scope)).bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Events')!.rowCount).toBe(expected.length + 1);

    const document = JSON.parse((await exportEvents(f, inspector, 'jsonld', scope)).text) as {
      epcisBody: { eventList: { eventID: string }[] };
    };
    expect(document.epcisBody.eventList.map((e) => e.eventID).sort()).toEqual(expected);
  });

  it('audits who exported what', async () => {
    const requestId = `export-${Date.now()}`;
    await fetch(`${t.baseUrl}/api/exports/events.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inspector.token}`, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ kind: 'lots', lots: [{ lotCode: chain.bottlesA.lotCode }] }),
    }).then((r) => r.arrayBuffer());
    const [entry] = await sql<{ user_id: string; action: string; details: Record<string, unknown> }>(
      t,
      `SELECT user_id, action, details FROM audit_log WHERE client_request_id = $1`,
      [requestId],
    );
    expect(entry).toMatchObject({
      user_id: inspector.id,
      action: 'records.export',
      details: { format: 'csv', scope: { kind: 'lots' }, batches: 1 },
    });
  });

  describe('who may export', () => {
    it('refuses anonymous callers (401) and business members on the inspectors route (403)', async () => {
      const scope = { kind: 'lots', lots: [{ lotCode: chain.orangesA.lotCode }] };
      const anonymous = await exportEvents(f, null, 'csv', scope);
      expect(anonymous.status).toBe(401);
      const member = await exportEvents(f, chain.shop.owner, 'csv', scope);
      expect(member.status).toBe(403);
    });

    it('lets a member export its own business records only', async () => {
      // The shop received bottles A: its records of them, not the factory or the farms' other events.
      const own = csvRows(
        await exportEvents(
          f,
          chain.shop.owner,
          'csv',
          { kind: 'trace', batchId: chain.bottlesA.id, direction: 'backward' },
          chain.shop.business.id,
        ),
      );
      expect(own.map((r) => r['Event ID']).sort()).toEqual(await eventIdsOf([chain.bottlesA.id]));
      const lots = await exportEvents(
        f,
        chain.shop.owner,
        'csv',
        { kind: 'lots', lots: [{ lotCode: chain.orangesA.lotCode }] },
        chain.shop.business.id,
      );
      expect(lots.status).toBe(422);
    });

    it('lets a business API key with the read scope export its own records', async () => {
      const key = await createApiKey(f, chain.shop.owner, chain.shop.business.id, { scopes: ['read'] });
      const rows = csvRows(
        await exportEvents(f, key, 'csv', { kind: 'lots', lots: [{ lotCode: chain.bottlesA.lotCode }] }, chain.shop.business.id),
      );
      expect(rows.map((r) => r['Event ID']).sort()).toEqual(await eventIdsOf([chain.bottlesA.id]));
      expect((await exportEvents(f, key, 'csv', { kind: 'lots', lots: [{ lotCode: chain.bottlesA.lotCode }] })).status).toBe(403);
    });

    it('a member of one business cannot export another business records', async () => {
      const scope = { kind: 'lots', lots: [{ lotCode: chain.orangesA.lotCode }] };
      const asOther = await exportEvents(f, chain.shop.owner, 'csv', scope, chain.farmA.business.id);
      expect(asOther.status).toBe(403);
      const notTheirs = await exportEvents(
        f,
        chain.farmB.owner,
        'csv',
        { kind: 'trace', batchId: chain.idleOranges.id },
        chain.farmB.business.id,
      );
      expect(notTheirs.status).toBe(404);
    });
  });

  describe('bad requests', () => {
    const errorOf = (response: ExportResponse) => ({ status: response.status, headers: response.headers, body: JSON.parse(response.text) });

    it('answers 400 with the fields for a bad scope', async () => {
      expectApiError(errorOf(await exportEvents(f, inspector, 'csv', { kind: 'everything' })), 400, 'VALIDATION_FAILED', ['kind']);
      expectApiError(errorOf(await exportEvents(f, inspector, 'csv', { kind: 'trace', batchId: 'x' })), 400, 'VALIDATION_FAILED', [
        'batchId',
      ]);
      expectApiError(errorOf(await exportEvents(f, inspector, 'csv', { kind: 'trace' })), 400, 'VALIDATION_FAILED', ['batchId']);
      expectApiError(
        errorOf(await exportEvents(f, inspector, 'csv', { kind: 'product', gtin: '8934567000012', from: 'yesterday' })),
        400,
        'VALIDATION_FAILED',
        ['gtin', 'from', 'to'],
      );
      expectApiError(errorOf(await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [] })), 400, 'VALIDATION_FAILED', ['lots']);
      expectApiError(
        errorOf(await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [{ lotCode: 'có dấu cách' }] })),
        400,
        'VALIDATION_FAILED',
        ['lots.0.lotCode'],
      );
      expectApiError(
        errorOf(await exportEvents(f, inspector, 'pdf', { kind: 'lots', lots: [{ lotCode: 'A' }] })),
        400,
        'VALIDATION_FAILED',
        ['format'],
      );
    });

    it('refuses an empty date range and a product that does not exist', async () => {
      const range = {
        kind: 'product',
        productId: chain.farmA.product.id,
        from: '2026-10-04T00:00:00+07:00',
        to: '2026-10-04T00:00:00+07:00',
      };
      expectApiError(errorOf(await exportEvents(f, inspector, 'csv', range)), 400, 'VALIDATION_FAILED', ['to']);
      expectApiError(
        errorOf(
          await exportEvents(f, inspector, 'csv', {
            ...range,
            productId: '00000000-0000-4000-8000-000000000000',
            to: '2026-10-05T00:00:00+07:00',
          }),
        ),
        404,
        'PRODUCT_NOT_FOUND',
        ['productId'],
      );
    });
  });
});

describe('exports on the embedded database', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let chain: ExportChain;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nguon-exports-'));
    t = await startTestApp({ embeddedDataDir: dataDir });
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    chain = await createExportChain(f, admin);
    // The embedded database on a shared machine: a whole chain takes longer than a test's default time.
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the same three files of a trace', async () => {
    const scope = { kind: 'trace' as const, batchId: chain.juice.id };
    const [traced] = await sql<{ ids: string[] }>(
      t,
      `SELECT array_agg(DISTINCT e.event_id ORDER BY e.event_id) AS ids FROM events e JOIN event_batches eb ON eb.event_id = e.id
      WHERE eb.batch_id = ANY($1::uuid[])`,
      [[chain.orangesA, chain.orangesB, chain.juice, chain.bottlesA, chain.bottlesB].map((b) => b.id)],
    );
    const csv = csvRows(await exportEvents(f, inspector, 'csv', scope));
    expect(csv.map((r) => r['Event ID']).sort()).toEqual(traced!.ids);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportEvents(f, inspector, 'xlsx', scope)).bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Events')!.rowCount).toBe(csv.length + 1);
    const document = JSON.parse((await exportEvents(f, inspector, 'jsonld', scope)).text) as {
      epcisBody: { eventList: { eventID: string }[] };
    };
    expect(validateEpcisDocument(document).valid).toBe(true);
    expect(document.epcisBody.eventList.map((e) => e.eventID).sort()).toEqual(traced!.ids);
  });
});
