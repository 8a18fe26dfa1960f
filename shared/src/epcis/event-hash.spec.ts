import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { documentEventHashes, eventHashId, eventPreHash } from './event-hash.js';
import { sha256Hex } from './sha256.js';

// GS1 EPCIS event hash test data (reference implementation github.com/RalphTro/epcis-event-hash-generator,
// tests/examples): X.jsonld is an EPCIS (query) document, X.prehashes its events' pre-hash strings and
// X.hashes their hash ids, one line per event in document order.
const FIXTURES = new URL('../../../test/fixtures/event-hash/', import.meta.url);

function fixtureLines(name: string): string[] | null {
  let text: string;
  try {
    text = readFileSync(new URL(name, FIXTURES), 'utf8');
  } catch {
    return null;
  }
  return text.split('\n').filter((line) => line !== '');
}

/**
 * Pre-hash lines of the fixtures that contradict the fixture's own hash line (sha256 of the line is
 * not the expected hash) and the document. For these, the expected hash is asserted instead; the
 * hash pins the pre-hash down completely. See the report in the task notes for the details.
 */
const INCONSISTENT_PREHASH_LINES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  // Fragments of the line are spliced into each other ("epc=httpspc=...", "epc=htt402/4012ps://...",
  // "quantityElementetityElempcClass=..."); the same garbled line is in the reference repository.
  epcisDocWithAllGS1Keys: { 0: 'garbled line' },
  // The line is the first event (shipping, serials 2017 and 2018) with its extension moved before
  // bizTransactionList, not the second event (receiving, serial 2018, two bizTransactions, myField2).
  epcisDocWithCustomSchemaInContext: { 1: 'pre-hash of another event' },
  // The line stops in the middle of the first bizTransaction id ("urn:epcglobal:cbv:bt:06141410734").
  epcisDocWithDefaultSchemaInContext: { 1: 'truncated line' },
};

/** Null when equal; otherwise where the two strings start to differ, with some context. */
function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let at = 0;
  while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
  const from = Math.max(0, at - 50);
  const show = (text: string): string => `…${text.slice(from, at)}⟪${text.slice(at, at + 80)}⟫`;
  return `first difference at character ${at}\n  expected ${show(expected)}\n  actual   ${show(actual)}`;
}

const documents = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.jsonld'))
  .map((file) => file.slice(0, -'.jsonld'.length))
  .sort();

describe('EPCIS event hash: reference fixtures', () => {
  it('finds the fixtures', () => {
    expect(documents.length).toBeGreaterThanOrEqual(22);
  });

  it.each(documents)('%s', (name) => {
    const document: unknown = JSON.parse(readFileSync(new URL(`${name}.jsonld`, FIXTURES), 'utf8'));
    const expectedHashes = fixtureLines(`${name}.hashes`);
    const expectedPreHashes = fixtureLines(`${name}.prehashes`);
    if (!expectedHashes) throw new Error(`${name}.hashes is missing`);

    const results = documentEventHashes(document);
    expect(results).toHaveLength(expectedHashes.length);
    if (expectedPreHashes) expect(expectedPreHashes).toHaveLength(expectedHashes.length);

    results.forEach(({ preHash, hashId }, event) => {
      const expectedPreHash = expectedPreHashes?.[event];
      const expectedHash = expectedHashes[event];
      if (expectedPreHash !== undefined) {
        if (INCONSISTENT_PREHASH_LINES[name]?.[event] !== undefined) {
          // The fixture line does not hash to the fixture's hash id, so it cannot be reproduced.
          expect(`ni:///sha-256;${sha256Hex(expectedPreHash)}?ver=CBV2.0`).not.toBe(expectedHash);
        } else {
          expect({ event, preHash: firstDifference(preHash, expectedPreHash) }).toEqual({ event, preHash: null });
        }
      }
      expect({ event, hashId }).toEqual({ event, hashId: expectedHash });
    });
  });
});

describe('eventPreHash', () => {
  const context = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }];
  const event = {
    type: 'ObjectEvent',
    eventTime: '2020-03-04T11:00:30+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: ['urn:epc:id:sgtin:0614141.107346.2018', 'urn:epc:id:sgtin:0614141.107346.2017'],
    action: 'OBSERVE',
    bizStep: 'shipping',
    readPoint: { id: 'urn:epc:id:sgln:0614141.07346.0', 'example:dock': 'D1' },
    bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:PO1' }],
    'example:note': ' checked ',
  };
  const expected =
    'eventType=ObjectEventeventTime=2020-03-04T10:00:30.000ZeventTimeZoneOffset=+01:00' +
    'epcListepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018' +
    'action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shipping' +
    'readPointid=https://id.gs1.org/414/0614141073467{https://ns.example.com/epcis/}dock=D1' +
    'bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=urn:epcglobal:cbv:bt:0614141073467:PO1' +
    '{https://ns.example.com/epcis/}note=checked';

  it('writes fields in the canonical order with normalised values', () => {
    expect(eventPreHash(event, context)).toBe(expected);
  });

  it('does not depend on property order, list order or the serialisation of values', () => {
    const reordered = {
      'example:note': 'checked',
      readPoint: { 'example:dock': 'D1', id: 'https://example.com/gln/0614141073467' },
      bizTransactionList: [{ bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:PO1', type: 'urn:epcglobal:cbv:btt:po' }],
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      action: 'OBSERVE',
      epcList: ['https://id.gs1.org/01/10614141073464/21/2017', 'urn:epc:id:sgtin:0614141.107346.2018'],
      eventTimeZoneOffset: '+01:00',
      eventTime: '2020-03-04T10:00:30.000Z',
      type: 'ObjectEvent',
    };
    expect(eventPreHash(reordered, context)).toBe(expected);
    expect(eventHashId(reordered, context)).toBe(eventHashId(event, context));
  });

  it('ignores recordTime, eventID, errorDeclaration and comments', () => {
    const annotated = {
      ...event,
      recordTime: '2024-01-01T00:00:00Z',
      eventID: 'urn:uuid:0f3c1a4e-1b2c-4d5e-8f90-123456789abc',
      errorDeclaration: { declarationTime: '2024-01-02T00:00:00Z', reason: 'incorrect_data' },
      'rdfs:comment': 'checked by QA',
      readPoint: { ...event.readPoint, comment: 'gate 2' },
    };
    expect(eventPreHash(annotated, context)).toBe(expected);
  });

  it('leaves out the fields named in ignoreFields, compact or expanded', () => {
    const stored = { ...event, 'example:hash': 'ni:///sha-256;00?ver=CBV2.0', 'example:captureID': 'c-1' };
    expect(eventPreHash(stored, context, { ignoreFields: ['example:hash', 'https://ns.example.com/epcis/captureID'] })).toBe(expected);
    expect(eventPreHash(stored, context)).not.toBe(expected);
  });

  it("expands prefixes declared in the event's own @context", () => {
    const { 'example:note': note, ...rest } = event;
    expect(eventPreHash({ ...rest, '@context': { ex: 'https://ns.example.com/epcis/' }, 'ex:note': note }, context)).toBe(expected);
  });

  it('hashes a known pre-hash to its ni URI', () => {
    expect(eventHashId(event, context)).toBe(`ni:///sha-256;${sha256Hex(expected)}?ver=CBV2.0`);
    expect(eventHashId(event, context)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('rejects an event without type', () => {
    expect(() => eventPreHash({ eventTime: '2020-01-01T00:00:00Z' })).toThrow(/type/);
  });
});
