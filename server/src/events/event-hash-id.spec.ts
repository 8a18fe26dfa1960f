import { readdirSync, readFileSync } from 'node:fs';
import { documentEventHashes, epcisDocumentEvents, eventHashId as portableHashId } from '@nguon/shared';
import { eventHashId } from './event-hash-id.js';

const FIXTURES = new URL('../../../test/fixtures/event-hash/', import.meta.url);

describe("event hash ids by Node's native SHA-256", () => {
  const documents = readdirSync(FIXTURES).filter((file) => file.endsWith('.jsonld'));

  it.each(documents)('%s: the reference hash ids', (file) => {
    const document: unknown = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));
    const expected = readFileSync(new URL(file.replace(/\.jsonld$/, '.hashes'), FIXTURES), 'utf8')
      .split('\n')
      .filter(Boolean);
    const { events, context, ignoreFields } = epcisDocumentEvents(document);
    expect(events.map((event) => eventHashId(event, context, { ignoreFields }))).toEqual(expected);
    expect(documentEventHashes(document).map(({ hashId }) => hashId)).toEqual(expected);
  });

  it('hashes text beyond ASCII, and a lone surrogate, as the portable SHA-256 does', () => {
    for (const note of ['Cà phê Buôn Ma Thuột', '𝔑 emoji 🍵', 'lone \uD800 high', 'lone \uDC00 low', 'end \uD83C']) {
      const event = {
        type: 'ObjectEvent',
        eventTime: '2026-01-01T00:00:00Z',
        action: 'OBSERVE',
        'ex:note': note,
        '@context': { ex: 'https://ns.example.com/' },
      };
      expect(eventHashId(event)).toBe(portableHashId(event));
    }
  });
});
