import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import { epcisDocumentEvents, eventHashId, type CreatedApiKey, type LoginResponse, type PublicBatchView } from '@nguon/shared';
import { DEMO_ACCOUNTS, DEMO_GTINS, DEMO_LOTS, DEMO_PASSWORD, seedDemoData } from '../../server/src/database/seed/demo-seed.js';
import { readEpcisXml } from '../../server/src/epcis/xml/epcis-xml-reader.js';
import { expectApiError } from '../support/api-error.js';
import { captureAndWait } from '../support/capture-jobs.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const docs = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');
const XML_1_2 = docs('integrator-example-1.2.xml');
const JSON_LD = JSON.parse(docs('integrator-example.jsonld')) as unknown;
/** The same document as EPCIS 2.0 XML: its namespace, and no 1.x <extension> wrappers. */
const XML_2_0 = XML_1_2.replace('urn:epcglobal:epcis:xsd:1', 'urn:epcglobal:epcis:xsd:2')
  .replace('schemaVersion="1.2"', 'schemaVersion="2.0"')
  .replace(/<\/?extension>/g, '');

/**
 * EPCIS XML at the capture interface (issue #15): the README's integrator example as an ERP sends
 * it in EPCIS 1.2 XML, then as EPCIS 2.0 XML and JSON-LD, which are the same events.
 */
