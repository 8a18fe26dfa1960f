import { createHmac, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { epcisDocumentEvents, eventHashId, gs1CheckDigit, type BatchView, type EventView, type ProductView } from '@nguon/shared';
import { validateEpcisDocument } from '../../server/src/epcis/epcis-schema.js';
import { normalizeIdentifier } from '../../server/src/events/event-identifiers.js';
import {
  createApiKey,
  GS1_EXAMPLE_PREFIXES,
  makeCompanyPrefix,
  createBatch,
  createProduct,
  createLocation,
  createProducer,
  createUser,
  recordProcessing,
  recordStage,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { captureAndWait } from '../support/capture-jobs.js';
import { httpClient, pathOf, type HttpResponse } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The grower's GS1 Company Prefix (7 digits), and the keys made with it. */
const PREFIX = '8934567';
const withCheck = (digits: string) => `${digits}${gs1CheckDigit(digits)}`;
const POMELO_GTIN13 = withCheck(`${PREFIX}00001`);
const JUICE_GTIN13 = withCheck(`${PREFIX}00002`);
const POMELO_GTIN14 = `0${POMELO_GTIN13}`;
/** The packing house: GLN and its SGLN URN (location reference 00001, no extension). */
const GLN = withCheck(`${PREFIX}00001`);
const SGLN_URN = `urn:epc:id:sgln:${PREFIX}.00001.0`;
/** A pallet: SSCC with extension digit 0 and serial reference 000000001. */
const SSCC_URN = `urn:epc:id:sscc:${PREFIX}.0000000001`;
const SSCC18 = withCheck(`0${PREFIX}000000001`);

const lgtinUrn = (lotCode: string) => `urn:epc:class:lgtin:${PREFIX}.000001.${lotCode}`;
const sgtinUrn = (serial: string) => `urn:epc:id:sgtin:${PREFIX}.000001.${serial}`;
const classLink = (gtin14: string, lotCode: string) => `https://id.gs1.org/01/${gtin14}/10/${lotCode}`;

const EXAMPLES = new URL('../fixtures/epcis/examples/', import.meta.url);
const exampleNames = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.jsonld'))
  .sort();
const example = (name: string) => JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as Record<string, unknown>;

/** The first identifier an event names, as written, and the MATCH_ parameter that looks where it is. */
function firstIdentifier(event: Record<string, any>): [string, string] | null {
  const lists: [string, unknown][] = [
    ['MATCH_epc', event.epcList],
    ['MATCH_epc', event.childEPCs],
    ['MATCH_inputEPC', event.inputEPCList],
    ['MATCH_outputEPC', event.outputEPCList],
    ['MATCH_parentID', event.parentID ? [event.parentID] : []],
    ['MATCH_epcClass', (event.quantityList ?? []).map((q: { epcClass: string }) => q.epcClass)],
    ['MATCH_epcClass', (event.childQuantityList ?? []).map((q: { epcClass: string }) => q.epcClass)],
    ['MATCH_inputEPCClass', (event.inputQuantityList ?? []).map((q: { epcClass: string }) => q.epcClass)],
    ['MATCH_outputEPCClass', (event.outputQuantityList ?? []).map((q: { epcClass: string }) => q.epcClass)],
  ];
  for (const [parameter, values] of lists) if (Array.isArray(values) && typeof values[0] === 'string') return [parameter, values[0]];
  return null;
}

type QueryDocument = {
  type: string;
  epcisBody: { queryResults: { queryName: string; resultsBody: { eventList: Array<Record<string, unknown>> } } };
};

/** An event's identity in a result: its eventID, marked when it is the error declaration. */
const keyOf = (event: Record<string, unknown>) => `${String(event.eventID)}${event.errorDeclaration ? ' (declaration)' : ''}`;
const declaration = (eventId: string) => `${eventId} (declaration)`;
const eventsOf = (response: HttpResponse<QueryDocument>) => response.body.epcisBody.queryResults.resultsBody.eventList;

/** Asserts the answer is a valid EPCISQueryDocument (GS1's schema) and gives its events. */
function expectQueryDocument(response: HttpResponse<QueryDocument>): Array<Record<string, unknown>> {
  expect(response.status).toBe(200);
  expect(validateEpcisDocument(response.body)).toEqual({ valid: true, errors: [] });
  expect(response.body).toMatchObject({
    '@context': expect.arrayContaining(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld']),
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: expect.any(String),
    epcisBody: { queryResults: { queryName: 'SimpleEventQuery' } },
  });
  expect(response.headers.get('gs1-epcis-version')).toBe('2.0.0');
  expect(response.headers.get('gs1-cbv-version')).toBe('2.0.0');
  return eventsOf(response);
}

describe('EPCIS 2.0 query interface', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let inspector: TestUser;
  /** The grower: every event of the catalogue below is its own or touches its batches. */
  let grower: Producer;
  let juice: ProductView;
  let growerKey: Credential;
  let growerCaptureKey: Credential;
  /** A business the grower ships to, and one that has nothing to do with any of it. */
  let distributor: Producer;
  let outsider: Producer;

  let batchA: BatchView;
  let batchB: BatchView;
  let batchC: BatchView;
  /** The catalogue: eventIDs, oldest event time first. */
  const E: Record<string, string> = {};
  const recorded: Record<string, EventView> = {};

  const query = (path: string, credential: Credential = growerKey, headers?: Record<string, string>) =>
    f.http.get<QueryDocument>(path, { token: credential.token, headers });
  /** The keys of the events a query as the grower returns, sorted. */
  async function found(parameters: string, credential: Credential = growerKey): Promise<string[]> {
    return expectQueryDocument(await query(`/epcis/events?perPage=1000&${parameters}`, credential))
      .map(keyOf)
      .sort();
  }
  const keys = (...names: string[]) => names.map((name) => (name === 'E11' ? declaration(E.E10!) : E[name]!)).sort();

  /**
   * Events that the portal forms cannot make (EPCs with serials, a pallet, an error declaration)
   * are captured through the binding's `POST /epcis/events`, with the grower's capture key.
   */
  async function capture(event: Record<string, unknown>): Promise<EventView> {
    const response = await f.http.post<EventView>('/epcis/events', event, { token: growerCaptureKey.token });
    if (response.status !== 201) throw new Error(`capture failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    grower = await createProducer(f, admin, { business: { gs1Prefixes: [PREFIX] }, product: { gtin: POMELO_GTIN13 } });
    juice = await createProduct(f, grower.owner, grower.business.id, {
      name: { vi: 'Nước bưởi', en: 'Pomelo juice' },
      unit: 'LTR',
      gtin: JUICE_GTIN13,
    });
    growerKey = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['read'] });
    growerCaptureKey = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['capture'] });
    distributor = await createProducer(f, admin, { business: { legalName: 'Công ty Phân phối Hà Nội' } });
    outsider = await createProducer(f, admin);

    // E1..E8 through the portal's forms, E9..E11 through capture.
    batchA = await createBatch(f, grower.owner, grower.product.id, {
      originLocationId: grower.location.id,
      eventTime: '2026-10-01T07:00:00+07:00',
    });
    const history = async (batchId: string) =>
      (await f.http.get<{ items: EventView[] }>(`/api/batches/${batchId}/events`, { token: grower.owner.token })).body.items;
    recorded.E1 = (await history(batchA.id))[0]!;
    recorded.E2 = await recordStage(f, grower.owner, batchA.id, {
      stage: 'harvesting',
      locationId: grower.location.id,
      eventTime: '2026-10-02T07:00:00+07:00',
      quantity: 900,
    });
    recorded.E3 = await recordStage(f, grower.owner, batchA.id, {
      stage: 'inspecting',
      passed: false,
      eventTime: '2026-10-03T07:00:00+07:00',
    });
    const { shipping, receiving } = await (async () => {
      const shippingEvent = await recordStage(f, grower.owner, batchA.id, {
        stage: 'shipping',
        destinationBusinessId: distributor.business.id,
        eventTime: '2026-10-04T07:00:00+07:00',
      });
      const receivingEvent = await recordStage(f, distributor.owner, batchA.id, {
        stage: 'receiving',
        eventTime: '2026-10-05T07:00:00+07:00',
      });
      return { shipping: shippingEvent, receiving: receivingEvent };
    })();
    recorded.E4 = shipping;
    recorded.E5 = receiving;
    batchB = await createBatch(f, grower.owner, grower.product.id, { eventTime: '2026-10-06T07:00:00+07:00' });
    recorded.E6 = (await history(batchB.id))[0]!;
    batchC = await createBatch(f, grower.owner, juice.id, { eventTime: '2026-10-07T07:00:00+07:00', unit: 'LTR' });
    recorded.E7 = (await history(batchC.id))[0]!;
    recorded.E8 = await recordProcessing(f, grower.owner, {
      inputs: [{ batchId: batchB.id, quantity: 500, unit: 'KGM' }],
      outputs: [{ batchId: batchC.id, quantity: 200, unit: 'LTR' }],
      eventTime: '2026-10-08T07:00:00+07:00',
    });
    recorded.E9 = await capture({
      type: 'AggregationEvent',
      eventTime: '2026-10-09T07:00:00+07:00',
      eventTimeZoneOffset: '+07:00',
      parentID: SSCC_URN,
      childEPCs: [sgtinUrn('S1')],
      action: 'ADD',
      bizStep: 'packing',
      disposition: 'in_progress',
      readPoint: { id: SGLN_URN },
      bizLocation: { id: SGLN_URN },
    });
    const sold = {
      type: 'ObjectEvent',
      eventTime: '2026-10-10T07:00:00+07:00',
      eventTimeZoneOffset: '+07:00',
      epcList: [`https://shop.example.com/01/${POMELO_GTIN14}/21/S2`],
      action: 'OBSERVE',
      bizStep: 'retail_selling',
      disposition: 'retail_sold',
      readPoint: { id: `https://id.gs1.org/414/${GLN}` },
    };
    recorded.E10 = await capture(sold);
    recorded.E11 = await capture({
      eventID: recorded.E10.eventId,
      ...sold,
      errorDeclaration: { declarationTime: '2026-10-11T07:00:00+07:00', reason: 'incorrect_data' },
    });
    for (const [name, event] of Object.entries(recorded)) E[name] = event.eventId;
  });
  afterAll(async () => t?.close());

  describe('GET /epcis/events', () => {
    it('answers the whole catalogue, the events the grower recorded or that touch its batches, as a valid EPCISQueryDocument', async () => {
      expect(await found('')).toEqual(keys('E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10', 'E11'));
    });

    it('gives each event as stored, with the record time the portal gave it', async () => {
      const [event] = expectQueryDocument(await query(`/epcis/events?EQ_eventID=${encodeURIComponent(E.E2!)}`));
      expect(event).toEqual({ ...recorded.E2!.epcis, recordTime: recorded.E2!.recordTime });
    });

    it('filters by eventType, one or several (comma or pipe)', async () => {
      expect(await found('eventType=TransformationEvent')).toEqual(keys('E8'));
      expect(await found('eventType=AggregationEvent,TransformationEvent')).toEqual(keys('E8', 'E9'));
      expect(await found('eventType=AggregationEvent|TransformationEvent')).toEqual(keys('E8', 'E9'));
      expect(await found('eventType=AggregationEvent&eventType=TransformationEvent')).toEqual(keys('E8', 'E9'));
    });

    it('filters by GE_eventTime and LT_eventTime, alone and together', async () => {
      expect(await found(`GE_eventTime=${encodeURIComponent('2026-10-09T07:00:00+07:00')}`)).toEqual(keys('E9', 'E10', 'E11'));
      expect(await found(`LT_eventTime=${encodeURIComponent('2026-10-03T07:00:00+07:00')}`)).toEqual(keys('E1', 'E2'));
      // Another zone, the same instants: 2026-10-02T00:00Z is 07:00 in Hà Nội.
      expect(await found('GE_eventTime=2026-10-02T00:00:00Z&LT_eventTime=2026-10-04T00:00:00.000Z')).toEqual(keys('E2', 'E3'));
      // A '+' left unencoded in the URL arrives as a space: still read as the offset.
      expect(await found('GE_eventTime=2026-10-09T07:00:00+07:00')).toEqual(keys('E9', 'E10', 'E11'));
    });

    it('filters by GE_recordTime and LT_recordTime', async () => {
      expect(await found(`GE_recordTime=${encodeURIComponent(recorded.E9!.recordTime)}`)).toEqual(keys('E9', 'E10', 'E11'));
      expect(await found(`LT_recordTime=${encodeURIComponent(recorded.E3!.recordTime)}`)).toEqual(keys('E1', 'E2'));
      expect(
        await found(
          `GE_recordTime=${encodeURIComponent(recorded.E6!.recordTime)}&LT_recordTime=${encodeURIComponent(recorded.E8!.recordTime)}`,
        ),
      ).toEqual(keys('E6', 'E7'));
    });

    it('filters by EQ_action', async () => {
      expect(await found('EQ_action=ADD')).toEqual(keys('E1', 'E6', 'E7', 'E9'));
      expect(await found('EQ_action=DELETE')).toEqual([]);
    });

    it('filters by EQ_bizStep given as a bare CBV word, its URN, its Web URI or an extension URI', async () => {
      expect(await found('EQ_bizStep=commissioning')).toEqual(keys('E1', 'E6', 'E7'));
      expect(await found(`EQ_bizStep=${encodeURIComponent('urn:epcglobal:cbv:bizstep:shipping')}`)).toEqual(keys('E4'));
      expect(await found(`EQ_bizStep=${encodeURIComponent('https://ref.gs1.org/cbv/BizStep-retail_selling')}`)).toEqual(keys('E10', 'E11'));
      expect(await found(`EQ_bizStep=${encodeURIComponent('https://id.nguon.vn/voc/bizstep/harvesting')},receiving`)).toEqual(
        keys('E2', 'E5'),
      );
    });

    it('filters by EQ_disposition in any of its forms', async () => {
      expect(await found('EQ_disposition=non_conformant')).toEqual(keys('E3'));
      expect(await found(`EQ_disposition=${encodeURIComponent('urn:epcglobal:cbv:disp:in_transit')}`)).toEqual(keys('E4'));
      expect(await found(`EQ_disposition=${encodeURIComponent('https://ref.gs1.org/cbv/Disp-retail_sold')}|active`)).toEqual(
        keys('E1', 'E6', 'E7', 'E8', 'E10', 'E11'),
      );
    });

    it('filters by EQ_readPoint, finding a place whether it was captured as an EPC URN or a Digital Link', async () => {
      expect(await found(`EQ_readPoint=${encodeURIComponent(`urn:nguon:location:${grower.location.id}`)}`)).toEqual(keys('E1', 'E2'));
      expect(await found(`EQ_readPoint=${encodeURIComponent(`https://id.gs1.org/414/${GLN}`)}`)).toEqual(keys('E9', 'E10', 'E11'));
      expect(await found(`EQ_readPoint=${encodeURIComponent(SGLN_URN)}`)).toEqual(keys('E9', 'E10', 'E11'));
    });

    it('filters by EQ_bizLocation', async () => {
      expect(await found(`EQ_bizLocation=${encodeURIComponent(`https://example.com/414/${GLN}`)}`)).toEqual(keys('E9'));
      expect(await found(`EQ_bizLocation=${encodeURIComponent(`urn:nguon:location:${grower.location.id}`)}`)).toEqual(keys('E1', 'E2'));
    });

    it('filters by MATCH_epc (epcList and childEPCs) in URN, Digital Link and ID pattern form', async () => {
      expect(await found(`MATCH_epc=${encodeURIComponent(sgtinUrn('S1'))}`)).toEqual(keys('E9'));
      expect(await found(`MATCH_epc=${encodeURIComponent(`https://id.gs1.org/01/${POMELO_GTIN14}/21/S1`)}`)).toEqual(keys('E9'));
      // Captured as a Digital Link on a shop's domain: found by the URN and by the canonical link.
      expect(await found(`MATCH_epc=${encodeURIComponent(sgtinUrn('S2'))}`)).toEqual(keys('E10', 'E11'));
      expect(await found(`MATCH_epc=${encodeURIComponent(`https://id.gs1.org/01/${POMELO_GTIN14}/21/S2`)}`)).toEqual(keys('E10', 'E11'));
      expect(await found(`MATCH_epc=${encodeURIComponent(`urn:epc:idpat:sgtin:${PREFIX}.000001.*`)}`)).toEqual(keys('E9', 'E10', 'E11'));
      expect(await found(`MATCH_epc=${encodeURIComponent(SSCC_URN)}`)).toEqual([]);
    });

    it('filters by MATCH_parentID in URN and Digital Link form', async () => {
      expect(await found(`MATCH_parentID=${encodeURIComponent(SSCC_URN)}`)).toEqual(keys('E9'));
      expect(await found(`MATCH_parentID=${encodeURIComponent(`https://id.gs1.org/00/${SSCC18}`)}`)).toEqual(keys('E9'));
    });

    it('filters by MATCH_epcClass: a batch as an LGTIN URN, as the canonical Digital Link, or as the Digital Link its QR code holds', async () => {
      const batchAEvents = keys('E1', 'E2', 'E3', 'E4', 'E5');
      expect(await found(`MATCH_epcClass=${encodeURIComponent(lgtinUrn(batchA.lotCode))}`)).toEqual(batchAEvents);
      expect(await found(`MATCH_epcClass=${encodeURIComponent(classLink(POMELO_GTIN14, batchA.lotCode))}`)).toEqual(batchAEvents);
      expect(await found(`MATCH_epcClass=${encodeURIComponent(batchA.identityUrl)}`)).toEqual(batchAEvents);
      expect(
        await found(`MATCH_epcClass=${encodeURIComponent(lgtinUrn(batchA.lotCode))},${encodeURIComponent(lgtinUrn(batchB.lotCode))}`),
      ).toEqual(keys('E1', 'E2', 'E3', 'E4', 'E5', 'E6'));
      // Processing inputs and outputs are not in quantityList.
      expect(await found(`MATCH_epcClass=${encodeURIComponent(classLink(juice.gtin!, batchC.lotCode))}`)).toEqual(keys('E7'));
    });

    it('filters by MATCH_inputEPCClass and MATCH_outputEPCClass', async () => {
      expect(await found(`MATCH_inputEPCClass=${encodeURIComponent(lgtinUrn(batchB.lotCode))}`)).toEqual(keys('E8'));
      expect(await found(`MATCH_inputEPCClass=${encodeURIComponent(classLink(juice.gtin!, batchC.lotCode))}`)).toEqual([]);
      expect(await found(`MATCH_outputEPCClass=${encodeURIComponent(classLink(juice.gtin!, batchC.lotCode))}`)).toEqual(keys('E8'));
      expect(await found(`MATCH_outputEPCClass=${encodeURIComponent(lgtinUrn(batchB.lotCode))}`)).toEqual([]);
    });

    it('filters by MATCH_anyEPCClass over every quantity list', async () => {
      expect(await found(`MATCH_anyEPCClass=${encodeURIComponent(lgtinUrn(batchB.lotCode))}`)).toEqual(keys('E6', 'E8'));
      expect(await found(`MATCH_anyEPCClass=${encodeURIComponent(classLink(juice.gtin!, batchC.lotCode))}`)).toEqual(keys('E7', 'E8'));
    });

    it('filters by EQ_eventID, giving an event together with its error declaration', async () => {
      expect(await found(`EQ_eventID=${encodeURIComponent(E.E4!)}`)).toEqual(keys('E4'));
      expect(await found(`EQ_eventID=${encodeURIComponent(E.E1!)}|${encodeURIComponent(E.E3!)}`)).toEqual(keys('E1', 'E3'));
      expect(await found(`EQ_eventID=${encodeURIComponent(E.E10!)}`)).toEqual(keys('E10', 'E11'));
    });

    it('filters by EXISTS_errorDeclaration', async () => {
      expect(await found('EXISTS_errorDeclaration')).toEqual(keys('E11'));
      expect(await found('EXISTS_errorDeclaration=true')).toEqual(keys('E11'));
      expect(await found('EXISTS_errorDeclaration=false')).toHaveLength(11);
    });

    it('combines parameters (AND across parameters, OR within one)', async () => {
      expect(
        await found(
          `MATCH_epcClass=${encodeURIComponent(lgtinUrn(batchA.lotCode))}&EQ_bizStep=inspecting,shipping&LT_eventTime=2026-10-04T00:00:00Z`,
        ),
      ).toEqual(keys('E3'));
    });

    it('orders by eventTime or recordTime, ascending or descending (DESC by default)', async () => {
      const order = async (parameters: string) => expectQueryDocument(await query(`/epcis/events?${parameters}`)).map(keyOf);
      const byEventTime = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'].map((n) => E[n]!);
      const ascending = await order('orderBy=eventTime&orderDirection=ASC');
      expect(ascending.slice(0, 9)).toEqual(byEventTime);
      expect(ascending.slice(9).sort()).toEqual(keys('E10', 'E11'));
      const descending = await order('orderBy=eventTime');
      expect(descending.slice(2)).toEqual([...byEventTime].reverse());
      // recordTime: the order in which they were recorded (E11 after E10).
      const recording = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10'].map((n) => E[n]!).concat(declaration(E.E10!));
      expect(await order('orderBy=recordTime&orderDirection=ASC')).toEqual(recording);
      expect(await order('orderBy=recordTime&orderDirection=DESC')).toEqual([...recording].reverse());
      expect(await order('')).toEqual(recording);
    });

    it('refuses an unknown or unsupported parameter with 400, naming it', async () => {
      expectApiError(await query('/epcis/events?colour=red'), 400, 'VALIDATION_FAILED', ['colour']);
      expectApiError(await query('/epcis/events?EQ_ATTR_bizStep_name=Kho&EQ_bizStep=shipping'), 400, 'VALIDATION_FAILED', [
        'EQ_ATTR_bizStep_name',
      ]);
    });

    it.each([
      ['EQ_action=MOVE', 'EQ_action'],
      ['GE_eventTime=yesterday', 'GE_eventTime'],
      ['LT_recordTime=2026-10-01T07:00:00', 'LT_recordTime'],
      ['orderBy=bizStep', 'orderBy'],
      ['orderBy=eventTime&orderDirection=UP', 'orderDirection'],
      ['perPage=0', 'perPage'],
      ['perPage=ten', 'perPage'],
      ['EXISTS_errorDeclaration=maybe', 'EXISTS_errorDeclaration'],
      ['eventType=', 'eventType'],
      ['MATCH_epc=', 'MATCH_epc'],
    ])('refuses %s with 400, naming %s', async (parameters, field) => {
      expectApiError(await query(`/epcis/events?${parameters}`), 400, 'VALIDATION_FAILED', [field]);
    });

    it('sends the version headers with a refusal too: 401 without a key, 404 for no such resource', async () => {
      for (const response of [
        await f.http.get('/epcis/events'),
        await f.http.post('/epcis/capture', {}, { headers: { 'content-type': 'application/ld+json' } }),
        await query('/epcis/nothing-here'),
      ]) {
        expect([response.status, response.headers.get('gs1-epcis-version'), response.headers.get('gs1-cbv-version')]).toEqual([
          expect.any(Number),
          '2.0.0',
          '2.0.0',
        ]);
        expect(response.status).toBeGreaterThanOrEqual(400);
      }
    });

    it.each<[string, Record<string, string>]>([
      ['an Accept of nothing the binding answers in', { accept: 'text/html' }],
      ['JSON refused with q=0', { accept: 'application/json;q=0, text/html' }],
      ['an EPCIS minimum above 2.0.0', { 'gs1-epcis-min': '2.1.0' }],
      ['a CBV maximum below 2.0.0', { 'gs1-cbv-max': '1.2' }],
    ])('refuses %s with 406, on queries and capture alike', async (_, headers) => {
      expectApiError(await query('/epcis/events?perPage=1', growerKey, headers), 406, 'NOT_ACCEPTABLE');
      expectApiError(
        await f.http.post(
          '/epcis/capture',
          {},
          { token: growerCaptureKey.token, headers: { 'content-type': 'application/ld+json', ...headers } },
        ),
        406,
        'NOT_ACCEPTABLE',
      );
    });

    it.each<[string, () => Promise<HttpResponse>, number, string]>([
      ['no key', () => f.http.get('/epcis/events'), 401, 'SecurityException'],
      [
        'a read key capturing',
        () => f.http.post('/epcis/capture', {}, { token: growerKey.token, headers: { 'content-type': 'application/ld+json' } }),
        403,
        'SecurityException',
      ],
      ['no such resource', () => query('/epcis/nothing-here'), 404, 'NoSuchResourceException'],
      [
        'no such event',
        () => query(`/epcis/events/${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-000000000000')}`),
        404,
        'NoSuchResourceException',
      ],
      ['a bad query parameter', () => query('/epcis/events?perPage=0'), 400, 'QueryParameterException'],
      ['a path Fastify cannot decode', () => query('/epcis/events/%FF'), 400, 'QueryParameterException'],
      ['an Accept it cannot answer', () => query('/epcis/events', growerKey, { accept: 'text/html' }), 406, 'NotAcceptableException'],
      [
        'a document GS1 schema refuses',
        () =>
          f.http.post(
            '/epcis/capture',
            { type: 'EPCISDocument' },
            { token: growerCaptureKey.token, headers: { 'content-type': 'application/ld+json' } },
          ),
        400,
        'ValidationException',
      ],
      [
        'a body type capture does not read',
        () => f.http.post('/epcis/capture', 'a,b', { token: growerCaptureKey.token, headers: { 'content-type': 'text/csv' } }),
        415,
        'UnsupportedMediaTypeException',
      ],
    ])('answers %s with an RFC 7807 problem of GS1 type (%#)', async (_, send, status, exception) => {
      const response = await send();
      expect([response.status, response.headers.get('content-type'), response.body.type]).toEqual([
        status,
        'application/problem+json; charset=utf-8',
        `epcisException:${exception}`,
      ]);
      expectApiError(response, status, response.body.code);
    });

    it('keeps the one error shape (application/json) everywhere else in the API', async () => {
      const response = await f.http.get('/api/batches/00000000-0000-4000-8000-000000000000', { token: growerKey.token });
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.body.type).toBeUndefined();
    });

    it('answers a client that takes JSON among others, or whose version range holds 2.0.0', async () => {
      for (const headers of <Record<string, string>[]>[
        { accept: 'application/xml, application/json;q=0.5' },
        { accept: '*/*' },
        { 'gs1-epcis-min': '2.0', 'gs1-epcis-max': '2.1', 'gs1-cbv-max': '2.0.0' },
      ]) {
        expect((await query('/epcis/events?perPage=1', growerKey, headers)).status).toBe(200);
      }
    });

    it('answers application/ld+json to a client that asks for it, application/json otherwise', async () => {
      const asked = await f.http.get('/epcis/events?perPage=1', { token: growerKey.token, headers: { accept: 'application/ld+json' } });
      expect([asked.status, asked.headers.get('content-type')]).toEqual([200, 'application/ld+json; charset=utf-8']);
      expect(asked.body).toMatchObject({ type: 'EPCISQueryDocument' });
      const plain = await f.http.get('/epcis/eventTypes', { token: growerKey.token });
      expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
    });

    it('sends the binding headers', async () => {
      const response = await query('/epcis/events?perPage=1');
      expect(
        Object.fromEntries(
          ['gs1-epcis-version', 'gs1-epcis-min', 'gs1-epcis-max', 'gs1-cbv-version', 'gs1-cbv-min', 'gs1-cbv-max', 'gs1-epc-format'].map(
            (h) => [h, response.headers.get(h)],
          ),
        ),
      ).toEqual({
        'gs1-epcis-version': '2.0.0',
        'gs1-epcis-min': '2.0.0',
        'gs1-epcis-max': '2.0.0',
        'gs1-cbv-version': '2.0.0',
        'gs1-cbv-min': '2.0.0',
        'gs1-cbv-max': '2.0.0',
        'gs1-epc-format': 'Always_GS1_Digital_Link',
      });
    });
  });

  describe('GS1-EPC-Format', () => {
    const pallet = async (format?: string) => {
      const response = await query(
        `/epcis/events?EQ_eventID=${encodeURIComponent(E.E9!)}`,
        growerKey,
        format ? { 'GS1-EPC-Format': format } : undefined,
      );
      const [event] = expectQueryDocument(response);
      return { event: event!, header: response.headers.get('gs1-epc-format') };
    };

    it('writes EPCs as canonical Digital Links by default and with Always_GS1_Digital_Link', async () => {
      for (const format of [undefined, 'Always_GS1_Digital_Link']) {
        const { event, header } = await pallet(format);
        expect(header).toBe('Always_GS1_Digital_Link');
        expect(event).toMatchObject({
          parentID: `https://id.gs1.org/00/${SSCC18}`,
          childEPCs: [`https://id.gs1.org/01/${POMELO_GTIN14}/21/S1`],
        });
      }
    });

    it('keeps EPCs as captured with Never_Translates', async () => {
      const { event, header } = await pallet('Never_Translates');
      expect(header).toBe('Never_Translates');
      expect(event).toMatchObject({ parentID: SSCC_URN, childEPCs: [sgtinUrn('S1')] });
      const [sold] = expectQueryDocument(
        await query(`/epcis/events?EQ_eventID=${encodeURIComponent(E.E10!)}&EXISTS_errorDeclaration=false`, growerKey, {
          'GS1-EPC-Format': 'Never_Translates',
        }),
      );
      expect(sold!.epcList).toEqual([`https://shop.example.com/01/${POMELO_GTIN14}/21/S2`]);
    });

    it('writes EPC URNs with Always_EPC_URN, using the company prefix of the business that owns the GTIN', async () => {
      const urns = async (parameters: string) =>
        expectQueryDocument(await query(`/epcis/events?${parameters}`, growerKey, { 'GS1-EPC-Format': 'Always_EPC_URN' }));
      const [sold] = await urns(`EQ_eventID=${encodeURIComponent(E.E10!)}`);
      expect(sold!.epcList).toEqual([sgtinUrn('S2')]);
      const [processing] = await urns(`eventType=TransformationEvent`);
      expect(processing).toMatchObject({
        inputQuantityList: [{ epcClass: lgtinUrn(batchB.lotCode), quantity: 500, uom: 'KGM' }],
        outputQuantityList: [{ epcClass: `urn:epc:class:lgtin:${PREFIX}.000002.${batchC.lotCode}`, quantity: 200, uom: 'LTR' }],
      });
      // The pallet's SSCC was captured as a URN and stays one.
      const [palletEvent] = await urns(`EQ_eventID=${encodeURIComponent(E.E9!)}`);
      expect(palletEvent).toMatchObject({ parentID: SSCC_URN, childEPCs: [sgtinUrn('S1')] });
    });

    it('leaves a Digital Link as it is when its GTIN has no company prefix (a GTIN-8, owned whole)', async () => {
      const other = await createProducer(f, admin, { product: { gtin: `9638507${gs1CheckDigit('9638507')}` } });
      const batch = await createBatch(f, other.owner, other.product.id);
      const response = await query(`/api/batches/${batch.id}/epcis`, other.owner, { 'GS1-EPC-Format': 'Always_EPC_URN' });
      expect(response.status).toBe(200);
      const [event] = (response.body as unknown as { epcisBody: { eventList: Array<{ quantityList: Array<{ epcClass: string }> }> } })
        .epcisBody.eventList;
      expect(event!.quantityList[0]!.epcClass).toBe(classLink(other.product.gtin!, batch.lotCode));
    });

    it('refuses an unknown format with 400, naming the header', async () => {
      expectApiError(await query('/epcis/events', growerKey, { 'GS1-EPC-Format': 'Always_Barcodes' }), 400, 'VALIDATION_FAILED', [
        'GS1-EPC-Format',
      ]);
    });
  });

  describe('who sees what', () => {
    it('needs a credential with the read scope', async () => {
      expectApiError(await f.http.get('/epcis/events'), 401, 'UNAUTHENTICATED');
      const captureOnly = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['capture'] });
      expectApiError(await query('/epcis/events', captureOnly), 403, 'INSUFFICIENT_SCOPE');
    });

    it("shows the grower's owner the same as its read key", async () => {
      expect(await found('', grower.owner)).toEqual(await found('', growerKey));
    });

    it('shows another business none of them, however it asks', async () => {
      expect(await found('', outsider.owner)).toEqual([]);
      expect(await found(`MATCH_epcClass=${encodeURIComponent(lgtinUrn(batchA.lotCode))}`, outsider.owner)).toEqual([]);
      expect(await found(`EQ_eventID=${encodeURIComponent(E.E10!)}`, outsider.owner)).toEqual([]);
    });

    it("shows the business a batch was shipped to, once it recorded on it, that batch's whole history (as GET /api/batches/{id}/events does)", async () => {
      expect(await found('', distributor.owner)).toEqual(keys('E1', 'E2', 'E3', 'E4', 'E5'));
    });

    it('shows an inspector and an administrator every event', async () => {
      for (const reader of [inspector, admin]) {
        const all = await found('', reader);
        expect(all).toEqual(expect.arrayContaining(keys('E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10', 'E11')));
        expect(await found(`MATCH_epcClass=${encodeURIComponent(lgtinUrn(batchA.lotCode))}`, reader)).toEqual(
          keys('E1', 'E2', 'E3', 'E4', 'E5'),
        );
      }
    });

    it('shows a signed-in user without a business nothing', async () => {
      expect(await found('', await createUser(f))).toEqual([]);
    });
  });

  describe('paging', () => {
    let pager: Producer;
    let batch: BatchView;
    let all: string[];

    beforeAll(async () => {
      pager = await createProducer(f, admin);
      batch = await createBatch(f, pager.owner, pager.product.id, { eventTime: '2026-09-01T07:00:00+07:00' });
      // 24 more events on five event times, so many share one and only the id orders them.
      for (let i = 0; i < 24; i++) {
        const stage = (['harvesting', 'packing', 'storing'] as const)[i % 3]!;
        await recordStage(f, pager.owner, batch.id, { stage, note: `lần ${i}`, eventTime: `2026-09-0${2 + (i % 5)}T07:00:00+07:00` });
      }
      all = await found(`MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}`, inspector);
      expect(all).toHaveLength(25);
    });

    /** Follows the Link headers from the first page; gives the pages' eventIDs and links. */
    async function walk(parameters: string, credential: Credential = inspector): Promise<{ pages: string[][]; links: string[] }> {
      const pages: string[][] = [];
      const links: string[] = [];
      let path: string | null = `/epcis/events?${parameters}`;
      while (path && pages.length < 10) {
        const response = await query(path, credential);
        pages.push(expectQueryDocument(response).map(keyOf));
        const link = response.headers.get('link');
        if (link) links.push(link);
        const next = link ? /^<([^>]+)>; rel="next"$/.exec(link) : null;
        path = next ? pathOf(next[1]!) : null;
      }
      return { pages, links };
    }

    it.each([
      ['in recording order', ''],
      ['by eventTime ascending', '&orderBy=eventTime&orderDirection=ASC'],
      ['by eventTime descending', '&orderBy=eventTime&orderDirection=DESC'],
      ['by recordTime descending', '&orderBy=recordTime'],
    ])('pages through 25 events 10 at a time %s, without duplicates or gaps', async (_, order) => {
      const { pages, links } = await walk(
        `MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}&perPage=10${order}`,
      );
      expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
      expect(links).toHaveLength(2);
      for (const link of links) expect(link).toMatch(/^<http:\/\/nguon\.test\/epcis\/events\?.*nextPageToken=[^&>]+.*>; rel="next"$/);
      const seen = pages.flat();
      expect(new Set(seen).size).toBe(25);
      expect([...seen].sort()).toEqual(all);
    });

    it('keeps the order across pages', async () => {
      const { pages } = await walk(
        `MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}&perPage=7&orderBy=eventTime&orderDirection=ASC`,
      );
      const whole = expectQueryDocument(
        await query(
          `/epcis/events?MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}&perPage=100&orderBy=eventTime&orderDirection=ASC`,
          inspector,
        ),
      ).map(keyOf);
      expect(pages.flat()).toEqual(whole);
    });

    it('sends no Link on the last page, and 30 events per page by default', async () => {
      const response = await query(
        `/epcis/events?MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}`,
        inspector,
      );
      expect(expectQueryDocument(response)).toHaveLength(25);
      expect(response.headers.get('link')).toBeNull();
      const many = await query('/epcis/events?perPage=5000', inspector);
      expect(expectQueryDocument(many).length).toBeGreaterThan(25);
    });

    it('refuses a garbled, forged or borrowed nextPageToken with 400, naming it', async () => {
      const first = await query(
        `/epcis/events?MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}&perPage=10`,
        inspector,
      );
      const next = new URL(/^<([^>]+)>/.exec(first.headers.get('link')!)![1]!);
      const token = next.searchParams.get('nextPageToken')!;
      const [body, signature] = token.split('.');
      const forgedBody = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), i: randomUUID() }),
      ).toString('base64url');
      for (const bad of ['garbage', `${token}x`, `${forgedBody}.${signature}`, `${body}.${signature}.${signature}`]) {
        expectApiError(
          await query(
            `/epcis/events?MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}&perPage=10&nextPageToken=${encodeURIComponent(bad)}`,
            inspector,
          ),
          400,
          'VALIDATION_FAILED',
          ['nextPageToken'],
        );
      }
      // A token belongs to the query it was given for.
      expectApiError(
        await query(`/epcis/events?perPage=10&nextPageToken=${encodeURIComponent(token)}`, inspector),
        400,
        'VALIDATION_FAILED',
        ['nextPageToken'],
      );
      // The same query with another page size is fine.
      const again = await query(
        `/epcis/events?MATCH_epcClass=${encodeURIComponent(classLink(pager.product.gtin!, batch.lotCode))}&perPage=20&nextPageToken=${encodeURIComponent(token)}`,
        inspector,
      );
      expect(expectQueryDocument(again)).toHaveLength(15);
    });
  });

  describe('page tokens: their expiry, and DELETE /epcis/nextPageToken/{token}', () => {
    const firstPage = async () => {
      const response = await query('/epcis/events?perPage=2', inspector);
      const next = new URL(/^<([^>]+)>/.exec(response.headers.get('link')!)![1]!);
      return { response, token: next.searchParams.get('nextPageToken')!, path: pathOf(next.toString()) };
    };

    it('says until when the next page may be read: a day', async () => {
      const { response } = await firstPage();
      const expires = Date.parse(response.headers.get('gs1-next-page-token-expires') ?? '');
      expect(expires - Date.now()).toBeGreaterThan(23.9 * 3600_000);
      expect(expires - Date.now()).toBeLessThanOrEqual(24 * 3600_000 + 1000);
    });

    it('deletes a token: the next page cannot be read with it any more; other tokens still work', async () => {
      const deleted = await firstPage();
      const kept = await firstPage();
      const answer = await f.http.request('DELETE', `/epcis/nextPageToken/${encodeURIComponent(deleted.token)}`, {
        token: inspector.token,
      });
      expect([answer.status, answer.body]).toEqual([204, '']);
      const refused = expectApiError(await query(deleted.path, inspector), 400, 'VALIDATION_FAILED', ['nextPageToken']);
      expect(JSON.stringify(refused)).toContain('deleted');
      expectQueryDocument(await query(kept.path, inspector));
      // Deleting it again changes nothing; a token this service never gave out is refused.
      expect(
        (await f.http.request('DELETE', `/epcis/nextPageToken/${encodeURIComponent(deleted.token)}`, { token: inspector.token })).status,
      ).toBe(204);
      expectApiError(await f.http.request('DELETE', '/epcis/nextPageToken/garbage', { token: inspector.token }), 400, 'VALIDATION_FAILED', [
        'nextPageToken',
      ]);
      expectApiError(await f.http.request('DELETE', `/epcis/nextPageToken/${encodeURIComponent(kept.token)}`), 401, 'UNAUTHENTICATED');
    });

    it('refuses an expired token, though its signature is right', async () => {
      const { token, path } = await firstPage();
      const [body] = token.split('.');
      const expired = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), x: Math.floor(Date.now() / 1000) - 1 }),
      ).toString('base64url');
      // Signed as the portal signs (HMAC-SHA256 under a key derived from AUTH_SECRET), with the test app's secret.
      const key = createHmac('sha256', 'test-secret-that-is-long-enough-for-hmac-signing').update('epcis-next-page-token').digest();
      const signed = `${expired}.${createHmac('sha256', key).update(expired).digest('base64url').slice(0, 22)}`;
      const refused = expectApiError(
        await query(path.replace(encodeURIComponent(token), encodeURIComponent(signed)), inspector),
        400,
        'VALIDATION_FAILED',
        ['nextPageToken'],
      );
      expect(JSON.stringify(refused)).toContain('expired');
    });
  });

  describe('GET /epcis/events/{eventID}', () => {
    const byId = (eventId: string, credential: Credential = growerKey) => query(`/epcis/events/${encodeURIComponent(eventId)}`, credential);

    it('gives the event as an EPCISQueryDocument', async () => {
      const events = expectQueryDocument(await byId(E.E4!));
      expect(events.map(keyOf)).toEqual([E.E4]);
      expect(events[0]).toEqual({ ...recorded.E4!.epcis, recordTime: recorded.E4!.recordTime });
    });

    it('gives both the event and its error declaration', async () => {
      expect(expectQueryDocument(await byId(E.E10!)).map(keyOf)).toEqual([E.E10, declaration(E.E10!)]);
    });

    it('answers an unknown eventID, or one the caller may not read, with 404 EVENT_NOT_FOUND', async () => {
      expectApiError(
        await byId('ni:///sha-256;0000000000000000000000000000000000000000000000000000000000000000?ver=CBV2.0'),
        404,
        'EVENT_NOT_FOUND',
      );
      expectApiError(await byId(E.E4!, outsider.owner), 404, 'EVENT_NOT_FOUND');
      expect(expectQueryDocument(await byId(E.E4!, inspector))).toHaveLength(1);
      expectApiError(await f.http.get(`/epcis/events/${encodeURIComponent(E.E4!)}`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('discovery', () => {
    const list = async (path: string, credential: Credential = growerKey) => {
      const response = await f.http.get<{ '@context': unknown; type: string; member: string[] }>(path, { token: credential.token });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ '@context': expect.anything(), type: 'Collection' });
      expect(response.headers.get('gs1-epcis-version')).toBe('2.0.0');
      return response;
    };

    it('lists the event types, bizSteps, dispositions, read points and business locations of the events the caller may read', async () => {
      const location = `urn:nguon:location:${grower.location.id}`;
      expect((await list('/epcis/eventTypes')).body.member).toEqual(['AggregationEvent', 'ObjectEvent', 'TransformationEvent']);
      expect((await list('/epcis/bizSteps')).body.member).toEqual([
        'commissioning',
        'https://id.nguon.vn/voc/bizstep/harvesting',
        'https://id.nguon.vn/voc/bizstep/processing',
        'inspecting',
        'packing',
        'receiving',
        'retail_selling',
        'shipping',
      ]);
      expect((await list('/epcis/dispositions')).body.member).toEqual([
        'active',
        'in_progress',
        'in_transit',
        'non_conformant',
        'retail_sold',
      ]);
      // The distributor's receipt (E5) says where the goods arrived: its own place.
      const received = `urn:nguon:location:${distributor.location.id}`;
      // The packing house was named by its SGLN URN and by its GLN's Digital Link: one place, listed once.
      expect((await list('/epcis/readPoints')).body.member).toEqual([`https://id.gs1.org/414/${GLN}`, location, received].sort());
      expect((await list('/epcis/bizLocations')).body.member).toEqual([`https://id.gs1.org/414/${GLN}`, location, received].sort());
      const paged = await list('/epcis/readPoints?perPage=2');
      const rest = await list(pathOf(/^<([^>]+)>/.exec(paged.headers.get('link')!)![1]!));
      expect([...paged.body.member, ...rest.body.member]).toEqual([`https://id.gs1.org/414/${GLN}`, location, received].sort());
      expect((await list('/epcis/eventTypes', outsider.owner)).body.member).toEqual([]);
    });

    it('pages a list with perPage and the Link header', async () => {
      const first = await list('/epcis/eventTypes?perPage=2');
      expect(first.body.member).toEqual(['AggregationEvent', 'ObjectEvent']);
      const link = /^<([^>]+)>; rel="next"$/.exec(first.headers.get('link') ?? '');
      expect(link).not.toBeNull();
      const second = await list(pathOf(link![1]!));
      expect(second.body.member).toEqual(['TransformationEvent']);
      expect(second.headers.get('link')).toBeNull();
      expectApiError(
        await f.http.get(`/epcis/bizSteps?nextPageToken=${encodeURIComponent(new URL(link![1]!).searchParams.get('nextPageToken')!)}`, {
          token: growerKey.token,
        }),
        400,
        'VALIDATION_FAILED',
        ['nextPageToken'],
      );
    });

    it('needs a credential', async () => {
      expectApiError(await f.http.get('/epcis/bizSteps'), 401, 'UNAUTHENTICATED');
    });

    it('describes the repository at GET /epcis and OPTIONS /epcis, to anyone', async () => {
      const top = await f.http.get('/epcis');
      expect(top.status).toBe(200);
      expect(top.body).toMatchObject({
        type: 'Collection',
        member: expect.arrayContaining(['events', 'eventTypes', 'bizSteps', 'dispositions', 'readPoints', 'bizLocations']),
      });
      expect(top.headers.get('gs1-epcis-version')).toBe('2.0.0');
      const options = await f.http.request('OPTIONS', '/epcis');
      expect(options.status).toBe(204);
      expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect({
        version: options.headers.get('gs1-epcis-version'),
        max: options.headers.get('gs1-epcis-max'),
        cbv: options.headers.get('gs1-cbv-version'),
      }).toEqual({ version: '2.0.0', max: '2.0.0', cbv: '2.0.0' });
      expect(options.headers.get('gs1-epc-format')).toContain('Always_EPC_URN');
    });
  });

  describe('the resources of one value: /epcis/{resource}/{value} and its events', () => {
    const atPath = async (path: string, credential: Credential = growerKey) =>
      expectQueryDocument(await query(path, credential))
        .map(keyOf)
        .sort();
    const value = (text: string) => encodeURIComponent(text);

    it('gives the events a value names, as the matching query parameter would', async () => {
      expect(await atPath('/epcis/eventTypes/TransformationEvent/events')).toEqual(keys('E8'));
      expect(await atPath(`/epcis/bizSteps/${value('urn:epcglobal:cbv:bizstep:shipping')}/events`)).toEqual(keys('E4'));
      expect(await atPath('/epcis/dispositions/non_conformant/events')).toEqual(keys('E3'));
      expect(await atPath(`/epcis/readPoints/${value(SGLN_URN)}/events`)).toEqual(keys('E9', 'E10', 'E11'));
      expect(await atPath(`/epcis/bizLocations/${value(`urn:nguon:location:${grower.location.id}`)}/events`)).toEqual(keys('E1', 'E2'));
      // An EPC, or a class, anywhere in the event: the batch's lot as its QR code holds it, a serial, the pallet.
      expect(await atPath(`/epcis/epcs/${value(batchA.identityUrl)}/events`)).toEqual(keys('E1', 'E2', 'E3', 'E4', 'E5'));
      expect(await atPath(`/epcis/epcs/${value(sgtinUrn('S2'))}/events`)).toEqual(keys('E10', 'E11'));
      expect(await atPath(`/epcis/epcs/${value(SSCC_URN)}/events`)).toEqual(keys('E9'));
    });

    it('applies the query parameters too, and pages at its own path', async () => {
      expect(await atPath('/epcis/bizSteps/commissioning/events?EQ_action=ADD&eventType=ObjectEvent')).toEqual(keys('E1', 'E6', 'E7'));
      expect(await atPath('/epcis/bizSteps/commissioning/events?EQ_bizStep=shipping')).toEqual([]);
      const first = await query('/epcis/bizSteps/commissioning/events?perPage=2');
      const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get('link') ?? '')?.[1];
      expect(new URL(next!).pathname).toBe('/epcis/bizSteps/commissioning/events');
      const rest = expectQueryDocument(await query(pathOf(next!)));
      expect([...expectQueryDocument(first), ...rest].map(keyOf).sort()).toEqual(keys('E1', 'E6', 'E7'));
    });

    it('lists a value that events name, with its events sub-resource; anything else is 404', async () => {
      const shipping = await query('/epcis/bizSteps/shipping');
      expect([shipping.status, shipping.body]).toEqual([200, expect.objectContaining({ type: 'Collection', member: ['events'] })]);
      expect((await query(`/epcis/epcs/${value(lgtinUrn(batchB.lotCode))}`)).status).toBe(200);
      expectApiError(await query('/epcis/bizSteps/destroying'), 404, 'NOT_FOUND');
      expectApiError(await query('/epcis/bizSteps/shipping', outsider.owner), 404, 'NOT_FOUND');
      expectApiError(await query('/epcis/colours/red/events'), 404, 'NOT_FOUND');
    });

    it('lists the EPCs and classes of the events the caller may read, once each, in canonical form', async () => {
      const response = await f.http.get<{ member: string[] }>('/epcis/epcs?perPage=1000', { token: growerKey.token });
      expect(response.status).toBe(200);
      const members = response.body.member;
      expect(members).toEqual(expect.arrayContaining([classLink(POMELO_GTIN14, batchA.lotCode), `https://id.gs1.org/00/${SSCC18}`]));
      expect(new Set(members).size).toBe(members.length);
      expect((await f.http.get<{ member: string[] }>('/epcis/epcs', { token: outsider.owner.token })).body.member).toEqual([]);
    });

    it('reads a hashed eventID in the path, longer than a hundred characters once encoded', async () => {
      const event = { ...recorded.E9!.epcis } as Record<string, unknown>;
      const hashed = eventHashId({ ...event, eventID: undefined, eventTime: '2026-10-20T08:00:00+07:00' }, undefined);
      await capture({ ...event, eventID: hashed, eventTime: '2026-10-20T08:00:00+07:00' });
      expect(encodeURIComponent(hashed).length).toBeGreaterThan(100);
      expect(expectQueryDocument(await query(`/epcis/events/${encodeURIComponent(hashed)}`)).map(keyOf)).toEqual([hashed]);
    });

    it('answers OPTIONS on every path with the methods it takes and the binding headers', async () => {
      const allow = async (path: string) => {
        const response = await f.http.request('OPTIONS', path);
        expect([path, response.status, response.headers.get('gs1-epcis-version')]).toEqual([path, 204, '2.0.0']);
        return response.headers.get('allow');
      };
      expect(await allow('/epcis/events')).toBe('GET, HEAD, POST, OPTIONS');
      expect(await allow('/epcis/capture')).toBe('GET, HEAD, POST, OPTIONS');
      expect(await allow(`/epcis/events/${encodeURIComponent(E.E4!)}`)).toBe('GET, HEAD, OPTIONS');
      expect(await allow('/epcis/bizSteps')).toBe('GET, HEAD, OPTIONS');
      expect(await allow('/epcis/bizSteps/shipping/events')).toBe('GET, HEAD, OPTIONS');
      expect(await allow('/epcis/nextPageToken/x')).toBe('DELETE, OPTIONS');
      expect(await allow(`/epcis/epcs/${value(SSCC_URN)}`)).toBe('GET, HEAD, OPTIONS');
      expect(await allow('/epcis/queries')).toBe('GET, HEAD, POST, OPTIONS');
      expect(await allow('/epcis/queries/mine')).toBe('GET, HEAD, DELETE, OPTIONS');
      expect(await allow('/epcis/queries/mine/events')).toBe('GET, HEAD, OPTIONS');
      expect(await allow('/epcis/queries/mine/subscriptions')).toBe('GET, HEAD, POST, OPTIONS');
      expect(await allow(`/epcis/queries/mine/subscriptions/${randomUUID()}`)).toBe('GET, HEAD, DELETE, OPTIONS');
      expectApiError(await f.http.request('OPTIONS', '/epcis/colours'), 404, 'NOT_FOUND');
    });
  });

  describe('the 47 public GS1 example documents', () => {
    let keeper: Producer;
    let key: Credential;

    beforeAll(async () => {
      keeper = await createProducer(f, admin, { business: { gs1Prefixes: [makeCompanyPrefix(), ...GS1_EXAMPLE_PREFIXES] } });
      key = await createApiKey(f, keeper.owner, keeper.business.id, { scopes: ['capture', 'read'] });
      for (const name of exampleNames) {
        const response = await captureAndWait(f.http, example(name), {
          token: key.token,
          headers: { 'content-type': 'application/ld+json' },
        });
        expect({ name, status: response.status, success: response.body.success }).toEqual({ name, status: 202, success: true });
      }
    });

    it.each(exampleNames)(
      'finds each event of %s by its eventID and by its first identifier as written, in valid documents',
      async (name) => {
        const { events, context } = epcisDocumentEvents(example(name));
        for (const event of events) {
          const eventId = typeof event.eventID === 'string' ? event.eventID : eventHashId(event, context);
          const asCaptured = { 'GS1-EPC-Format': 'Never_Translates' };
          const byId = expectQueryDocument(await query(`/epcis/events?EQ_eventID=${encodeURIComponent(eventId)}`, key, asCaptured));
          const stored = byId.find((e) => Boolean(e.errorDeclaration) === (event.errorDeclaration !== undefined));
          expect({ name, eventId, found: Boolean(stored) }).toEqual({ name, eventId, found: true });
          expectQueryDocument(await query(`/epcis/events/${encodeURIComponent(eventId)}`, key));
          // A few examples reuse an eventID for another event: capture kept the first one.
          const { recordTime: _, ...content } = stored!;
          const identifier = firstIdentifier(event);
          if (!identifier || JSON.stringify(canonical(content)) !== JSON.stringify(canonical({ eventID: eventId, ...event }))) continue;
          const [parameter, value] = identifier;
          const byIdentifier = expectQueryDocument(
            await query(
              `/epcis/events?perPage=1000&${parameter}=${encodeURIComponent(value)}&EQ_eventID=${encodeURIComponent(eventId)}`,
              key,
              asCaptured,
            ),
          );
          expect({ name, eventId, parameter, value, found: byIdentifier.some((e) => e.eventID === eventId) }).toEqual({
            name,
            eventId,
            parameter,
            value,
            found: true,
          });
        }
      },
    );

    /** The examples' events as captured (an eventID or key seen before is the one kept), by their key in results. */
    const capturedEvents = () => {
      const kept = new Map<string, Record<string, any>>();
      for (const name of exampleNames) {
        const { events, context } = epcisDocumentEvents(example(name));
        for (const event of events) {
          const eventID = typeof event.eventID === 'string' ? event.eventID : eventHashId(event, context);
          const key = keyOf({ ...event, eventID });
          if (!kept.has(key)) kept.set(key, { ...event, eventID });
        }
      }
      return kept;
    };
    /** The keys of the captured example events that satisfy `test`, sorted: what a query must answer. */
    const expectedKeys = (test: (event: Record<string, any>) => boolean) =>
      [...capturedEvents().entries()]
        .filter(([, event]) => test(event))
        .map(([key]) => key)
        .sort();
    const keeperFinds = async (parameters: string) =>
      expectQueryDocument(await query(`/epcis/events?perPage=1000&${parameters}`, key, { 'GS1-EPC-Format': 'Never_Translates' }))
        .map(keyOf)
        .sort();
    const word = (value: unknown) => String(value).replace(/^(urn:epcglobal:cbv:[a-z]+:|https:\/\/ref\.gs1\.org\/cbv\/[A-Za-z]+-)/, '');

    it.each([
      ['bizTransaction', 'bizTransactionList'],
      ['source', 'sourceList'],
      ['destination', 'destinationList'],
    ] as const)('selects by EQ_%s_{type}, each type and value the examples name', async (kind, list) => {
      const pairs = new Map<string, [string, string]>();
      for (const event of capturedEvents().values())
        // An entry without a type is named by no typed parameter.
        for (const entry of (event[list] ?? []).filter((e: any) => e.type !== undefined))
          pairs.set(`${word(entry.type)} ${entry[kind]}`, [word(entry.type), entry[kind]]);
      expect(pairs.size).toBeGreaterThan(2);
      for (const [type, value] of pairs.values()) {
        const expected = expectedKeys((event) => (event[list] ?? []).some((e: any) => word(e.type) === type && e[kind] === value));
        expect({ type, value, found: await keeperFinds(`EQ_${kind}_${encodeURIComponent(type)}=${encodeURIComponent(value)}`) }).toEqual({
          type,
          value,
          found: expected,
        });
      }
      // The type in its URN form selects the same.
      const [type, value] = [...pairs.values()][0]!;
      const vocabulary = kind === 'bizTransaction' ? 'btt' : 'sdt';
      expect(
        await keeperFinds(`EQ_${kind}_${encodeURIComponent(`urn:epcglobal:cbv:${vocabulary}:${type}`)}=${encodeURIComponent(value)}`),
      ).toEqual(await keeperFinds(`EQ_${kind}_${encodeURIComponent(type)}=${encodeURIComponent(value)}`));
    });

    it('selects by EQ_transformationID and by EQ_persistentDisposition_set and _unset', async () => {
      const transformations = expectedKeys((event) => typeof event.transformationID === 'string');
      expect(transformations.length).toBeGreaterThan(0);
      const ids = [...new Set([...capturedEvents().values()].flatMap((event) => (event.transformationID ? [event.transformationID] : [])))];
      expect(await keeperFinds(`EQ_transformationID=${ids.map(encodeURIComponent).join('|')}`)).toEqual(transformations);
      for (const key of ['set', 'unset'] as const) {
        const values = [
          ...new Set([...capturedEvents().values()].flatMap((event) => (event.persistentDisposition?.[key] ?? []).map(word))),
        ];
        expect(values.length).toBeGreaterThan(0);
        for (const value of values) {
          const expected = expectedKeys((event) => (event.persistentDisposition?.[key] ?? []).map(word).includes(value));
          expect({ key, value, found: await keeperFinds(`EQ_persistentDisposition_${key}=${value}`) }).toEqual({
            key,
            value,
            found: expected,
          });
        }
      }
    });

    it('selects error declarations by EQ_errorReason, EQ_correctiveEventID and their declaration time', async () => {
      const declarations = [...capturedEvents().values()].filter((event) => event.errorDeclaration);
      expect(await keeperFinds('EQ_errorReason=incorrect_data')).toEqual(
        expectedKeys((event) => word(event.errorDeclaration?.reason) === 'incorrect_data'),
      );
      expect(await keeperFinds(`EQ_errorReason=${encodeURIComponent('urn:epcglobal:cbv:er:incorrect_data')}`)).toEqual(
        await keeperFinds('EQ_errorReason=incorrect_data'),
      );
      const corrective = declarations.flatMap((event) => event.errorDeclaration.correctiveEventIDs ?? [])[0]!;
      expect(await keeperFinds(`EQ_correctiveEventID=${encodeURIComponent(corrective)}`)).toEqual(
        expectedKeys((event) => (event.errorDeclaration?.correctiveEventIDs ?? []).includes(corrective)),
      );
      const times = declarations.map((event) => Date.parse(event.errorDeclaration.declarationTime)).sort((a, b) => a - b);
      const middle = new Date(times[Math.floor(times.length / 2)]!).toISOString();
      expect(await keeperFinds(`GE_errorDeclarationTime=${middle}`)).toEqual(
        expectedKeys((event) => event.errorDeclaration && Date.parse(event.errorDeclaration.declarationTime) >= Date.parse(middle)),
      );
      expect(await keeperFinds(`LT_errorDeclarationTime=${middle}`)).toEqual(
        expectedKeys((event) => event.errorDeclaration && Date.parse(event.errorDeclaration.declarationTime) < Date.parse(middle)),
      );
      // As GS1's query schema spells them.
      expect(await keeperFinds(`GE_errorDeclaration_Time=${middle}`)).toEqual(await keeperFinds(`GE_errorDeclarationTime=${middle}`));
      expect(await keeperFinds(`LT_errorDeclaration_Time=${middle}`)).toEqual(await keeperFinds(`LT_errorDeclarationTime=${middle}`));
    });

    it('matches every item of a company with an EPC ID pattern of its prefix alone (urn:epc:idpat:sgtin:0614141.*.*)', async () => {
      const ofCompany = (epc: unknown) => /^https:\/\/id\.gs1\.org\/01\/\d0614141/.test(normalizeIdentifier(String(epc)));
      const expected = expectedKeys((event) => [...(event.epcList ?? []), ...(event.childEPCs ?? [])].some(ofCompany));
      expect(expected.length).toBeGreaterThan(3);
      expect(await keeperFinds(`MATCH_epc=${encodeURIComponent('urn:epc:idpat:sgtin:0614141.*.*')}`)).toEqual(expected);
    });

    it('stops after eventCountLimit events across the pages, and refuses a query matching more than maxEventCount (413)', async () => {
      const first = await query('/epcis/events?eventCountLimit=3&perPage=2', key);
      expect(expectQueryDocument(first)).toHaveLength(2);
      const next = pathOf(/^<([^>]+)>/.exec(first.headers.get('link')!)![1]!);
      const second = await query(next, key);
      expect(expectQueryDocument(second)).toHaveLength(1);
      expect(second.headers.get('link')).toBeNull();
      const tooLarge = await query('/epcis/events?maxEventCount=5', key);
      expect([tooLarge.status, tooLarge.body.type]).toEqual([413, 'epcisException:QueryTooLargeException']);
      expectApiError(tooLarge, 413, 'QUERY_TOO_LARGE');
      expect(expectQueryDocument(await query('/epcis/events?maxEventCount=100000&perPage=5', key))).toHaveLength(5);
      expectApiError(await query('/epcis/events?maxEventCount=5&eventCountLimit=3', key), 400, 'VALIDATION_FAILED', ['eventCountLimit']);
    });

    it('refuses a typed parameter without a value, naming it', async () => {
      expectApiError(await query('/epcis/events?EQ_bizTransaction_po=', key), 400, 'VALIDATION_FAILED', ['EQ_bizTransaction_po']);
    });

    /** Every quantity element of an event, whatever its list. */
    const quantitiesOf = (event: Record<string, any>): Record<string, any>[] =>
      ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'].flatMap((list) => event[list] ?? []);
    const sensorReportsOf = (event: Record<string, any>): Record<string, any>[] =>
      (event.sensorElementList ?? []).flatMap((element: any) => element.sensorReport ?? []);
    const sensorMetadataOf = (event: Record<string, any>): Record<string, any>[] =>
      (event.sensorElementList ?? []).flatMap((element: any) => (element.sensorMetadata ? [element.sensorMetadata] : []));
    /** The objects nested inside an object's fields, at any depth (what INNER_ looks in). */
    const nestedObjects = (value: unknown): Record<string, any>[] => {
      const below = (v: unknown): Record<string, any>[] =>
        Array.isArray(v)
          ? v.flatMap(below)
          : v && typeof v === 'object'
            ? [v as Record<string, any>, ...Object.values(v).flatMap(below)]
            : [];
      return value && typeof value === 'object' ? Object.values(value).flatMap(below) : [];
    };
    const measured = (type: unknown) => String(type).replace(/^(gs1:|https:\/\/gs1\.org\/voc\/)/, '');

    it('selects by quantity, alone and in a unit (EQ_, GT_, GE_, LT_, LE_quantity and _quantity_{uom})', async () => {
      const elements = [...capturedEvents().values()].flatMap(quantitiesOf).filter((q) => typeof q.quantity === 'number');
      const { quantity, uom } = elements.find((q) => q.uom)!;
      const cases: [string, (q: any) => boolean][] = [
        [`EQ_quantity=${quantity}`, (q) => q.quantity === quantity],
        [`GT_quantity=${quantity}`, (q) => q.quantity > quantity],
        [`GE_quantity=${quantity}`, (q) => q.quantity >= quantity],
        [`LT_quantity=${quantity}`, (q) => q.quantity < quantity],
        [`LE_quantity=${quantity}`, (q) => q.quantity <= quantity],
        [`GE_quantity_${uom}=${quantity}`, (q) => q.uom === uom && q.quantity >= quantity],
        [`EQ_quantity_${uom}=${quantity}`, (q) => q.uom === uom && q.quantity === quantity],
      ];
      for (const [parameters, test] of cases) {
        const expected = expectedKeys((event) => quantitiesOf(event).some((q) => typeof q.quantity === 'number' && test(q)));
        expect({ parameters, found: await keeperFinds(parameters) }).toEqual({ parameters, found: expected });
      }
      expect(expectedKeys((event) => quantitiesOf(event).some((q) => q.quantity >= quantity)).length).toBeGreaterThan(1);
      expectApiError(await query(`/epcis/events?GE_quantity_${uom}=many`, key), 400, 'VALIDATION_FAILED', [`GE_quantity_${uom}`]);
      expectApiError(await query('/epcis/events?GE_quantity=many', key), 400, 'VALIDATION_FAILED', ['GE_quantity']);
    });

    it('selects by sensor data: its presence, report type, device, values in a unit and times', async () => {
      const reports = [...capturedEvents().values()].flatMap(sensorReportsOf);
      const types = [...new Set(reports.map((r) => measured(r.type)).filter((t) => t !== 'undefined'))];
      expect(types.length).toBeGreaterThan(2);
      expect(await keeperFinds('EXISTS_sensorElementList')).toEqual(expectedKeys((event) => (event.sensorElementList ?? []).length > 0));
      for (const type of types) {
        const expected = expectedKeys((event) => sensorReportsOf(event).some((r) => measured(r.type) === type));
        // A CBV measurement type in its three forms; an extension type as it is.
        const forms = /^[A-Za-z]+$/.test(type) ? [type, `gs1:${type}`, `https://gs1.org/voc/${type}`] : [type];
        for (const form of forms) {
          expect({ form, found: await keeperFinds(`EQ_type=${encodeURIComponent(form)}`) }).toEqual({ form, found: expected });
        }
      }
      const { uom, value } = reports.find((r) => r.uom && typeof r.value === 'number')!;
      for (const [comparison, test] of [
        ['GE', (v: number) => v >= value],
        ['LT', (v: number) => v < value],
        ['EQ', (v: number) => v === value],
      ] as const) {
        const parameters = `${comparison}_value_${uom}=${value}`;
        const expected = expectedKeys((event) =>
          sensorReportsOf(event).some((r) => r.uom === uom && typeof r.value === 'number' && test(r.value)),
        );
        expect({ parameters, found: await keeperFinds(parameters) }).toEqual({ parameters, found: expected });
      }
      const device = [...capturedEvents().values()]
        .flatMap((event) => [...sensorMetadataOf(event), ...sensorReportsOf(event)])
        .find((x) => x.deviceID)!.deviceID as string;
      const byDevice = expectedKeys((event) => [...sensorMetadataOf(event), ...sensorReportsOf(event)].some((x) => x.deviceID === device));
      expect(await keeperFinds(`EQ_deviceID=${encodeURIComponent(device)}`)).toEqual(byDevice);
      const times = [...capturedEvents().values()]
        .flatMap((event) => [...sensorMetadataOf(event), ...sensorReportsOf(event)].map((x) => x.time))
        .filter(Boolean)
        .sort();
      const middle = new Date(times[Math.floor(times.length / 2)]).toISOString();
      const atOrAfter = expectedKeys((event) =>
        [...sensorMetadataOf(event), ...sensorReportsOf(event)].some((x) => x.time && new Date(x.time) >= new Date(middle)),
      );
      expect(atOrAfter.length).toBeGreaterThan(0);
      expect(await keeperFinds(`GE_time=${encodeURIComponent(middle)}`)).toEqual(atOrAfter);
      expect(await keeperFinds('EQ_booleanValue=true')).toEqual(
        expectedKeys((event) => sensorReportsOf(event).some((r) => r.booleanValue === true)),
      );
    });

    it('selects by extension fields: at the top, inside, in the ILMD, by any prefix bound to the same namespace', async () => {
      const events = [...capturedEvents().values()];
      const extension = (key: string) => /^[a-z][a-zA-Z0-9]*:\w+$/.test(key);
      const topFields = [...new Set(events.flatMap((event) => Object.keys(event).filter(extension)))];
      expect(topFields.length).toBeGreaterThan(0);
      for (const field of topFields) {
        const expected = expectedKeys((event) => field in event);
        expect({ field, found: await keeperFinds(`EXISTS_${field}`) }).toEqual({ field, found: expected });
        const text = events.map((event) => event[field]).find((value) => typeof value === 'string' || typeof value === 'number');
        if (text === undefined) continue;
        const equal = expectedKeys((event) => event[field] !== undefined && String(event[field]) === String(text));
        expect({ field, text, found: await keeperFinds(`EQ_${field}=${encodeURIComponent(String(text))}`) }).toEqual({
          field,
          text,
          found: equal,
        });
      }
      // Compared as numbers (a number, or a string that is one) and as times.
      const numeric = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) ? Number(v) : null);
      const timed = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(v) ? Date.parse(v) : null);
      const numberField = topFields.find((field) => events.some((event) => numeric(event[field]) !== null))!;
      const threshold = events.map((event) => numeric(event[numberField])).find((v) => v !== null)!;
      expect(await keeperFinds(`GE_${numberField}=${threshold}`)).toEqual(
        expectedKeys((event) => numeric(event[numberField]) !== null && numeric(event[numberField])! >= threshold),
      );
      const timeField = topFields.find((field) => events.some((event) => timed(event[field]) !== null))!;
      const moment = events.map((event) => event[timeField]).find((v) => timed(v) !== null) as string;
      expect(await keeperFinds(`LE_${timeField}=${encodeURIComponent(moment)}`)).toEqual(
        expectedKeys((event) => timed(event[timeField]) !== null && timed(event[timeField])! <= Date.parse(moment)),
      );
      const ilmdFields = [...new Set(events.flatMap((event) => Object.keys(event.ilmd ?? {}).filter(extension)))];
      expect(ilmdFields.length).toBeGreaterThan(0);
      for (const field of ilmdFields) {
        const expected = expectedKeys((event) => field in (event.ilmd ?? {}));
        expect({ field, found: await keeperFinds(`EXISTS_ILMD_${field}`) }).toEqual({ field, found: expected });
      }
      const innerFields = [...new Set(events.flatMap((event) => nestedObjects(event).flatMap((o) => Object.keys(o).filter(extension))))];
      const inner = innerFields[0]!;
      expect(await keeperFinds(`EXISTS_INNER_${inner}`)).toEqual(expectedKeys((event) => nestedObjects(event).some((o) => inner in o)));

      // The same field under another prefix, declared for the same namespace in GS1-Extensions.
      const [prefix, local] = topFields[0]!.split(':') as [string, string];
      const namespace = events
        .flatMap((event) => [event['@context']].flat())
        .concat(exampleNames.flatMap((name) => [example(name)['@context']].flat()))
        .find((c: any) => c && typeof c === 'object' && typeof c[prefix] === 'string')[prefix];
      const renamed = await query(`/epcis/events?perPage=1000&EXISTS_other:${local}`, key, { 'GS1-Extensions': `other=${namespace}` });
      expect(expectQueryDocument(renamed).map(keyOf).sort()).toEqual(await keeperFinds(`EXISTS_${prefix}:${local}`));
      // A page token holds the namespaces it was given for: with other ones, its next page is refused.
      const first = await query(`/epcis/events?perPage=1&EXISTS_other:${local}`, key, { 'GS1-Extensions': `other=${namespace}` });
      const next = pathOf(/^<([^>]+)>/.exec(first.headers.get('link')!)![1]!);
      expect((await query(next, key, { 'GS1-Extensions': `other=${namespace}` })).status).toBe(200);
      expectApiError(await query(next, key, { 'GS1-Extensions': 'other=https://elsewhere.example/' }), 400, 'VALIDATION_FAILED', [
        'nextPageToken',
      ]);
      expectApiError(await query(`/epcis/events?GT_${topFields[0]}=soon`, key), 400, 'VALIDATION_FAILED', [`GT_${topFields[0]}`]);
    });

    it.each([
      ['dataProcessingMethod', true],
      ['microorganism', false],
      ['chemicalSubstance', false],
      ['bizRules', true],
      ['stringValue', false],
      ['hexBinaryValue', false],
      ['uriValue', false],
    ] as const)('selects by EQ_%s, each value the examples give', async (attribute, inMetadata) => {
      const holders = (event: Record<string, any>) => [...(inMetadata ? sensorMetadataOf(event) : []), ...sensorReportsOf(event)];
      const values = [
        ...new Set(
          [...capturedEvents().values()].flatMap((event) =>
            holders(event)
              .map((x) => x[attribute])
              .filter(Boolean),
          ),
        ),
      ];
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        const expected = expectedKeys((event) => holders(event).some((x) => x[attribute] === value));
        expect({ value, found: await keeperFinds(`EQ_${attribute}=${encodeURIComponent(String(value))}`) }).toEqual({
          value,
          found: expected,
        });
      }
    });

    it('selects by the times of sensor data (GE_/LT_time, _startTime, _endTime) and its percentile rank', async () => {
      const events = [...capturedEvents().values()];
      for (const [attribute, holders] of [
        ['time', (event: Record<string, any>) => [...sensorMetadataOf(event), ...sensorReportsOf(event)]],
        ['startTime', sensorMetadataOf],
        ['endTime', sensorMetadataOf],
      ] as const) {
        const times = events
          .flatMap((event) =>
            holders(event)
              .map((x) => x[attribute])
              .filter(Boolean),
          )
          .sort();
        expect(times.length).toBeGreaterThan(0);
        const middle = new Date(times[Math.floor(times.length / 2)]).toISOString();
        for (const [comparison, test] of [
          ['GE', (t: number) => t >= Date.parse(middle)],
          ['LT', (t: number) => t < Date.parse(middle)],
        ] as const) {
          const parameters = `${comparison}_${attribute}=${encodeURIComponent(middle)}`;
          const expected = expectedKeys((event) => holders(event).some((x) => x[attribute] && test(Date.parse(x[attribute]))));
          expect({ parameters, found: await keeperFinds(parameters) }).toEqual({ parameters, found: expected });
        }
      }
      const ranks = events.flatMap((event) =>
        sensorReportsOf(event)
          .map((r) => r.percRank)
          .filter((r) => typeof r === 'number'),
      );
      expect(ranks.length).toBeGreaterThan(0);
      const rank = ranks[0]!;
      for (const [comparison, test] of [
        ['GT', (r: number) => r > rank],
        ['GE', (r: number) => r >= rank],
        ['LT', (r: number) => r < rank],
        ['LE', (r: number) => r <= rank],
      ] as const) {
        const parameters = `${comparison}_percRank=${rank}`;
        const expected = expectedKeys((event) => sensorReportsOf(event).some((r) => typeof r.percRank === 'number' && test(r.percRank)));
        expect({ parameters, found: await keeperFinds(parameters) }).toEqual({ parameters, found: expected });
      }
    });

    it.each(['minValue', 'maxValue', 'meanValue', 'sDev', 'percValue'])('selects by %s in a unit (GT_, GE_, LT_, LE_)', async (measure) => {
      const reports = [...capturedEvents().values()].flatMap(sensorReportsOf).filter((r) => r.uom && typeof r[measure] === 'number');
      expect(reports.length).toBeGreaterThan(0);
      const { uom, [measure]: value } = reports[0]!;
      for (const [comparison, test] of [
        ['GT', (v: number) => v > value],
        ['GE', (v: number) => v >= value],
        ['LT', (v: number) => v < value],
        ['LE', (v: number) => v <= value],
      ] as const) {
        const parameters = `${comparison}_${measure}_${uom}=${value}`;
        const expected = expectedKeys((event) =>
          sensorReportsOf(event).some((r) => r.uom === uom && typeof r[measure] === 'number' && test(r[measure])),
        );
        expect({ parameters, found: await keeperFinds(parameters) }).toEqual({ parameters, found: expected });
      }
    });

    it('selects by extension fields wherever they are: error declaration, sensor element, metadata and report, read point, business location', async () => {
      const extension = (key: string) => /^[a-z][a-zA-Z0-9]*:\w+$/.test(key);
      const scopes: [string, (event: Record<string, any>) => Record<string, any>[]][] = [
        ['ERROR_DECLARATION_', (event) => (event.errorDeclaration ? [event.errorDeclaration] : [])],
        ['SENSORELEMENT_', (event) => event.sensorElementList ?? []],
        ['SENSORMETADATA_', sensorMetadataOf],
        ['SENSORREPORT_', sensorReportsOf],
        ['readPoint_', (event) => (event.readPoint ? [event.readPoint] : [])],
        ['bizLocation_', (event) => (event.bizLocation ? [event.bizLocation] : [])],
      ];
      let tested = 0;
      for (const [scope, holders] of scopes) {
        const fields = [
          ...new Set([...capturedEvents().values()].flatMap((event) => holders(event).flatMap((h) => Object.keys(h).filter(extension)))),
        ];
        for (const field of fields) {
          const expected = expectedKeys((event) => holders(event).some((h) => field in h));
          expect({ scope, field, found: await keeperFinds(`EXISTS_${scope}${field}`) }).toEqual({ scope, field, found: expected });
          const inner = expectedKeys((event) => holders(event).some((h) => nestedObjects(h).some((o) => field in o)));
          expect({ scope, field, found: await keeperFinds(`EXISTS_INNER_${scope}${field}`) }).toEqual({ scope, field, found: inner });
          tested++;
        }
      }
      expect(tested).toBeGreaterThan(4);
    });

    it("selects by a place's master data: the portal's location of that GLN (HASATTR_, EQ_ATTR_)", async () => {
      const events = [...capturedEvents().values()];
      const site = events
        .map((event) => /^urn:epc:id:sgln:(0614141)\.(\d+)\.0$/.exec(String(event.bizLocation?.id)))
        .find((match) => match !== null)!;
      const gln = withCheck(`${site[1]}${site[2]}`);
      await createLocation(f, keeper.owner, keeper.business.id, { name: 'Kho mẫu GS1', province: 'Lâm Đồng', gln });
      const at = (field: 'bizLocation' | 'readPoint') =>
        expectedKeys(
          (event) => event[field]?.id !== undefined && normalizeIdentifier(String(event[field].id)) === `https://id.gs1.org/414/${gln}`,
        );
      expect(at('bizLocation').length).toBeGreaterThan(0);
      expect(await keeperFinds(`EQ_ATTR_bizLocation_name=${encodeURIComponent('Kho mẫu GS1')}`)).toEqual(at('bizLocation'));
      expect(await keeperFinds(`EQ_ATTR_bizLocation_state=${encodeURIComponent('Lâm Đồng')}`)).toEqual(at('bizLocation'));
      expect(await keeperFinds('HASATTR_bizLocation=name')).toEqual(at('bizLocation'));
      expect(await keeperFinds(`EQ_ATTR_readPoint_name=${encodeURIComponent('Kho mẫu GS1')}`)).toEqual(at('readPoint'));
      expect(await keeperFinds('EQ_ATTR_bizLocation_name=Nowhere')).toEqual([]);
      expectApiError(await query('/epcis/events?HASATTR_bizLocation=colour', key), 400, 'VALIDATION_FAILED', ['HASATTR_bizLocation']);
    });

    it('selects by a place with its sub-locations (WD_readPoint, WD_bizLocation: an SGLN extension is inside its GLN)', async () => {
      // The GLN of a place, whatever form named it (an EPC URN or a Digital Link, with or without an extension).
      const glnOf = (id: unknown) => (id ? /\/414\/(\d{13})/.exec(normalizeIdentifier(String(id)))?.[1] : undefined);
      const events = [...capturedEvents().values()];
      const inside = events.find((event) => /^urn:epc:id:sgln:\d+\.\d*\.[^0]/.test(String(event.readPoint?.id)))!;
      const gln = glnOf(inside.readPoint.id)!;
      const site = `urn:epc:id:sgln:${/^urn:epc:id:sgln:(\d+\.\d*)\./.exec(inside.readPoint.id)![1]}.0`;
      const expected = expectedKeys((event) => glnOf(event.readPoint?.id) === gln);
      expect(expected).toContain(keyOf(inside));
      expect(await keeperFinds(`WD_readPoint=${encodeURIComponent(site)}`)).toEqual(expected);
      expect(await keeperFinds(`WD_readPoint=${encodeURIComponent(`https://id.gs1.org/414/${gln}`)}`)).toEqual(expected);
      expect(await keeperFinds(`EQ_readPoint=${encodeURIComponent(site)}`)).not.toContain(keyOf(inside));
      expect(await keeperFinds(`WD_bizLocation=${encodeURIComponent(site)}`)).toEqual(
        expectedKeys((event) => glnOf(event.bizLocation?.id) === gln),
      );
    });
  });

  describe('GET /api/batches/{id}/epcis', () => {
    type Document = { type: string; epcisBody: { eventList: Array<Record<string, unknown>> } };
    const exported = (batchId: string, credential: Credential) =>
      f.http.get<Document>(`/api/batches/${batchId}/epcis`, { token: credential.token });

    it("exports the batch's own events, oldest first, as an EPCISDocument that validates against GS1's schema", async () => {
      const response = await exported(batchA.id, grower.owner);
      expect(response.status).toBe(200);
      expect(validateEpcisDocument(response.body)).toEqual({ valid: true, errors: [] });
      expect(response.body).toMatchObject({ type: 'EPCISDocument', schemaVersion: '2.0', creationDate: expect.any(String) });
      expect(response.body.epcisBody.eventList.map(keyOf)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5'].map((n) => E[n]));
      expect(response.body.epcisBody.eventList[1]).toEqual({ ...recorded.E2!.epcis, recordTime: recorded.E2!.recordTime });
    });

    it('exports a processing output without the events of its inputs', async () => {
      const response = await exported(batchC.id, grower.owner);
      expect(validateEpcisDocument(response.body)).toEqual({ valid: true, errors: [] });
      expect(response.body.epcisBody.eventList.map(keyOf)).toEqual([E.E7, E.E8]);
    });

    it('lets the businesses that took part and inspectors read it, and no one else', async () => {
      expect((await exported(batchA.id, distributor.owner)).body.epcisBody.eventList).toHaveLength(5);
      expect((await exported(batchA.id, growerKey)).body.epcisBody.eventList).toHaveLength(5);
      expect((await exported(batchA.id, inspector)).body.epcisBody.eventList).toHaveLength(5);
      expectApiError(await exported(batchA.id, outsider.owner), 403, 'FORBIDDEN');
      expectApiError(await f.http.get(`/api/batches/${batchA.id}/epcis`), 401, 'UNAUTHENTICATED');
      expectApiError(await exported(randomUUID(), inspector), 404, 'BATCH_NOT_FOUND');
    });
  });
});

/** A JSON value with its object keys sorted, to compare documents whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}
