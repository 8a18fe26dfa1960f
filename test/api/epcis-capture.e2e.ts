import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { canonicalJson, eventHashId, epcisDocumentEvents, gs1CheckDigit, type PublicBatchView } from '@nguon/shared';
import { eventIdentifiers, normalizeIdentifier } from '../../server/src/events/event-identifiers.js';
import {
  companyPrefixOf,
  createApiKey,
  createBatch,
  createLocation,
  createProducer,
  createProduct,
  createUser,
  GS1_EXAMPLE_PREFIXES,
  gtinOf,
  makeCompanyPrefix,
  recordStage,
  type Factory,
  type Producer,
} from '../factories/index.js';
import { incomingShipments } from '../factories/recording.js';
import { expectApiError } from '../support/api-error.js';
import { captureAndWait, documentOf, finishedCaptureJob } from '../support/capture-jobs.js';
import { countRows, sql } from '../support/db.js';
import { httpClient, pathOf, type HttpResponse } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const EXAMPLES = new URL('../fixtures/epcis/examples/', import.meta.url);
const exampleNames = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.jsonld'))
  .sort();
const example = (name: string) => JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as Record<string, any>;

/** The GLN of location reference `ref` under a company prefix (12 digits together), with its check digit. */
function glnOf(prefix: string, ref: string): string {
  const digits = prefix + ref;
  return digits + String(gs1CheckDigit(digits));
}

