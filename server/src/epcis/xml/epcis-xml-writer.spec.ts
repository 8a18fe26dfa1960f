import { readdirSync, readFileSync } from 'node:fs';
import { epcisDocumentEvents, eventHashId } from '@nguon/shared';
import { readEpcisXml } from './epcis-xml-reader.js';
import { epcisDocumentXml, epcisEventXml } from './epcis-xml-writer.js';

const EXAMPLES = new URL('../../../../test/fixtures/epcis/examples/', import.meta.url);

function hashesOf(document: unknown): string[] {
  const { events, context } = epcisDocumentEvents(document);
  return events.map((event) => eventHashId(event, context));
}

describe('EPCIS 2.0 XML written from JSON-LD', () => {
  const documents = readdirSync(EXAMPLES)
    .map((name) => [name, JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as Record<string, unknown>] as const)
    .filter(([, document]) => document.type === 'EPCISDocument');

  it.each(documents)("GS1's %s reads back from XML as the same events, with the same eventIDs", (_, document) => {
    const xml = epcisDocumentXml(document as Parameters<typeof epcisDocumentXml>[0]);
    expect(hashesOf(readEpcisXml(xml))).toEqual(hashesOf(document));
  });

  it('covers all 46 event documents of the examples', () => {
    expect(documents).toHaveLength(46);
  });

  it('writes standard fields in the XSD order, CBV words as URNs, and declares extension namespaces on the event', () => {
    const xml = epcisEventXml(
      {
        'example:note': 'a < b & c',
        bizStep: 'shipping',
        type: 'ObjectEvent',
        action: 'OBSERVE',
        eventTime: '2026-12-01T08:00:00Z',
        eventTimeZoneOffset: '+07:00',
        epcList: [],
        sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:8938512.00000' }],
      },
      ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }],
    );
    expect(xml).toBe(
      '<ObjectEvent xmlns:example="https://ns.example.com/epcis/"><eventTime>2026-12-01T08:00:00Z</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>' +
        '<epcList/><action>OBSERVE</action><bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>' +
        '<sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:8938512.00000</source></sourceList>' +
        '<example:note>a &lt; b &amp; c</example:note></ObjectEvent>',
    );
  });
});
