import { readdirSync, readFileSync } from 'node:fs';
import { epcisDocumentEvents, eventHashId } from '@nguon/shared';
import { validateEpcisDocument } from '../epcis-schema.js';
import { readEpcisXml } from './epcis-xml-reader.js';
import { XmlProblem } from './xml-document.js';

const FIXTURES = new URL('../../../../test/fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

function hashesOf(document: Record<string, unknown>): string[] {
  const { events, context, ignoreFields } = epcisDocumentEvents(document);
  return events.map((event) => eventHashId(event, context, { ignoreFields }));
}

/**
 * Events whose sensor `type` or `component` is a CURIE of a user namespace (`example:x`): the
 * reference implementation's XML path keeps such values as written while its JSON-LD path, like
 * every JSON-LD processor, expands them. Read as JSON-LD, they hash as JSON-LD does.
 */
const CURIE_VALUED_SENSOR_EVENTS: Record<string, number[]> = { 'SensorDataExamples.xml': [5, 6, 7, 9, 11] };

describe('EPCIS XML read as the JSON-LD document it stands for', () => {
  const documents = readdirSync(new URL('event-hash/xml/', FIXTURES)).filter((name) => name.endsWith('.xml'));

  it.each(documents)('%s: every event keeps the reference implementation eventID', (name) => {
    const expected = fixture(`event-hash/xml/${name.replace(/\.xml$/, '.hashes')}`)
      .trim()
      .split('\n');
    const hashes = hashesOf(readEpcisXml(fixture(`event-hash/xml/${name}`)));
    const skipped = CURIE_VALUED_SENSOR_EVENTS[name] ?? [];
    expect(hashes).toHaveLength(expected.length);
    hashes.forEach((hash, index) => {
      if (!skipped.includes(index)) expect([index, hash]).toEqual([index, expected[index]]);
    });
  });

  it('reads the vectors of 17 documents (2 of them query results), skipping only the 5 CURIE-valued sensor events', () => {
    expect(documents).toHaveLength(17);
  });

  /** GS1's own XML examples that its JSON schema refuses, and the mistake in each. */
  const GS1_EXAMPLE_MISTAKES: Record<string, string> = {
    // persistentDisposition on an AggregationEvent, which the JSON schema does not allow.
    'Example-PersistentDisposition.xml': '/epcisBody/eventList/0',
    // An unqualified user field inside <extension>.
    '1.2-ObjectEvent.xml': '/epcisBody/eventList/1',
    // <sensorMetaData>, misspelt.
    '1.2-AssociationEvent.xml': '/epcisBody/eventList/5/sensorElementList/0',
    // gs1:Molar_concentration and a user-namespace measurement type, not GS1 measurement types.
    'WithSensorData-SensorDataExamples.xml': '/epcisBody/eventList/7/sensorElementList/0/sensorReport/1/type',
    'WithExtension-TransactionEvent.xml': '/epcisBody/eventList/0/sensorElementList/0/sensorReport/0/type',
  };
  const examples = readdirSync(new URL('epcis/xml/', FIXTURES));

  it.each(examples)("GS1's example %s passes GS1's JSON schema once read, or fails where GS1 wrote it wrong", (name) => {
    const result = validateEpcisDocument(readEpcisXml(fixture(`epcis/xml/${name}`)));
    const mistake = GS1_EXAMPLE_MISTAKES[name];
    if (mistake) expect(result.errors.map((error) => error.pointer)).toContain(mistake);
    else expect(result.errors).toEqual([]);
  });

  it('reads an EPCIS 1.2 document (extension wrappers, baseExtension, TransformationEvent in an extension) as its 2.0 form', () => {
    const xml12 = `<?xml version="1.0" encoding="UTF-8"?>
      <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" xmlns:ex="https://ns.example.com/epcis/" schemaVersion="1.2" creationDate="2026-12-01T08:00:00Z">
        <EPCISBody><EventList>
          <ObjectEvent>
            <eventTime>2026-12-01T08:00:00+07:00</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
            <baseExtension><eventID>urn:uuid:9a3f4c5e-1d2b-4c3a-8f00-0123456789ab</eventID></baseExtension>
            <epcList/><action>ADD</action>
            <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
            <disposition>urn:epcglobal:cbv:disp:active</disposition>
            <bizLocation><id>urn:epc:id:sgln:8936010.00001.0</id></bizLocation>
            <extension>
              <quantityList><quantityElement><epcClass>urn:epc:class:lgtin:8936010.000002.CAM-01</epcClass><quantity>120</quantity><uom>KGM</uom></quantityElement></quantityList>
              <sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:8936010.00000</source></sourceList>
              <ilmd><ex:harvestArea>Vinh Long</ex:harvestArea></ilmd>
            </extension>
            <ex:note>first picking</ex:note>
          </ObjectEvent>
          <extension><TransformationEvent>
            <eventTime>2026-12-02T08:00:00+07:00</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
            <inputQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:8936010.000002.CAM-01</epcClass><quantity>100</quantity><uom>KGM</uom></quantityElement></inputQuantityList>
            <outputQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:8936010.000003.NUOC-01</epcClass><quantity>60</quantity><uom>LTR</uom></quantityElement></outputQuantityList>
            <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
          </TransformationEvent></extension>
        </EventList></EPCISBody>
      </epcis:EPCISDocument>`;
    const document = readEpcisXml(xml12);
    expect(validateEpcisDocument(document).errors).toEqual([]);
    expect(document['@context']).toEqual([
      'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { ex: 'https://ns.example.com/epcis/' },
    ]);
    const [harvest, pressing] = (document.epcisBody as { eventList: Record<string, unknown>[] }).eventList;
    expect(harvest).toEqual({
      type: 'ObjectEvent',
      eventTime: '2026-12-01T08:00:00+07:00',
      eventTimeZoneOffset: '+07:00',
      eventID: 'urn:uuid:9a3f4c5e-1d2b-4c3a-8f00-0123456789ab',
      epcList: [],
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      bizLocation: { id: 'urn:epc:id:sgln:8936010.00001.0' },
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:8936010.000002.CAM-01', quantity: 120, uom: 'KGM' }],
      sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:8936010.00000' }],
      ilmd: { 'ex:harvestArea': 'Vinh Long' },
      'ex:note': 'first picking',
    });
    expect(pressing).toMatchObject({ type: 'TransformationEvent', outputQuantityList: [{ quantity: 60, uom: 'LTR' }] });
  });

  it('keeps what an extension says in attributes, and lists repeated names', () => {
    const document =
      readEpcisXml(`<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:m="urn:example:m" schemaVersion="2.0" creationDate="2026-12-01T08:00:00Z">
      <EPCISBody><EventList><ObjectEvent><eventTime>2026-12-01T08:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
        <epcList/><action>OBSERVE</action>
        <m:netWeight unit="KGM">3.5</m:netWeight><m:tag>a</m:tag><m:tag>b</m:tag><m:tag>c</m:tag>
      </ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>`);
    const [event] = (document.epcisBody as { eventList: Record<string, unknown>[] }).eventList;
    expect(event).toMatchObject({ 'm:netWeight': { unit: 'KGM', '#text': '3.5' }, 'm:tag': ['a', 'b', 'c'] });
  });

  it.each([
    ['not well-formed', '<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"><EPCISBody></epcis:EPCISDocument>', /mismatch/],
    ['another root', '<Invoice/>', /EPCISDocument/],
    ['an entity from a file', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', /entity not found/],
    [
      'a non-event in the list',
      '<e:EPCISDocument xmlns:e="urn:epcglobal:epcis:xsd:2"><EPCISBody><EventList><Note/></EventList></EPCISBody></e:EPCISDocument>',
      /not an EPCIS event/,
    ],
    ['nesting deeper than 64', `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`, /nested more than 64/],
  ])('refuses %s with the reason', (_, text, reason) => {
    expect(() => readEpcisXml(text)).toThrow(XmlProblem);
    expect(() => readEpcisXml(text)).toThrow(reason);
  });
});