describe('EPCIS 2.0 capture', () => {
  let t: TestApp;
  let f: Factory;
  let farm: Producer;
  let key: Awaited<ReturnType<typeof createApiKey>>;

  // The POST's answer with, once it was taken, its finished job as the body.
  const capture = (document: unknown, headers: Record<string, string> = {}, token = key.token) =>
    captureAndWait<any>(f.http, document, { token, headers: { 'content-type': 'application/ld+json', ...headers } });

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    farm = await createProducer(f, await createUser(f, { role: 'admin' }), {
      business: { gs1Prefixes: [makeCompanyPrefix(), ...GS1_EXAMPLE_PREFIXES] },
    });
    key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture', 'read'] });
  });
  afterAll(async () => t?.close());

  describe('POST /epcis/capture with the 47 public GS1 example documents', () => {
    it.each(exampleNames)('accepts %s, and each event is stored under its eventID with its identifiers', async (name) => {
      const document = example(name);
      const response = await capture(document);
      expect(response.status).toBe(202);
      expect(response.headers.get('location')).toBe(`/epcis/capture/${response.body.captureID}`);
      expect(response.headers.get('gs1-epcis-capture-limit')).toBe('10000');
      expect(response.body).toMatchObject({ success: true, status: 'success', errors: [] });

      const { events, context } = epcisDocumentEvents(document);
      for (const event of events) {
        const eventId = typeof event.eventID === 'string' ? event.eventID : eventHashId(event, context);
        const declared = event.errorDeclaration !== undefined;
        const [stored] = await sql<{ id: string; document: Record<string, unknown> }>(
          t,
          `SELECT id, document FROM events WHERE event_id = $1 AND error_declared = $2`,
          [eventId, declared],
        );
        expect({ name, eventId, stored: Boolean(stored) }).toEqual({ name, eventId, stored: true });
        // The examples reuse a few eventIDs across files for different events: capture keeps the
        // first one (idempotent on eventID), so only an event stored from this file is compared.
        const { '@context': _, ...storedEvent } = stored!.document as Record<string, unknown>;
        const same = canonicalJson(storedEvent) === canonicalJson({ eventID: eventId, ...event });
        const first = eventIdentifiers(event)[0];
        if (first && same) {
          const found = await sql(t, `SELECT 1 FROM event_identifiers WHERE event_id = $1 AND identifier = $2`, [
            stored!.id,
            first.identifier,
          ]);
          expect(found).toHaveLength(1);
        }
      }
      const job = await f.http.get(`/epcis/capture/${response.body.captureID}`, { token: key.token });
      expect(job.body).toMatchObject({ captureID: response.body.captureID, running: false, success: true });
    });

    it('records one audit entry for the document, naming its job', async () => {
      const response = await capture(documentOf(3, 'https://id.gs1.org/01/09520123456788/10/AUDIT-1'));
      const entries = await sql<{ action: string; target_id: string; api_key_id: string; details: Record<string, unknown> }>(
        t,
        `SELECT action, target_id, api_key_id, details FROM audit_log WHERE request_id = $1`,
        [response.headers.get('x-request-id')],
      );
      expect(entries).toEqual([
        {
          action: 'epcis.capture',
          target_id: response.body.captureID,
          api_key_id: key.id,
          details: { status: 'success', eventCount: 3, capturedCount: 3 },
        },
      ]);
    });

    it('is refused outright (403) for a business that is not verified', async () => {
      const pending = await createUser(f);
      const business = (
        await f.http.post(
          '/api/businesses',
          { legalName: 'HTX chờ duyệt', taxCode: '3005550001', address: { line: 'Thôn 1', commune: 'Xã A', province: 'Hà Tĩnh' } },
          { token: pending.token },
        )
      ).body;
      const response = await capture(documentOf(1, 'https://id.gs1.org/01/09520123456788/10/PENDING'), {}, pending.token);
      expectApiError(response, 403, 'BUSINESS_NOT_VERIFIED');
      expect(await countRows(t, 'capture_jobs', 'business_id = $1', [business.id])).toBe(0);
    });

    it('is idempotent: capturing a document again stores nothing twice', async () => {
      const before = await countRows(t, 'events');
      const response = await capture(example('Example_9.6.1-ObjectEvent.jsonld'));
      expect(response.body).toMatchObject({ success: true, capturedCount: 0 });
      expect(await countRows(t, 'events')).toBe(before);
    });
  });

  describe('refused documents name the event and the field', () => {
    const broken = (mutate: (event: Record<string, any>) => void) => {
      const document = example('Example_9.6.1-ObjectEvent.jsonld');
      document.epcisBody.eventList[0].eventID = `urn:uuid:${crypto.randomUUID()}`;
      mutate(document.epcisBody.eventList[0]);
      return document;
    };

    it.each([
      [
        'a missing time-zone offset',
        (e: Record<string, any>) => delete e.eventTimeZoneOffset,
        '/epcisBody/eventList/0/eventTimeZoneOffset',
      ],
      [
        'a misspelt bizStep',
        (e: Record<string, any>) => {
          e.bizStep = 'shiping';
        },
        '/epcisBody/eventList/0/bizStep',
      ],
      [
        'ilmd on an OBSERVE event',
        (e: Record<string, any>) => {
          e.ilmd = { 'cbvmda:lotNumber': 'X' };
        },
        '/epcisBody/eventList/0/ilmd',
      ],
    ])("%s: refused at once (400) as GS1's schema refuses it, the field named, no job and nothing stored", async (_, mutate, pointer) => {
      const [events, jobs] = [await countRows(t, 'events'), await countRows(t, 'capture_jobs')];
      const response = await capture(broken(mutate));
      expect(Object.keys(expectApiError(response, 400, 'VALIDATION_FAILED').fieldErrors ?? {})).toContain(pointer);
      expect(response.body.type).toBe('epcisException:ValidationException');
      expect([await countRows(t, 'events'), await countRows(t, 'capture_jobs')]).toEqual([events, jobs]);
    });

    it.each([
      [
        'an EPC URI whose company prefix and item reference make 12 digits, not 13',
        (e: Record<string, any>) => {
          e.quantityList = [{ epcClass: 'urn:epc:class:lgtin:4012345.01234.998877', quantity: 1 }];
        },
        '/epcisBody/eventList/0/quantityList/0/epcClass',
      ],
      [
        'a GTIN with a wrong check digit',
        (e: Record<string, any>) => {
          e.epcList = ['https://id.gs1.org/01/09520123456789/21/1'];
        },
        '/epcisBody/eventList/0/epcList/0',
      ],
      [
        'a place whose GLN has a wrong check digit',
        (e: Record<string, any>) => {
          e.bizLocation = { id: 'https://example.com/414/4012345000116' };
        },
        '/epcisBody/eventList/0/bizLocation/id',
      ],
      [
        'an event time in the future',
        (e: Record<string, any>) => {
          e.eventTime = '2099-01-01T00:00:00Z';
        },
        '/epcisBody/eventList/0/eventTime',
      ],
    ])('%s: the job fails by the portal rules, naming the field', async (_, mutate, pointer) => {
      const before = await countRows(t, 'events');
      const response = await capture(broken(mutate));
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ success: false, status: 'failed', capturedCount: 0, captureErrorBehaviour: 'rollback' });
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      // Each error is a problem of the binding, with GS1's type.
      expect(response.body.errors[0]).toMatchObject({ type: 'epcisException:ValidationException', title: expect.any(String), status: 422 });
      expect(await countRows(t, 'events')).toBe(before);
    });

    it('says what the portal rule is when a quantity is not positive', async () => {
      const document = documentOf(1, 'https://id.gs1.org/01/09520123456788/10/ZERO') as any;
      document.epcisBody.eventList[0].eventID = `urn:uuid:${crypto.randomUUID()}`;
      document.epcisBody.eventList[0].quantityList[0].quantity = 0;
      const response = await capture(document);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ eventIndex: 0, pointer: '/epcisBody/eventList/0/quantityList/0/quantity', code: 'EVENT_RULE_VIOLATED' }),
      ]);
    });

    it('says which key is wrong and why, as the resolver would refuse it', async () => {
      const response = await capture(documentOf(1, 'https://id.gs1.org/01/09520123456789/10/CHECK'), { 'accept-language': 'en' });
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          eventIndex: 0,
          pointer: '/epcisBody/eventList/0/quantityList/0/epcClass',
          code: 'EVENT_RULE_VIOLATED',
          message: expect.stringContaining("https://id.gs1.org/01/09520123456789/10/CHECK: the GS1 key's check digit is wrong"),
        }),
      ]);
    });
  });

  // A worker stores the document after the 202: allowed the time it takes on a busy 2-core CI machine.
  describe('a document of 1,000 events', () => {
    it('is all or nothing: one bad event, nothing stored, the bad one named', async () => {
      const document = documentOf(1000, 'https://id.gs1.org/01/09520123456788/10/BULK-1') as any;
      document.epcisBody.eventList[617].quantityList[0].quantity = -5;
      const before = await countRows(t, 'events');
      const response = await capture(document);
      expect(response.body).toMatchObject({ success: false, capturedCount: 0, eventCount: 1000 });
      expect(response.body.errors).toEqual([
        expect.objectContaining({ eventIndex: 617, pointer: '/epcisBody/eventList/617/quantityList/0/quantity' }),
      ]);
      // The slices before the bad event were written as they passed, and went with the run's transaction.
      expect(await countRows(t, 'events')).toBe(before);
      expect(
        await countRows(t, 'event_identifiers', 'identifier = $1', [normalizeIdentifier('https://id.gs1.org/01/09520123456788/10/BULK-1')]),
      ).toBe(0);
      // Its result was recorded once, with its audit entry.
      expect(await countRows(t, 'audit_log', `action = 'epcis.capture' AND target_id = $1`, [response.body.captureID])).toBe(1);
    }, 90_000);

    it('keeps the good events with GS1-Capture-Error-Behaviour: proceed', async () => {
      const document = documentOf(1000, 'https://id.gs1.org/01/09520123456788/10/BULK-2') as any;
      document.epcisBody.eventList[3].quantityList[0].quantity = 0;
      const response = await capture(document, { 'GS1-Capture-Error-Behaviour': 'proceed' });
      expect(response.body).toMatchObject({ success: false, status: 'partial', capturedCount: 999 });
      expect(
        await countRows(t, 'event_identifiers', 'identifier = $1', [normalizeIdentifier('https://id.gs1.org/01/09520123456788/10/BULK-2')]),
      ).toBe(999);
    }, 90_000);
  });

  describe('events sent before master data', () => {
    const eventsOf = async (batchId: string) =>
      (await f.http.get(`/api/batches/${batchId}/events?limit=50`, { token: farm.owner.token })).body.items as {
        eventId: string;
        eventType: string;
      }[];
    const integrityOf = async (batchId: string) => (await f.http.get(`/api/batches/${batchId}/integrity`)).body;

    it('links the events a business sent before registering the product and the lot, its records still verified', async () => {
      const gtin = gtinOf(farm.business);
      const lotClass = `https://id.gs1.org/01/${gtin.padStart(14, '0')}/10/LATE-1`;
      const early = documentOf(2, lotClass) as any;
      const job = (await capture(early)).body;
      expect(job).toMatchObject({ success: true, capturedCount: 2 });
      expect(job.warnings.map((w: { code: string }) => w.code)).toEqual(['UNLINKED_IDENTIFIER', 'UNLINKED_IDENTIFIER']);

      const product = await createProduct(f, farm.owner, farm.business.id, { gtin });
      const batch = await createBatch(f, farm.owner, product.id, { lotCode: 'LATE-1' });
      const earlyIds = early.epcisBody.eventList.map((e: { eventID: string }) => e.eventID);
      const ids = (await eventsOf(batch.id)).map((e) => e.eventId);
      expect(ids).toEqual(expect.arrayContaining(earlyIds));
      expect(ids).toHaveLength(3);
      expect(await integrityOf(batch.id)).toMatchObject({ verified: true, records: 3, unchained: 0 });
      // The events themselves are unchanged: the links are records of their own.
      const [late] = await sql<{ seq: number; linked_at: Date | null }>(
        t,
        `SELECT eb.seq, eb.linked_at FROM event_batches eb JOIN events e ON e.id = eb.event_id WHERE e.event_id = $1`,
        [earlyIds[0]],
      );
      expect(late).toMatchObject({ seq: 1, linked_at: expect.any(Date) });
    });

    it('links an input lot to the transformation that used it once the lot is commissioned, and the trace reaches it', async () => {
      const gtin = farm.product.gtin!.padStart(14, '0');
      const input = `https://id.gs1.org/01/${gtin}/10/LATE-IN`;
      const output = `https://id.gs1.org/01/${gtin}/10/LATE-OUT`;
      const transformation = {
        ...(documentOf(1, input) as any),
      };
      transformation.epcisBody.eventList = [
        {
          type: 'TransformationEvent',
          eventID: `urn:uuid:${crypto.randomUUID()}`,
          eventTime: '2026-10-02T00:00:00Z',
          eventTimeZoneOffset: '+07:00',
          bizStep: 'commissioning',
          inputQuantityList: [{ epcClass: input, quantity: 100, uom: 'KGM' }],
          outputQuantityList: [{ epcClass: output, quantity: 60, uom: 'KGM' }],
        },
      ];
      const job = (await capture(transformation)).body;
      expect(job).toMatchObject({ success: true, capturedCount: 1 });
      expect(job.warnings.map((w: { pointer: string }) => w.pointer)).toEqual(['/epcisBody/eventList/0/inputQuantityList/0/epcClass']);

      const commissioning = documentOf(1, input) as any;
      Object.assign(commissioning.epcisBody.eventList[0], { action: 'ADD', bizStep: 'commissioning', eventTime: '2026-10-01T00:00:00Z' });
      expect((await capture(commissioning)).body).toMatchObject({ success: true, capturedCount: 1, warnings: [] });

      const [inputBatch] = await sql<{ id: string }>(t, `SELECT id FROM batches WHERE lot_code = 'LATE-IN'`);
      const [outputBatch] = await sql<{ id: string }>(t, `SELECT id FROM batches WHERE lot_code = 'LATE-OUT'`);
      const [link] = await sql<{ role: string; quantity: string }>(
        t,
        `SELECT role, quantity::text FROM event_batches WHERE batch_id = $1 AND role = 'input'`,
        [inputBatch!.id],
      );
      expect(link).toEqual({ role: 'input', quantity: '100' });
      expect(await integrityOf(inputBatch!.id)).toMatchObject({ verified: true, records: 2 });
      expect(await integrityOf(outputBatch!.id)).toMatchObject({ verified: true, records: 1 });
      const sources = await f.http.get(`/api/public/batches/${outputBatch!.id}`);
      expect(JSON.stringify(sources.body)).toContain('LATE-IN');
    });

    it('finds a late link rewritten behind the application', async () => {
      const gtin = gtinOf(farm.business);
      const lotClass = `https://id.gs1.org/01/${gtin.padStart(14, '0')}/10/LATE-2`;
      await capture(documentOf(1, lotClass));
      const product = await createProduct(f, farm.owner, farm.business.id, { gtin });
      const batch = await createBatch(f, farm.owner, product.id, { lotCode: 'LATE-2' });
      await sql(t, `ALTER TABLE event_batches DISABLE TRIGGER USER`);
      try {
        await sql(t, `UPDATE event_batches SET quantity = 999 WHERE batch_id = $1 AND linked_at IS NOT NULL`, [batch.id]);
      } finally {
        await sql(t, `ALTER TABLE event_batches ENABLE TRIGGER USER`);
      }
      expect(await integrityOf(batch.id)).toMatchObject({ verified: false, firstBroken: { seq: 1, problem: 'content_changed' } });
    });

    it('gives events their place once the business registers its GLN, and finds that place rewritten behind the application', async () => {
      const prefix = companyPrefixOf(farm.product.gtin!);
      const gln = glnOf(prefix, '0042');
      const batch = await createBatch(f, farm.owner, farm.product.id, { quantity: 50 });
      const document = documentOf(2, `https://id.gs1.org/01/${farm.product.gtin!}/10/${batch.lotCode}`) as any;
      for (const event of document.epcisBody.eventList) event.bizLocation = { id: `urn:epc:id:sgln:${prefix}.0042.0` };
      expect((await capture(document)).body.warnings.map((w: { code: string }) => w.code)).toEqual(['UNKNOWN_PLACE', 'UNKNOWN_PLACE']);

      const shed = await createLocation(f, farm.owner, farm.business.id, { name: 'Kho lạnh', gln });
      const places = await sql<{ location_id: string | null }>(t, `SELECT location_id FROM events WHERE event_id = ANY($1)`, [
        document.epcisBody.eventList.map((e: { eventID: string }) => e.eventID),
      ]);
      expect(places).toEqual([{ location_id: shed.id }, { location_id: shed.id }]);
      const view = await f.http.get<PublicBatchView>(`/api/public/batches/${batch.id}`);
      expect(view.body.timeline.filter((e) => e.place?.name === 'Kho lạnh')).toHaveLength(2);
      expect(await integrityOf(batch.id)).toMatchObject({ verified: true, records: 3 });

      await sql(t, `ALTER TABLE events DISABLE TRIGGER events_append_only`);
      try {
        await sql(t, `UPDATE events SET location_id = $1 WHERE event_id = $2`, [farm.location.id, document.epcisBody.eventList[1].eventID]);
      } finally {
        await sql(t, `ALTER TABLE events ENABLE TRIGGER events_append_only`);
      }
      expect(await integrityOf(batch.id)).toMatchObject({ verified: false, firstBroken: { seq: 3, problem: 'content_changed' } });
    });
  });

  describe('GS1-Capture-Error-Behaviour: all', () => {
    it('checks every event and names every error, then stores nothing', async () => {
      const document = documentOf(200, 'https://id.gs1.org/01/09520123456788/10/BULK-ALL') as any;
      document.epcisBody.eventList[3].quantityList[0].quantity = 0;
      document.epcisBody.eventList[150].quantityList[0].quantity = -1;
      const before = await countRows(t, 'events');
      const response = await capture(document, { 'GS1-Capture-Error-Behaviour': 'all' });
      expect(response.body).toMatchObject({
        success: false,
        status: 'failed',
        capturedCount: 0,
        eventCount: 200,
        captureErrorBehaviour: 'all',
      });
      expect(response.body.errors.map((e: { eventIndex: number }) => e.eventIndex)).toEqual([3, 150]);
      expect(await countRows(t, 'events')).toBe(before);
    });

    it('stores the whole document when no event has an error', async () => {
      const response = await capture(documentOf(5, 'https://id.gs1.org/01/09520123456788/10/BULK-ALL-OK'), {
        'GS1-Capture-Error-Behaviour': 'all',
      });
      expect(response.body).toMatchObject({ success: true, capturedCount: 5, errors: [], captureErrorBehaviour: 'all' });
    });

    it('refuses a behaviour the binding does not name, listing the three', async () => {
      const response = await capture(documentOf(1, 'https://id.gs1.org/01/09520123456788/10/BULK-NONE'), {
        'GS1-Capture-Error-Behaviour': 'sometimes',
      });
      const error = expectApiError(response, 400, 'VALIDATION_FAILED', ['GS1-Capture-Error-Behaviour']);
      expect(error.fieldErrors!['GS1-Capture-Error-Behaviour']).toEqual(['must be rollback, proceed, all']);
    });
  });

  describe('the portal rules for batches on the portal', () => {
    it('creates a batch from a commissioning event with lot master data for one of its own products', async () => {
      const gtin = farm.product.gtin!;
      const document = documentOf(1, `https://example.com/01/${gtin}/10/EPCIS-NEW-1`) as any;
      Object.assign(document.epcisBody.eventList[0], {
        action: 'ADD',
        bizStep: 'commissioning',
        ilmd: { 'cbvmda:itemExpirationDate': '2027-01-31' },
      });
      const response = await capture(document);
      expect(response.body).toMatchObject({ success: true, capturedCount: 1 });
      const [batch] = await sql<{ id: string; expiry_date: string; business_id: string }>(
        t,
        `SELECT id, expiry_date::text, business_id FROM batches WHERE lot_code = 'EPCIS-NEW-1'`,
      );
      expect(batch).toMatchObject({ expiry_date: '2027-01-31', business_id: farm.business.id });
      expect(await countRows(t, 'event_batches', 'batch_id = $1', [batch!.id])).toBe(1);
    });

    it.each([
      [
        'EPC URNs',
        (prefix: string, ref: string) => `urn:epc:id:sgln:${prefix}.${ref}.0`,
        (prefix: string, ref: string) => `urn:epc:id:pgln:${prefix}.${ref}`,
      ],
      [
        'Digital Links on another domain',
        (prefix: string, ref: string) => `https://example.com/414/${glnOf(prefix, ref)}`,
        (prefix: string, ref: string) => `https://example.com/417/${glnOf(prefix, ref)}`,
      ],
    ])('matches a place and a party written as %s to the registered place and business', async (_form, place, party) => {
      const admin = await createUser(f, { role: 'admin' });
      const growerPrefix = makeCompanyPrefix();
      const grower = await createProducer(f, admin, { business: { gs1Prefixes: [growerPrefix] } });
      const shed = await createLocation(f, grower.owner, grower.business.id, { name: 'Nhà đóng gói', gln: glnOf(growerPrefix, '0007') });
      const buyerPrefix = makeCompanyPrefix();
      const buyer = await createProducer(f, admin, { business: { gs1Prefixes: [buyerPrefix], gln: glnOf(buyerPrefix, '0001') } });
      const batch = await createBatch(f, grower.owner, grower.product.id, { quantity: 100 });
      const growerKey = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['capture'] });
      const document = documentOf(1, `https://id.gs1.org/01/${grower.product.gtin!}/10/${batch.lotCode}`) as any;
      Object.assign(document.epcisBody.eventList[0], {
        bizStep: 'shipping',
        bizLocation: { id: place(growerPrefix, '0007') },
        destinationList: [{ type: 'owning_party', destination: party(buyerPrefix, '0001') }],
      });

      expect((await capture(document, {}, growerKey.token)).body).toMatchObject({ success: true, capturedCount: 1, warnings: [] });
      const [event] = await sql<{ location_id: string; destination_business_id: string }>(
        t,
        `SELECT location_id, destination_business_id FROM events WHERE event_id = $1`,
        [document.epcisBody.eventList[0].eventID],
      );
      expect(event).toEqual({ location_id: shed.id, destination_business_id: buyer.business.id });
      // The buyer sees the shipment among its incoming goods.
      const incoming = await incomingShipments(f, buyer.owner, buyer.business.id);
      expect(incoming.items.map((s) => s.batch.lotCode)).toEqual([batch.lotCode]);
      // And may record, from its own system, receiving what was shipped to it.
      const buyerKey = await createApiKey(f, buyer.owner, buyer.business.id, { scopes: ['capture'] });
      const receiving = documentOf(1, `https://id.gs1.org/01/${grower.product.gtin!}/10/${batch.lotCode}`) as any;
      Object.assign(receiving.epcisBody.eventList[0], { bizStep: 'receiving', eventTime: '2026-10-02T00:00:00Z' });
      expect((await capture(receiving, {}, buyerKey.token)).body).toMatchObject({ success: true, capturedCount: 1 });
    });

    it('sends nothing to a business that typed a GLN it holds no confirmed prefix for as its own', async () => {
      const admin = await createUser(f, { role: 'admin' });
      const unheld = makeCompanyPrefix();
      const impostor = await createProducer(f, admin, { business: { gs1Prefixes: [makeCompanyPrefix()], gln: glnOf(unheld, '0001') } });
      const batch = await createBatch(f, farm.owner, farm.product.id, { quantity: 10 });
      const document = documentOf(1, `https://id.gs1.org/01/${farm.product.gtin!}/10/${batch.lotCode}`) as any;
      Object.assign(document.epcisBody.eventList[0], {
        bizStep: 'shipping',
        destinationList: [{ type: 'owning_party', destination: `urn:epc:id:pgln:${unheld}.0001` }],
      });
      const response = await capture(document);
      expect(response.body.warnings).toEqual([expect.objectContaining({ code: 'UNKNOWN_PARTY' })]);
      const [event] = await sql<{ destination_business_id: string | null }>(
        t,
        `SELECT destination_business_id FROM events WHERE event_id = $1`,
        [document.epcisBody.eventList[0].eventID],
      );
      expect(event).toEqual({ destination_business_id: null });
      expect((await incomingShipments(f, impostor.owner, impostor.business.id)).items).toEqual([]);
    });

    it("creates a transformation's output lot of its own product, without lot master data, made from the inputs", async () => {
      const oranges = await createBatch(f, farm.owner, farm.product.id, { quantity: 500 });
      const juice = await createProduct(f, farm.owner, farm.business.id, { name: { vi: 'Nước cam', en: 'Orange juice' }, unit: 'LTR' });
      const transformation = {
        type: 'TransformationEvent',
        eventTime: '2026-10-03T08:00:00Z',
        eventTimeZoneOffset: '+07:00',
        bizStep: 'commissioning',
        inputQuantityList: [{ epcClass: `https://id.gs1.org/01/${farm.product.gtin!}/10/${oranges.lotCode}`, quantity: 400, uom: 'KGM' }],
        outputQuantityList: [{ epcClass: `https://example.com/01/${juice.gtin!}/10/NC-2026-10`, quantity: 180, uom: 'LTR' }],
      };
      const document = { ...documentOf(0, ''), epcisBody: { eventList: [transformation] } };
      expect((await capture(document)).body).toMatchObject({ success: true, capturedCount: 1, warnings: [] });

      const [made] = await sql<{ id: string; quantity: string; unit: string; production_date: string }>(
        t,
        `SELECT id, quantity::text, unit, production_date::text FROM batches WHERE product_id = $1 AND lot_code = 'NC-2026-10'`,
        [juice.id],
      );
      expect(made).toMatchObject({ quantity: '180', unit: 'LTR', production_date: '2026-10-03' });
      // The juice's page names the oranges it was made from.
      const view = await f.http.get<PublicBatchView>(`/api/public/batches/${made!.id}`);
      expect(view.body.sources.map((source) => source.lotCode)).toEqual([oranges.lotCode]);
    });

    it("refuses an event about another business's batch, storing nothing", async () => {
      const other = await createProducer(f, await createUser(f, { role: 'admin' }));
      const theirs = await createBatch(f, other.owner, other.product.id, { lotCode: 'THEIRS-1' });
      const before = await countRows(t, 'events');
      const response = await capture(
        documentOf(
          1,
          `urn:epc:class:lgtin:${other.product.gtin!.slice(1, 8)}.${other.product.gtin![0]}${other.product.gtin!.slice(8, 13)}.THEIRS-1`,
        ),
      );
      expect(response.body).toMatchObject({ success: false, errors: [expect.objectContaining({ code: 'FORBIDDEN', eventIndex: 0 })] });
      expect(await countRows(t, 'event_batches', 'batch_id = $1', [theirs.id])).toBe(1);
      expect(await countRows(t, 'events')).toBe(before);
    });
  });

  describe('warnings', () => {
    it('say, per stored event and with the eventID it got, what matched nothing on the portal', async () => {
      const document = documentOf(1, 'https://id.gs1.org/01/09520123456788/10/NOBODY-1') as any;
      // A party under a company prefix no business on the portal holds.
      const nobody = `urn:epc:id:pgln:${makeCompanyPrefix()}.0009`;
      const [event] = document.epcisBody.eventList;
      delete event.eventID;
      Object.assign(event, {
        bizStep: 'shipping',
        bizLocation: { id: 'urn:epc:id:sgln:9520123.45678.0' },
        destinationList: [
          { type: 'owning_party', destination: nobody },
          { type: 'location', destination: 'urn:epc:id:sgln:9520123.45670.0' },
        ],
      });
      const response = await capture(document);
      const eventId = eventHashId(event, document['@context']);
      expect(response.body).toMatchObject({ success: true, status: 'success', capturedCount: 1, errors: [] });
      expect(response.body.warnings).toEqual([
        {
          eventIndex: 0,
          eventId,
          pointer: '/epcisBody/eventList/0/quantityList/0/epcClass',
          code: 'UNLINKED_IDENTIFIER',
          message:
            'https://id.gs1.org/01/09520123456788/10/NOBODY-1: no batch on the portal has this identifier; the event is stored without a link to a batch',
        },
        {
          eventIndex: 0,
          eventId,
          pointer: '/epcisBody/eventList/0/bizLocation/id',
          code: 'UNKNOWN_PLACE',
          message:
            'urn:epc:id:sgln:9520123.45678.0: not a registered place of this business; the event is stored without a place, and takes it when the business registers this GLN',
        },
        {
          eventIndex: 0,
          eventId,
          pointer: '/epcisBody/eventList/0/destinationList/0/destination',
          code: 'UNKNOWN_PARTY',
          message: `${nobody}: not a business on the portal; the event is stored, and this party is told of it once its GS1 company prefix is confirmed`,
        },
      ]);
      // Kept with the job.
      const job = await f.http.get(`/epcis/capture/${response.body.captureID}`, { token: key.token });
      expect(job.body.warnings).toEqual(response.body.warnings);
      expect(await countRows(t, 'events', 'event_id = $1', [eventId])).toBe(1);
    });

    it('list the first thousand, then say how many more there were', async () => {
      const document = documentOf(1, 'https://id.gs1.org/01/09520123456788/10/NOBODY-3') as any;
      document.epcisBody.eventList[0].epcList = Array.from({ length: 1_005 }, (_, n) => `urn:epc:id:sgtin:0614141.107346.${n + 1}`);
      const response = await capture(document);
      expect(response.body).toMatchObject({ success: true, capturedCount: 1 });
      // 1,005 serials and the lot: 1,006 identifiers that link nothing here.
      expect(response.body.warnings).toHaveLength(1_001);
      expect(response.body.warnings[999]).toMatchObject({
        code: 'UNLINKED_IDENTIFIER',
        pointer: expect.stringMatching(/^\/epcisBody\/eventList\/0\//),
      });
      expect(response.body.warnings[1_000]).toEqual({
        eventIndex: null,
        eventId: null,
        pointer: '',
        code: 'WARNINGS_NOT_LISTED',
        message: '6 more warnings of the same kinds are not listed.',
      });
    });

    it('are not given for a document rolled back, whose failed event reports the eventID it would have had', async () => {
      const document = documentOf(2, 'https://id.gs1.org/01/09520123456788/10/NOBODY-2') as any;
      const [, bad] = document.epcisBody.eventList;
      delete bad.eventID;
      bad.quantityList[0].quantity = 0;
      const response = await capture(document);
      expect(response.body).toMatchObject({ success: false, capturedCount: 0, warnings: [] });
      expect(response.body.errors).toEqual([
        expect.objectContaining({ eventIndex: 1, eventId: eventHashId(bad, document['@context']), code: 'EVENT_RULE_VIOLATED' }),
      ]);
    });
  });

  describe('corrections', () => {
    it('an error declaration and a corrective event give the consumer the corrected history, and keep both for inspectors', async () => {
      const batch = await createBatch(f, farm.owner, farm.product.id);
      const wrong = await recordStage(f, farm.owner, batch.id, { stage: 'harvesting', quantity: 9000 });
      const corrective = await recordStage(f, farm.owner, batch.id, { stage: 'harvesting', quantity: 900, note: 'Sửa số lượng thu hoạch' });
      const { recordTime: _, ...original } = wrong.epcis;
      const declaration = {
        ...original,
        errorDeclaration: { declarationTime: new Date().toISOString(), reason: 'incorrect_data', correctiveEventIDs: [corrective.eventId] },
      };

      const stranger = await createProducer(f, await createUser(f, { role: 'admin' }));
      const theirKey = await createApiKey(f, stranger.owner, stranger.business.id, { scopes: ['capture'] });
      expectApiError(await f.http.post('/epcis/events', declaration, { token: theirKey.token }), 403, 'FORBIDDEN');

      expect((await f.http.post('/epcis/events', declaration, { token: key.token })).status).toBe(201);
      const view = (await f.http.get(`/api/public/batches/${batch.id}`)).body;
      expect(view.timeline.filter((e: { stage: string }) => e.stage === 'harvesting').map((e: { quantity: number }) => e.quantity)).toEqual(
        [900],
      );
      const records = (await f.http.get(`/api/batches/${batch.id}/events?limit=100`, { token: farm.owner.token })).body.items;
      expect(records.filter((e: { eventId: string }) => e.eventId === wrong.eventId)).toHaveLength(2);
    });
  });

  describe('POST /epcis/events', () => {
    const single = () =>
      (documentOf(1, `https://id.gs1.org/01/0952012345678${gs1CheckDigit('0952012345678')}/10/ONE`) as any).epcisBody.eventList[0];

    it('stores one event: 201, Location, and 409 when its eventID exists', async () => {
      const event = { ...single(), eventID: `urn:uuid:${crypto.randomUUID()}` };
      const first = await f.http.post('/epcis/events', event, { token: key.token });
      expect(first.status).toBe(201);
      expect(first.headers.get('location')).toBe(`/epcis/events/${encodeURIComponent(event.eventID)}`);
      expectApiError(await f.http.post('/epcis/events', event, { token: key.token }), 409, 'DUPLICATE_EVENT');
    });

    it('gives an event without eventID its canonical GS1 event hash', async () => {
      const { eventID: _, ...event } = single();
      const response = await f.http.post('/epcis/events', event, { token: key.token });
      expect(response.status).toBe(201);
      expect(response.body.eventId).toBe(eventHashId(event, ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld']));
    });

    it('refuses a schema-invalid event with 400 naming the field, and a read-only key with 403', async () => {
      const { eventTimeZoneOffset: _, ...event } = single();
      expectApiError(await f.http.post('/epcis/events', event, { token: key.token }), 400, 'VALIDATION_FAILED', ['/eventTimeZoneOffset']);
      const reader = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['read'] });
      expectApiError(await f.http.post('/epcis/events', single(), { token: reader.token }), 403, 'INSUFFICIENT_SCOPE');
    });
  });

  describe('capture jobs', () => {
    it('are answered at once, running, and then finished by a worker, their progress at the event count', async () => {
      const accepted = await f.http.post('/epcis/capture', documentOf(300, 'https://id.gs1.org/01/09520123456788/10/JOB-1'), {
        token: key.token,
        headers: { 'content-type': 'application/ld+json' },
      });
      expect(accepted.status).toBe(202);
      // The answer is the job as queued: nothing of the document is captured yet.
      expect(accepted.body).toMatchObject({ running: true, success: false, status: 'running', eventCount: 300, capturedCount: 0 });
      expect(accepted.headers.get('location')).toBe(`/epcis/capture/${accepted.body.captureID}`);
      const job = await finishedCaptureJob(f.http, accepted.body.captureID, key.token);
      expect(job).toMatchObject({ running: false, success: true, eventCount: 300, capturedCount: 300, processedCount: 300 });
      const [row] = await sql<{ document: unknown; attempts: number }>(t, 'SELECT document, attempts FROM capture_jobs WHERE id = $1', [
        job.captureID,
      ]);
      // Run once; the document is dropped once its events are stored.
      expect(row).toEqual({ document: null, attempts: 1 });
    });

    it("are listed for the acting business, newest first, paged with perPage and the Link header's nextPageToken", async () => {
      const lister = await createProducer(f, await createUser(f, { role: 'admin' }), { business: { gs1Prefixes: [makeCompanyPrefix()] } });
      const listerKey = await createApiKey(f, lister.owner, lister.business.id, { scopes: ['capture'] });
      const lot = `https://id.gs1.org/01/${gtinOf(lister.business).padStart(14, '0')}/10/LIST-1`;
      const ids: string[] = [];
      for (let n = 0; n < 5; n++) ids.push((await captureAndWait(f.http, documentOf(1, lot), { token: listerKey.token })).body.captureID);
      const newestFirst = [...ids].reverse();

      const seen: string[] = [];
      let path: string | null = '/epcis/capture?perPage=2';
      while (path) {
        const page: HttpResponse = await f.http.get(path, { token: listerKey.token });
        expect(page.status).toBe(200);
        for (const job of page.body) {
          // Each in the shape GET /epcis/capture/{id} has.
          expect(job).toEqual((await f.http.get(`/epcis/capture/${job.captureID}`, { token: listerKey.token })).body);
          seen.push(job.captureID);
        }
        const link: string | null = page.headers.get('link');
        path = link ? pathOf(link.match(/<([^>]+)>; rel="next"/)![1]!) : null;
        if (path) expect(page.body).toHaveLength(2);
      }
      expect(seen).toEqual(newestFirst);

      // Another business's key sees none of them; a token of another list is refused.
      const others = (await f.http.get('/epcis/capture?perPage=1000', { token: key.token })).body.map(
        (job: { captureID: string }) => job.captureID,
      );
      expect(others.filter((id: string) => ids.includes(id))).toEqual([]);
      expectApiError(await f.http.get('/epcis/capture?nextPageToken=forged.token', { token: listerKey.token }), 400, 'VALIDATION_FAILED', [
        'nextPageToken',
      ]);
      const reader = await createApiKey(f, lister.owner, lister.business.id, { scopes: ['read'] });
      expectApiError(await f.http.get('/epcis/capture', { token: reader.token }), 403, 'INSUFFICIENT_SCOPE');
    });

    it("are shown to their business's people and keys and to inspectors; anyone else is told they do not exist", async () => {
      const lot = `https://id.gs1.org/01/${gtinOf(farm.business).padStart(14, '0')}/10/SEEN-1`;
      const { captureID } = (await captureAndWait(f.http, documentOf(1, lot), { token: key.token })).body;
      const other = await createProducer(f, await createUser(f, { role: 'admin' }), { business: { gs1Prefixes: [makeCompanyPrefix()] } });
      const otherKey = await createApiKey(f, other.owner, other.business.id, { scopes: ['capture'] });
      const inspector = await createUser(f, { role: 'inspector' });

      for (const token of [key.token, farm.owner.token, inspector.token]) {
        expect((await f.http.get(`/epcis/capture/${captureID}`, { token })).body).toMatchObject({ captureID, success: true });
      }
      for (const token of [otherKey.token, other.owner.token]) {
        // The same answer as for a job that never was, so an id gives nothing away.
        const problem = ({ body: { instance, requestId, ...rest } }: HttpResponse) => rest;
        const hidden = await f.http.get(`/epcis/capture/${captureID}`, { token });
        expect(hidden.status).toBe(404);
        expect(problem(hidden)).toEqual(problem(await f.http.get(`/epcis/capture/${randomUUID()}`, { token })));
      }
      expect((await f.http.get(`/epcis/capture/${captureID}`)).status).toBe(401);
    });
  });
});
