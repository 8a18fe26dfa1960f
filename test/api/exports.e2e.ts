import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { epcisDocumentEvents, eventHashId } from '@nguon/shared';
import { createApiKey, createBatch, createUser, recordStage, type Factory, type TestUser } from '../factories/index.js';
import { createExportChain, exportEvents, type ExportChain, type ExportResponse } from '../factories/exports.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { validateEpcisDocument } from '../../server/src/epcis/epcis-schema.js';
import { readEpcisXml } from '../../server/src/epcis/xml/epcis-xml-reader.js';

type CsvRow = Record<string, string>;

/** The CSV as records keyed by the header row (after the byte order mark). */
function csvRows(response: ExportResponse): CsvRow[] {
  expect(response.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(response.text.slice(1), { columns: true }) as CsvRow[];
}

/** The events a file's rows are of, each once (a transformation has a row per lot made and used). */
const idsIn = (rows: CsvRow[]) => [...new Set(rows.map((r) => r['Event ID']!))].sort();

const lotsOf = (rows: CsvRow[]) => new Set(rows.map((r) => r['Traceability Lot Code']));

type Kde = { cfr: string; kde: string; columns: string[]; ifApplicable?: true };

const RECIPIENT = ['Immediate Subsequent Recipient', 'Immediate Subsequent Recipient Location Description'];
const PRODUCT = ['Product Description (vi)', 'Product Description (en)'];
const QUANTITY = ['Quantity', 'Unit of Measure'];
const LOCATION = ['Location Description'];
const DATE = ['Event Date and Time'];
const DOCUMENT = ['Reference Document Type', 'Reference Document Number'];
const TLC_SOURCE = ['Traceability Lot Code Source', 'Traceability Lot Code Source Reference'];

/**
 * The key data elements 21 CFR part 1 subpart S (the FSMA 204 rule) lists for each critical
 * tracking event, by paragraph, with the spreadsheet columns (English headers) that hold each.
 * `ifApplicable`: the rule asks for it only in some cases (aquaculture, a cooled or received lot, a
 * reference when the source description is not given). Written from the rule, not from the code.
 */
const FSMA_204_KDES: Record<string, { section: string; kdes: Kde[] }> = {
  Harvesting: {
    section: '1.1325(a)',
    kdes: [
      { cfr: '1.1325(a)(1)(i)', kde: 'location description for the immediate subsequent recipient', columns: RECIPIENT },
      { cfr: '1.1325(a)(1)(ii)', kde: 'commodity and, if applicable, variety', columns: PRODUCT },
      { cfr: '1.1325(a)(1)(iii)', kde: 'quantity and unit of measure', columns: QUANTITY },
      { cfr: '1.1325(a)(1)(iv)', kde: 'location description of the farm where harvested', columns: LOCATION },
      { cfr: '1.1325(a)(1)(v)', kde: 'name of the field or other growing area (produce)', columns: LOCATION },
      { cfr: '1.1325(a)(1)(vi)', kde: 'name of the container (aquaculture)', columns: LOCATION, ifApplicable: true },
      { cfr: '1.1325(a)(1)(vii)', kde: 'date of harvesting', columns: DATE },
      { cfr: '1.1325(a)(1)(viii)', kde: 'reference document type and number', columns: DOCUMENT },
    ],
  },
  Cooling: {
    section: '1.1325(b)',
    kdes: [
      { cfr: '1.1325(b)(1)(i)', kde: 'location description for the immediate subsequent recipient', columns: RECIPIENT },
      { cfr: '1.1325(b)(1)(ii)', kde: 'commodity and, if applicable, variety', columns: PRODUCT },
      { cfr: '1.1325(b)(1)(iii)', kde: 'quantity and unit of measure', columns: QUANTITY },
      { cfr: '1.1325(b)(1)(iv)', kde: 'location description for where the food was cooled', columns: LOCATION },
      { cfr: '1.1325(b)(1)(v)', kde: 'date of cooling', columns: DATE },
      {
        cfr: '1.1325(b)(1)(vi)',
        kde: 'location description of the farm where harvested',
        columns: ['Harvest Location (Farm, Field or Growing Area)'],
      },
      { cfr: '1.1325(b)(1)(vii)', kde: 'reference document type and number', columns: DOCUMENT },
    ],
  },
  'Initial packing': {
    section: '1.1330',
    kdes: [
      { cfr: '1.1330(a)(1)', kde: 'commodity and, if applicable, variety received', columns: PRODUCT },
      { cfr: '1.1330(a)(2)', kde: 'date the food was received', columns: ['Date Received (Initial Packer)'] },
      { cfr: '1.1330(a)(3)', kde: 'quantity and unit of measure received', columns: ['Quantity and Unit Received (Initial Packer)'] },
      {
        cfr: '1.1330(a)(4)',
        kde: 'location description of the farm where harvested',
        columns: ['Harvest Location (Farm, Field or Growing Area)'],
      },
      {
        cfr: '1.1330(a)(5)',
        kde: 'name of the field or other growing area (produce)',
        columns: ['Harvest Location (Farm, Field or Growing Area)'],
      },
      {
        cfr: '1.1330(a)(6)',
        kde: 'name of the container (aquaculture)',
        columns: ['Harvest Location (Farm, Field or Growing Area)'],
        ifApplicable: true,
      },
      { cfr: '1.1330(a)(7)', kde: 'business name and phone number of the harvester', columns: ['Harvester Business Name and Phone'] },
      { cfr: '1.1330(a)(8)', kde: 'date of harvesting', columns: ['Harvest Date'] },
      { cfr: '1.1330(a)(9)', kde: 'location description where cooled (if applicable)', columns: ['Cooling Location Description'] },
      { cfr: '1.1330(a)(10)', kde: 'date of cooling (if applicable)', columns: ['Cooling Date'] },
      { cfr: '1.1330(a)(11)', kde: 'traceability lot code assigned', columns: ['Traceability Lot Code'] },
      { cfr: '1.1330(a)(12)', kde: 'product description of the packed food', columns: PRODUCT },
      { cfr: '1.1330(a)(13)', kde: 'quantity and unit of measure of the packed food', columns: QUANTITY },
      {
        cfr: '1.1330(a)(14)',
        kde: 'location description where packed (the TLC source), and the TLC source reference',
        columns: [...LOCATION, ...TLC_SOURCE],
      },
      { cfr: '1.1330(a)(15)', kde: 'date of initial packing', columns: DATE },
      { cfr: '1.1330(a)(16)', kde: 'reference document type and number', columns: DOCUMENT },
    ],
  },
  'First land-based receiving': {
    section: '1.1335',
    kdes: [
      { cfr: '1.1335(a)', kde: 'traceability lot code assigned', columns: ['Traceability Lot Code'] },
      { cfr: '1.1335(b)', kde: 'species and/or acceptable market name, or product description', columns: PRODUCT },
      { cfr: '1.1335(c)', kde: 'quantity and unit of measure', columns: QUANTITY },
      {
        cfr: '1.1335(d)',
        kde: 'harvest date range and locations of the trip',
        columns: ['Harvest Date', 'Harvest Location (Farm, Field or Growing Area)'],
      },
      {
        cfr: '1.1335(e)',
        kde: 'location description of the first land-based receiver (TLC source), and the TLC source reference',
        columns: [...LOCATION, ...TLC_SOURCE],
      },
      { cfr: '1.1335(f)', kde: 'date the food was landed', columns: DATE },
      { cfr: '1.1335(g)', kde: 'reference document type and number', columns: DOCUMENT },
    ],
  },
  Shipping: {
    section: '1.1340',
    kdes: [
      { cfr: '1.1340(a)(1)', kde: 'traceability lot code', columns: ['Traceability Lot Code'] },
      { cfr: '1.1340(a)(2)', kde: 'quantity and unit of measure', columns: QUANTITY },
      { cfr: '1.1340(a)(3)', kde: 'product description', columns: PRODUCT },
      {
        cfr: '1.1340(a)(4)',
        kde: 'location description for the immediate subsequent recipient',
        columns: [...RECIPIENT, 'Ship-To Location'],
      },
      { cfr: '1.1340(a)(5)', kde: 'location description for the location shipped from', columns: LOCATION },
      { cfr: '1.1340(a)(6)', kde: 'date shipped', columns: DATE },
      { cfr: '1.1340(a)(7)', kde: 'location description for the TLC source, or the TLC source reference', columns: TLC_SOURCE },
      { cfr: '1.1340(a)(8)', kde: 'reference document type and number', columns: DOCUMENT },
    ],
  },
  Receiving: {
    section: '1.1345',
    kdes: [
      { cfr: '1.1345(a)(1)', kde: 'traceability lot code', columns: ['Traceability Lot Code'] },
      { cfr: '1.1345(a)(2)', kde: 'quantity and unit of measure', columns: QUANTITY },
      { cfr: '1.1345(a)(3)', kde: 'product description', columns: PRODUCT },
      {
        cfr: '1.1345(a)(4)',
        kde: 'location description for the immediate previous source',
        columns: ['Immediate Previous Source', 'Immediate Previous Source Location Description'],
      },
      { cfr: '1.1345(a)(5)', kde: 'location description for where received', columns: LOCATION },
      { cfr: '1.1345(a)(6)', kde: 'date received', columns: DATE },
      { cfr: '1.1345(a)(7)', kde: 'location description for the TLC source, or the TLC source reference', columns: TLC_SOURCE },
      { cfr: '1.1345(a)(8)', kde: 'reference document type and number', columns: DOCUMENT },
    ],
  },
  Transformation: {
    section: '1.1350',
    kdes: [
      { cfr: '1.1350(a)(1)(i)', kde: 'traceability lot code of the food used', columns: ['Input Traceability Lot Code'] },
      { cfr: '1.1350(a)(1)(ii)', kde: 'product description of the food used', columns: ['Input Product Description'] },
      {
        cfr: '1.1350(a)(1)(iii)',
        kde: 'quantity and unit of measure used from each lot',
        columns: ['Input Quantity Used', 'Input Unit of Measure'],
      },
      { cfr: '1.1350(a)(2)(i)', kde: 'new traceability lot code', columns: ['Traceability Lot Code'] },
      {
        cfr: '1.1350(a)(2)(ii)',
        kde: 'location description where transformed (TLC source), and the TLC source reference',
        columns: [...LOCATION, ...TLC_SOURCE],
      },
      { cfr: '1.1350(a)(2)(iii)', kde: 'date transformation was completed', columns: DATE },
      { cfr: '1.1350(a)(2)(iv)', kde: 'product description', columns: PRODUCT },
      { cfr: '1.1350(a)(2)(v)', kde: 'quantity and unit of measure', columns: QUANTITY },
      { cfr: '1.1350(a)(2)(vi)', kde: 'reference document type and number', columns: DOCUMENT },
    ],
  },
};

/** Paragraphs a row of the story may leave empty: the rule's "if applicable" ones, and references the story's places lack. */
const OPTIONAL_IN_STORY = new Set(['Traceability Lot Code Source Reference']);

describe('POST /api/exports/events.{csv|xlsx|jsonld|xml}', () => {
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
    it('has the rows of every event of the lots, sorted by event time, the row count told before the file', async () => {
      const response = await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [{ lotCode: chain.orangesA.lotCode }] });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="nguon-lots-1-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const rows = csvRows(response);
      expect(response.headers.get('x-total-rows')).toBe(String(rows.length));
      expect(idsIn(rows)).toEqual(await eventIdsOf([chain.orangesA.id]));
      const times = rows.map((r) => Date.parse(r['Event Date and Time']!));
      expect(times).toEqual([...times].sort((a, b) => a - b));
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

  describe('the FSMA 204 sortable spreadsheet', () => {
    const storyRows = async () =>
      csvRows(await exportEvents(f, inspector, 'csv', { kind: 'trace', batchId: chain.orangesA.id, direction: 'forward' }));
    const ofLot = (rows: CsvRow[], cte: string, lot: string) =>
      rows.filter((r) => r['Critical Tracking Event (CTE)'] === cte && r['Traceability Lot Code'] === lot);

    it('has a column for every key data element 21 CFR 1.1325-1.1350 lists for each critical tracking event, explained in the glossary', async () => {
      const response = await exportEvents(f, inspector, 'xlsx', { kind: 'lots', lots: [{ lotCode: chain.orangesA.lotCode }] });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
      const header = (workbook.getWorksheet('Events')!.getRow(1).values as unknown[]).slice(1);
      const glossary = new Map<string, string[]>();
      workbook
        .getWorksheet('Glossary')!
        .eachRow((row) => glossary.set(String(row.getCell(1).value), (row.values as unknown[]).slice(2).map(String)));
      for (const [cte, { section, kdes }] of Object.entries(FSMA_204_KDES)) {
        // The CTE table names each CTE with its section.
        expect([cte, glossary.get(cte)]).toEqual([cte, [`21 CFR ${section}`, expect.any(String)]]);
        for (const { cfr, kde, columns } of kdes) {
          for (const column of columns) {
            expect({ cfr, kde, column, inHeader: header.includes(column) }).toEqual({ cfr, kde, column, inHeader: true });
            // The glossary explains it, citing the paragraph.
            expect({ cfr, column, basis: glossary.get(column)?.[1] }).toEqual({
              cfr,
              column,
              basis: expect.stringContaining(cfr.split('(')[0]!),
            });
          }
        }
      }
    });

    it("carries every key data element in the rows of a lot's story: harvest, cooling, initial packing, shipping, receiving, transformation", async () => {
      const rows = await storyRows();
      const lotA = chain.orangesA.lotCode;
      const story: [string, string][] = [
        ['Harvesting', lotA],
        ['Cooling', lotA],
        ['Initial packing', lotA],
        ['Shipping', lotA],
        ['Receiving', lotA],
        ['Transformation', chain.juice.lotCode],
      ];
      for (const [cte, lot] of story) {
        const found = ofLot(rows, cte, lot);
        expect({ cte, rows: found.length }).toEqual({ cte, rows: cte === 'Transformation' ? 2 : 1 });
        for (const row of found) {
          for (const { cfr, columns, ifApplicable } of FSMA_204_KDES[cte]!.kdes) {
            if (ifApplicable) continue;
            for (const column of columns.filter((c) => !OPTIONAL_IN_STORY.has(c))) {
              expect({ cte, cfr, column, filled: row[column] !== '' }).toEqual({ cte, cfr, column, filled: true });
            }
          }
        }
      }
    });

    it('holds the story values: places described with business and phone, the lot code source, the previous source and the recipient with their places', async () => {
      const rows = await storyRows();
      const lotA = chain.orangesA.lotCode;
      const packhouse = `${chain.packhouse.name}, ${chain.packhouse.address}, ${chain.packhouse.province}`;
      const farmA = `HTX Cam Hương Khê, Thôn 1, Xã Phúc Trạch, Hà Tĩnh, tel. 0239 3888 999`;
      const [harvest] = ofLot(rows, 'Harvesting', lotA);
      expect(harvest).toMatchObject({
        'Event Date and Time': '2026-10-02T08:00:00+07:00',
        'Time Zone Offset': 'UTC+07:00',
        GTIN: chain.farmA.product.gtin,
        'Product Description (vi)': 'Cam Hương Sơn',
        'Product Description (en)': 'Huong Son orange',
        Quantity: '1000',
        'Unit of Measure': 'KGM',
        'Location Description': `Vườn cam Hương Khê, Thôn 2, Hà Tĩnh; ${farmA}`,
        Business: 'HTX Cam Hương Khê',
        // Who had the lot next: its own packhouse, where it was cooled.
        'Immediate Subsequent Recipient': 'HTX Cam Hương Khê',
        'Immediate Subsequent Recipient Location Description': `${packhouse}; ${farmA}`,
        'Reference Document Number': 'TH-0201',
        'Error Declared': 'no',
      });
      expect(ofLot(rows, 'Cooling', lotA)[0]).toMatchObject({
        'Event Date and Time': '2026-10-02T14:00:00+07:00',
        'Location Description': `${packhouse}; ${farmA}`,
        'Harvest Location (Farm, Field or Growing Area)': `Vườn cam Hương Khê, Thôn 2, Hà Tĩnh; ${farmA}`,
      });
      const lotCodeSource = {
        'Traceability Lot Code Source': `${packhouse}; ${farmA}`,
        'Traceability Lot Code Source Reference': chain.packhouse.gln,
      };
      expect(ofLot(rows, 'Initial packing', lotA)[0]).toMatchObject({
        ...lotCodeSource,
        Quantity: '900',
        'Harvest Date': '2026-10-02T08:00:00+07:00',
        'Harvester Business Name and Phone': farmA,
        'Cooling Date': '2026-10-02T14:00:00+07:00',
        'Cooling Location Description': `${packhouse}; ${farmA}`,
        // The packer harvested the lot itself: received when harvested.
        'Date Received (Initial Packer)': '2026-10-02T08:00:00+07:00',
        'Quantity and Unit Received (Initial Packer)': '1000 KGM',
        'Reference Document Number': 'DG-0301',
      });
      const factory = `Công ty Nước ép Đồng Lộc, Thôn 1, Xã Phúc Trạch, Hà Tĩnh, tel. 0239 3777 111`;
      const factorySite = `Xưởng ép Đồng Lộc, Thôn 2, Hà Tĩnh`;
      expect(ofLot(rows, 'Shipping', lotA)[0]).toMatchObject({
        ...lotCodeSource,
        'Location Description': `${packhouse}; ${farmA}`,
        'Immediate Subsequent Recipient': 'Công ty Nước ép Đồng Lộc',
        'Immediate Subsequent Recipient Location Description': `${factorySite}; ${factory}`,
        'Ship-To Location': factorySite,
        'Reference Document Type': 'desadv',
        'Reference Document Number': 'PGH-0042',
      });
      expect(ofLot(rows, 'Receiving', lotA)[0]).toMatchObject({
        ...lotCodeSource,
        'Location Description': `${factorySite}; ${factory}`,
        'Immediate Previous Source': 'HTX Cam Hương Khê',
        'Immediate Previous Source Location Description': `${packhouse}; ${farmA}`,
        // A receipt carries the documents of the shipment it confirms.
        'Reference Document Number': 'PGH-0042',
      });
      // The juice made from both orange lots: one row per lot used, each with the quantity used.
      const pressed = ofLot(rows, 'Transformation', chain.juice.lotCode);
      expect(
        pressed
          .map((r) => [
            r['Input Traceability Lot Code'],
            r['Input Product Description'],
            r['Input Quantity Used'],
            r['Input Unit of Measure'],
          ])
          .sort(),
      ).toEqual(
        [
          [lotA, 'Cam Hương Sơn (Huong Son orange)', '800', 'KGM'],
          [chain.orangesB.lotCode, 'Cam Vũ Quang (Vu Quang orange)', '400', 'KGM'],
        ].sort(),
      );
      for (const row of pressed) {
        expect(row).toMatchObject({
          Quantity: '600',
          'Unit of Measure': 'LTR',
          'Location Description': `${factorySite}; ${factory}`,
          'Traceability Lot Code Source': `${factorySite}; ${factory}`,
          'Reference Document Number': 'LSX-0611',
          'Immediate Previous Source': '',
        });
      }
      // The juice bottled into two lots: one row per lot made.
      const bottled = rows.filter((r) => r['Input Traceability Lot Code'] === chain.juice.lotCode);
      expect(bottled.map((r) => r['Traceability Lot Code']).sort()).toEqual([chain.bottlesA.lotCode, chain.bottlesB.lotCode].sort());
    });

    it('counts packing after the first, and preprocessing after it, as other stages, not initial packing or cooling', async () => {
      const lot = await createBatch(f, chain.farmA.owner, chain.farmA.product.id);
      for (const [stage, day] of [
        ['packing', 10],
        ['preprocessing', 11],
        ['packing', 12],
      ] as const) {
        await recordStage(f, chain.farmA.owner, lot.id, {
          stage,
          eventTime: `2026-10-${day}T08:00:00+07:00`,
          locationId: chain.packhouse.id,
        });
      }
      const rows = csvRows(await exportEvents(f, inspector, 'csv', { kind: 'lots', lots: [{ lotCode: lot.lotCode }] }));
      expect(rows.filter((r) => r.Stage !== 'Batch created').map((r) => [r.Stage, r['Critical Tracking Event (CTE)']])).toEqual([
        ['Packing', 'Initial packing'],
        ['Preprocessing', 'Other (not an FSMA CTE)'],
        ['Packing', 'Other (not an FSMA CTE)'],
      ]);
    });
  });

  describe('languages and column sets', () => {
    const scope = () => ({ kind: 'trace' as const, batchId: chain.orangesA.id, direction: 'forward' as const });

    it('writes headers and words in Vietnamese by default, and in the language asked for by Accept-Language or lang', async () => {
      const vi = csvRows(await exportEvents(f, inspector, 'csv', scope(), undefined, { acceptLanguage: null }));
      const harvest = vi.find(
        (r) => r['Sự kiện truy xuất trọng yếu (CTE)'] === 'Thu hoạch' && r['Mã lô truy xuất (TLC)'] === chain.orangesA.lotCode,
      );
      expect(harvest).toMatchObject({ 'Công đoạn': 'Thu hoạch', 'Đã báo sai': 'không', 'Mô tả sản phẩm (tiếng Việt)': 'Cam Hương Sơn' });
      expect(harvest!['Mô tả địa điểm']).toContain('ĐT 0239 3888 999');
      const asked = await exportEvents(f, inspector, 'csv', scope(), undefined, { acceptLanguage: 'vi', options: { lang: 'en' } });
      expect(Object.keys(csvRows(asked)[0]!)).toEqual(Object.keys(csvRows(await exportEvents(f, inspector, 'csv', scope()))[0]!));
      expect(Object.keys(csvRows(asked)[0]!)).toContain('Traceability Lot Code');
      expect(vi).toHaveLength(csvRows(asked).length);
    });

    it('the Vietnam column set names the lot, the product, the business, the stage, the place, the time, the documents and certificates', async () => {
      const response = await exportEvents(f, inspector, 'csv', scope(), undefined, {
        acceptLanguage: 'vi',
        options: { columns: 'vietnam' },
      });
      expect(response.headers.get('content-disposition')).toMatch(/filename="nguon-trace-.+-vietnam-\d{4}-\d{2}-\d{2}\.csv"/);
      const rows = csvRows(response);
      expect(response.headers.get('x-total-rows')).toBe(String(rows.length));
      expect(Object.keys(rows[0]!)).toEqual(
        expect.arrayContaining([
          'Thời gian',
          'Công đoạn',
          'Số lô/mẻ',
          'Mã truy vết sản phẩm (GTIN)',
          'Tên sản phẩm',
          'Ngày sản xuất',
          'Hạn sử dụng',
          'Cơ sở sản xuất, kinh doanh',
          'Địa điểm',
          'Mã truy vết địa điểm (GLN)',
          'Một bước trước',
          'Một bước sau',
          'Loại chứng từ',
          'Số chứng từ',
          'Tiêu chuẩn, chứng nhận',
        ]),
      );
      const ofStage = (stage: string, lot = chain.orangesA.lotCode) =>
        rows.filter((r) => r['Công đoạn'] === stage && r['Số lô/mẻ'] === lot);
      expect(ofStage('Thu hoạch')[0]).toMatchObject({
        'Thời gian': '2026-10-02T08:00:00+07:00',
        'Tên sản phẩm': 'Cam Hương Sơn',
        'Ngày sản xuất': '2026-10-01',
        'Hạn sử dụng': '2026-12-31',
        'Cơ sở sản xuất, kinh doanh': 'HTX Cam Hương Khê',
        'Địa điểm': 'Vườn cam Hương Khê',
        'Số chứng từ': 'TH-0201',
        'Tiêu chuẩn, chứng nhận': 'VietGAP; VietGAP trồng trọt VG-HK-01 (Trung tâm Chứng nhận phù hợp, đến 2028-12-31)',
      });
      expect(ofStage('Đóng gói')[0]).toMatchObject({ 'Địa điểm': chain.packhouse.name, 'Mã truy vết địa điểm (GLN)': chain.packhouse.gln });
      expect(ofStage('Vận chuyển')[0]!['Một bước sau']).toContain('Công ty Nước ép Đồng Lộc');
      expect(ofStage('Nhận hàng')[0]!['Một bước trước']).toContain('HTX Cam Hương Khê');
      expect(
        ofStage('Chế biến', chain.juice.lotCode)
          .map((r) => r['Một bước trước'])
          .sort(),
      ).toEqual(
        [
          `${chain.orangesA.lotCode} (Cam Hương Sơn, HTX Cam Hương Khê: 800 KGM)`,
          `${chain.orangesB.lotCode} (Cam Vũ Quang, Trang trại Cam Vũ Quang: 400 KGM)`,
        ].sort(),
      );
    });

    it('the XLSX of either set has its sheets, headers and glossary in the language', async () => {
      for (const columns of ['fsma204', 'vietnam'] as const) {
        const response = await exportEvents(f, inspector, 'xlsx', scope(), undefined, { options: { columns, lang: 'vi' } });
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
        expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sự kiện', 'Giải thích']);
        const header = (workbook.getWorksheet('Sự kiện')!.getRow(1).values as unknown[]).slice(1);
        const explained = new Set<string>();
        workbook.getWorksheet('Giải thích')!.eachRow((row) => explained.add(String(row.getCell(1).value)));
        for (const name of header) expect(explained).toContain(name);
        expect(header).toContain(columns === 'vietnam' ? 'Mã truy vết sản phẩm (GTIN)' : 'Mã lô truy xuất (TLC)');
        if (columns === 'fsma204') expect(explained).toContain('Đóng gói lần đầu');
        else expect(explained).toContain('TCVN 12850:2019');
      }
    });

    it('refuses a column set or a language it does not have (400, in the one error shape)', async () => {
      const errorOf = (response: ExportResponse) => ({
        status: response.status,
        headers: response.headers,
        body: JSON.parse(response.text),
      });
      const lots = { kind: 'lots', lots: [{ lotCode: chain.orangesA.lotCode }] };
      expectApiError(
        errorOf(await exportEvents(f, inspector, 'csv', lots, undefined, { options: { columns: 'gs1' } })),
        400,
        'VALIDATION_FAILED',
        ['columns'],
      );
      expectApiError(
        errorOf(await exportEvents(f, inspector, 'csv', lots, undefined, { options: { lang: 'fr' } })),
        400,
        'VALIDATION_FAILED',
        ['lang'],
      );
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

    // The same document as EPCIS 2.0 XML: read back, the same events with the same eventIDs.
    const xml = await exportEvents(f, inspector, 'xml', traceScope(chain.bottlesA.id, 'backward'));
    expect([xml.status, xml.headers.get('content-type')]).toEqual([200, 'application/xml; charset=utf-8']);
    expect(xml.headers.get('content-disposition')).toMatch(/\.xml"/);
    const fromXml = readEpcisXml(xml.text);
    expect(validateEpcisDocument(fromXml)).toEqual({ valid: true, errors: [] });
    const hashes = (doc: unknown) => {
      const { events, context } = epcisDocumentEvents(doc);
      return events.map((event) => [event.eventID, eventHashId(event, context)]);
    };
    expect(hashes(fromXml)).toEqual(hashes(document));
  });

  it('a trace covers exactly the traced batches: forward from farm A oranges, not farm B own events', async () => {
    const rows = csvRows(await exportEvents(f, inspector, 'csv', traceScope(chain.orangesA.id, 'forward')));
    const traced = [chain.orangesA, chain.juice, chain.bottlesA, chain.bottlesB].map((b) => b.id);
    expect(idsIn(rows)).toEqual(await eventIdsOf(traced));
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

  it('a product and date range holds the product events in that range only, and its file is named by the days in Vietnam', async () => {
    const response = await exportEvents(f, inspector, 'csv', {
      kind: 'product',
      gtin: chain.farmA.product.gtin!,
      from: '2026-10-02T00:00:00+07:00',
      to: '2026-10-04T00:00:00+07:00',
    });
    // 2 and 3 October (the end is not included), not the UTC days of those instants (1 and 3 October).
    expect(response.headers.get('content-disposition')).toContain(
      `filename="nguon-product-${chain.farmA.product.gtin}-2026-10-02-2026-10-03-`,
    );
    const rows = csvRows(response);
    expect(rows.map((r) => r['Critical Tracking Event (CTE)']).sort()).toEqual(['Cooling', 'Harvesting', 'Harvesting', 'Initial packing']);
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
        RETURNING id, record_time)
      INSERT INTO event_batches (event_id, record_time, batch_id, role) SELECT id, record_time, $1, 'subject' FROM made`,
      [batch.id, chain.farmB.business.id],
    );
    const scope = { kind: 'lots' as const, lots: [{ lotCode: batch.lotCode }] };
    const expected = await eventIdsOf([batch.id]);
    expect(expected.length).toBeGreaterThan(1200);

    const csv = csvRows(await exportEvents(f, inspector, 'csv', scope));
    expect(idsIn(csv)).toEqual(expected);
    const times = csv.map((r) => Date.parse(r['Event Date and Time']!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The lot's history, read with the first page that names it, fills the rows of every page.
    const sources = new Set(csv.map((r) => r['Traceability Lot Code Source']));
    expect([...sources]).toEqual([expect.stringContaining(chain.farmB.business.legalName)]);

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
      expect(idsIn(own)).toEqual(await eventIdsOf([chain.bottlesA.id]));
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
      expect(idsIn(rows)).toEqual(await eventIdsOf([chain.bottlesA.id]));
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
    expect(idsIn(csv)).toEqual(traced!.ids);
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