describe('EPCIS XML capture', () => {
  let t: TestApp;
  let key: string;
  const http = () => httpClient(t.baseUrl);
  const capture = (body: unknown, contentType: string) =>
    http().post('/epcis/capture', body, { token: key, headers: { 'content-type': contentType } });
  const job = async (body: unknown, contentType: string) => {
    const answer = await captureAndWait(http(), body, { token: key, headers: { 'content-type': contentType } });
    expect(answer.status).toBe(202);
    return answer.body;
  };
  const recordsOf = async () => {
    const view = await http().get<PublicBatchView>('/01/08938512000114/10/PT-ERP-2612', { headers: { accept: 'application/json' } });
    return view.body.timeline.map((entry) => [entry.stage, entry.place?.name, entry.eventId]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app, { log: jest.fn(), error: jest.fn(), warn: jest.fn() } as unknown as Logger);
    const owner = (await http().post<LoginResponse>('/api/auth/login', { email: DEMO_ACCOUNTS.pomeloOwner.email, password: DEMO_PASSWORD }))
      .body;
    const businessId = owner.user.memberships[0]!.businessId;
    key = (
      await http().post<CreatedApiKey>(
        `/api/businesses/${businessId}/api-keys`,
        { name: 'ERP', scopes: ['capture', 'read'] },
        { token: owner.accessToken },
      )
    ).body.key;
  }, 60_000);
  afterAll(async () => t?.close());

  it('captures EPCIS 1.2 XML as an ERP writes it: the lot exists at its packing house and is shipped', async () => {
    expect(await job(XML_1_2, 'application/xml')).toMatchObject({ success: true, capturedCount: 2, errors: [], warnings: [] });
    const packingHouse = 'Nhà sơ chế, đóng gói HTX Bưởi Phúc Trạch';
    expect((await recordsOf()).map(([stage, place]) => [stage, place])).toEqual([
      ['registration', packingHouse],
      ['shipping', packingHouse],
    ]);
  });

  it('stores nothing when the same events come again as EPCIS 2.0 XML (text/xml) or JSON-LD: the same eventIDs', async () => {
    const before = await recordsOf();
    expect(await job(XML_2_0, 'text/xml')).toMatchObject({ success: true, capturedCount: 0, errors: [] });
    expect(await job(JSON_LD, 'application/ld+json')).toMatchObject({ success: true, capturedCount: 0, errors: [] });
    expect(await recordsOf()).toEqual(before);
  });

  it('answers queries and a batch history in EPCIS 2.0 XML to a client that prefers it: the same events, the same eventIDs', async () => {
    const view = await http().get<PublicBatchView>('/01/08938512000114/10/PT-ERP-2612', { headers: { accept: 'application/json' } });
    const history = `/api/batches/${view.body.id}/epcis`;
    const asJson = await http().get(history, { token: key });
    const asXml = await http().get<string>(history, { token: key, headers: { accept: 'application/json;q=0.5, application/xml' } });
    expect([asXml.status, asXml.headers.get('content-type')]).toEqual([200, 'application/xml; charset=utf-8']);
    const hashes = (document: unknown) => {
      const { events, context } = epcisDocumentEvents(document);
      return events.map((event) => [event.eventID, eventHashId(event, context)]);
    };
    const fromXml = hashes(readEpcisXml(asXml.body));
    expect(fromXml).toHaveLength(2);
    expect(fromXml).toEqual(hashes(asJson.body));

    // Records the portal's own forms made, with its nguon: extensions, read back alike.
    const pomelo = await http().get<PublicBatchView>(`/01/${DEMO_GTINS.pomelo}/10/${DEMO_LOTS.pomelo}`, {
      headers: { accept: 'application/json' },
    });
    const portalHistory = `/api/batches/${pomelo.body.id}/epcis`;
    const portalJson = (await http().get(portalHistory, { token: key })).body;
    const portalXml = (await http().get<string>(portalHistory, { token: key, headers: { accept: 'application/xml' } })).body;
    expect(portalXml).toContain('xmlns:nguon=');
    expect(hashes(readEpcisXml(portalXml))).toEqual(hashes(portalJson));
    expect(hashes(portalJson).length).toBeGreaterThan(2);

    const query = await http().get<string>('/epcis/events?perPage=5', { token: key, headers: { accept: 'application/xml' } });
    expect(query.status).toBe(200);
    expect(query.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<epcisq:EPCISQueryDocument xmlns:epcisq="urn:epcglobal:epcis-query:xsd:2"/,
    );
    expect(query.body).toContain('<queryName>SimpleEventQuery</queryName>');
    // Lists are not documents of events: XML is not offered there.
    const list = await http().get('/epcis/bizSteps', { token: key, headers: { accept: 'application/xml' } });
    expect(expectApiError(list, 406, 'NOT_ACCEPTABLE').message).toMatch(/application\/json, application\/ld\+json\.$/);
  });

  it('captures the events of an EPCISQueryDocument too, as the binding asks', async () => {
    const queryResults = readFileSync(new URL('../fixtures/event-hash/xml/epcisQueryDocument.xml', import.meta.url), 'utf8');
    const result = await job(queryResults, 'application/xml');
    expect(result).toMatchObject({ success: true, capturedCount: 2, errors: [] });
  });

  it('refuses XML it cannot read with the reason, and reads no entity from the server', async () => {
    const broken = expectApiError(
      await capture('<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"><EPCISBody>', 'application/xml'),
      400,
      'VALIDATION_FAILED',
    );
    // Vietnamese first; the parser's own reason follows as it gives it.
    expect(broken.message).toBe('Không đọc được tài liệu EPCIS XML: unclosed xml tag(s): epcis:EPCISDocument, EPCISBody');
    const entity = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>';
    expect(expectApiError(await capture(entity, 'application/xml'), 400, 'VALIDATION_FAILED').message).toMatch(/entity not found/);
    expect(expectApiError(await capture('<Invoice/>', 'application/xml'), 400, 'VALIDATION_FAILED').message).toMatch(/EPCISDocument/);
  });

  it('answers 415 for XML anywhere but document capture, naming where XML goes', async () => {
    const answer = await http().post('/epcis/events', '<ObjectEvent/>', { token: key, headers: { 'content-type': 'application/xml' } });
    expect(expectApiError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE').message).toMatch(/POST \/epcis\/capture/);
  });

  it("refuses at once (400) what GS1's schema refuses, naming the event and field, as for JSON-LD", async () => {
    const wrong = XML_2_0.replace('urn:epcglobal:cbv:bizstep:shipping', 'urn:epcglobal:cbv:bizstep:teleporting');
    const error = expectApiError(await capture(wrong, 'application/xml'), 400, 'VALIDATION_FAILED');
    expect(Object.keys(error.fieldErrors!)).toContain('/epcisBody/eventList/1/bizStep');
  });
});
