import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import {
  buildDigitalLink,
  lgtinUrnToKey,
  parseDigitalLink,
  sgtinUrnToKey,
  type DigitalLinkKey,
  type DigitalLinkParse,
  type DigitalLinkProblem,
} from './digital-link.js';

// Every public Digital Link vector, sorted into what our parser and builder must do with it; where
// we differ from a GS1 library, the reason is written next to the vector.
// Public vectors: gs1/gs1-syntax-engine src/c-lib/dl.c and gs1/digital-link.js tests (Apache-2.0),
// GS1 EPCIS 2.0 examples; see test/fixtures/README.md.
const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);

function readFixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as T;
}

type ParseOk = Extract<DigitalLinkParse, { ok: true }>;

function expectParsed(uri: string): ParseOk {
  const result = parseDigitalLink(uri);
  if (!result.ok) throw new Error(`expected ${uri} to parse, got ${result.problem}: ${result.message}`);
  return result;
}

function expectRejected(uri: string, problem: DigitalLinkProblem): void {
  const result = parseDigitalLink(uri);
  expect(result).toMatchObject({ ok: false, problem });
  if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
}

/** What follows the authority, without query or fragment. */
function pathOf(uri: string): string {
  return uri.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '').split(/[?#]/)[0] ?? '';
}

// GS1 General Specifications figure 7.8.5-2: AIs starting with these two digits have a predefined
// length, so no FNC1 ('^') follows them in an element string.
const PREDEFINED_LENGTH_AI_PREFIXES = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
]);

function elementString(pairs: ReadonlyArray<readonly [string, string]>): string {
  const parts = pairs.map(([ai, value], i) => {
    const fnc1 = i < pairs.length - 1 && !PREDEFINED_LENGTH_AI_PREFIXES.has(ai.slice(0, 2));
    return `${ai}${value}${fnc1 ? '^' : ''}`;
  });
  return `^${parts.join('')}`;
}

/**
 * Our parse result written the way gs1-syntax-engine reports a parsed link: path AIs in path
 * order, then the query string's AIs in the URI's order (our `query` is a plain object, whose
 * numeric keys JavaScript sorts, so the order is taken from the URI). Non-AI parameters are
 * left out, as the library does.
 */
function ourElementString(result: ParseOk, uri: string): string {
  const pairs: Array<[string, string]> = [['01', result.gtin14]];
  if (result.cpv !== undefined) pairs.push(['22', result.cpv]);
  if (result.lot !== undefined) pairs.push(['10', result.lot]);
  if (result.serial !== undefined) pairs.push(['21', result.serial]);
  const rawQuery = uri.split('#')[0]?.split('?')[1] ?? '';
  for (const part of rawQuery.split('&')) {
    const key = decodeURIComponent(part.split('=')[0] ?? '');
    const value = result.query[key];
    if (/^\d+$/.test(key) && value !== undefined) pairs.push([key, value]);
  }
  return elementString(pairs);
}

describe('parseDigitalLink: gs1-syntax-engine parse vectors (dl.c test_dl_parseDLuri)', () => {
  interface ParseVector {
    shouldSucceed: boolean;
    uri: string;
    expectElementString: string;
    permitConvenienceAlphas: boolean;
    permitZeroSuppressedGTIN: boolean;
  }
  const { vectors } = readFixture<{ vectors: ParseVector[] }>('digital-link/gs1-syntax-engine-dl-parse-vectors.json');

  type Category = 'convenience-alpha' | 'not-a-gtin-link' | 'unsupported-qualifier' | 'gtin-link';
  function categorise(vector: ParseVector): Category {
    if (vector.permitConvenienceAlphas) return 'convenience-alpha';
    const segments = pathOf(vector.uri).split('/');
    if (!segments.includes('01')) return 'not-a-gtin-link';
    if (segments.includes('235')) return 'unsupported-qualifier';
    return 'gtin-link';
  }
  const inCategory = (category: Category): ParseVector[] => vectors.filter((v) => categorise(v) === category);

  it('puts every one of the 83 vectors in exactly one category below', () => {
    expect(vectors).toHaveLength(83);
    const counts = Object.fromEntries(
      (['convenience-alpha', 'not-a-gtin-link', 'unsupported-qualifier', 'gtin-link'] as const).map((c) => [c, inCategory(c).length]),
    );
    expect(counts).toEqual({ 'convenience-alpha': 5, 'not-a-gtin-link': 24, 'unsupported-qualifier': 2, 'gtin-link': 52 });
  });

  // Category 1, out of scope: no /01/ segment in the path. These are not URIs at all (empty, ftp:,
  // no host, no path) or links for another GS1 key: SSCC (00), GLN (414), GDTI (253), GSRN (8018),
  // GIAI (8004; its ?01= in the query does not make it a product link). The library accepts 11 of
  // them; we reject all 24 with 'syntax', deliberately: the portal resolves products only, and the
  // resolver answers 400 for a link it cannot read as one.
  describe('links without a /01/ key: we reject all', () => {
    it.each(inCategory('not-a-gtin-link'))('rejects "$uri" (library accepts: $shouldSucceed)', (vector) => {
      expectRejected(vector.uri, 'syntax');
    });

    it('includes the 11 links the library accepts for other keys', () => {
      expect(inCategory('not-a-gtin-link').filter((v) => v.shouldSucceed)).toHaveLength(11);
    });
  });

  // Category 2, out of scope: vectors run with permitConvenienceAlphas (/gtin/, /ser/, /sscc/ in
  // place of AI numbers). The library accepts 3 of the 5 with the flag on. We never accept
  // convenience alphas: GS1 deprecated them, our labels never print them, and one spelling per key
  // keeps cache keys and scan counts unambiguous. (The /gtin/ vector without the flag is in
  // category 1, where the library rejects it too.)
  describe('convenience alphas: we reject all', () => {
    it.each(inCategory('convenience-alpha'))('rejects "$uri" (library with the flag accepts: $shouldSucceed)', (vector) => {
      expectRejected(vector.uri, 'syntax');
    });
  });

  // Category 3, we differ: AI 235 (third-party controlled serial extension) is a valid GTIN
  // qualifier and the library accepts both vectors. We reject them: the portal does not use TPX,
  // DigitalLinkKey has no field for it, and dropping a key qualifier silently would resolve the
  // link to a different, broader thing.
  describe('AI 235 in the path: we reject, the library accepts', () => {
    it.each(inCategory('unsupported-qualifier'))('rejects "$uri"', (vector) => {
      expect(vector.shouldSucceed).toBe(true);
      expectRejected(vector.uri, 'syntax');
    });
  });

  // Category 4, in scope: a /01/ link. We agree with the library (same element string when it
  // accepts, 'syntax' when it rejects) except for the vectors in this table, which we accept.
  const WE_ACCEPT_WHAT_THE_LIBRARY_REJECTS: Record<string, { why: string; expected: Partial<ParseOk> }> = {
    'https://a/01/2112345678900': {
      why: 'GTIN-13 in the path: the library needs permitZeroSuppressedGTIN; we parse leniently, as digital-link.js does, so labels printed by older tools resolve, and normalise to GTIN-14',
      expected: { gtin14: '02112345678900' },
    },
    'https://a/01/416000336108': {
      why: 'GTIN-12 in the path: same lenient rule as GTIN-13',
      expected: { gtin14: '00416000336108' },
    },
    'https://a/01/02345673': {
      why: 'GTIN-8 in the path: same lenient rule as GTIN-13',
      expected: { gtin14: '00000002345673' },
    },
    'https://a/01/12312312312333?99=': {
      why: 'data attributes other than 17 are passed through in `query` without interpretation (the resolver only forwards them); the library rejects the empty value of AI 99',
      expected: { gtin14: '12312312312333', query: { '99': '' } },
    },
    'https://a/01/12312312312333?99=ABC&999=faux': {
      why: 'data attributes are passed through; the library rejects 999 as an unknown AI',
      expected: { gtin14: '12312312312333', query: { '99': 'ABC', '999': 'faux' } },
    },
    'https://example.com/01/09520123456788?99=XYZ&89=ABC123': {
      why: 'the library rejects AI 89 only while its vUNKNOWN_AI_NOT_DL_ATTR validation is on (the same URI appears again, accepted, with it off); we pass attributes through either way',
      expected: { gtin14: '09520123456788', query: { '99': 'XYZ', '89': 'ABC123' } },
    },
  };

  describe('/01/ links: we agree with the library except where stated', () => {
    const gtinLinks = inCategory('gtin-link');
    const libraryAccepts = gtinLinks.filter((v) => v.shouldSucceed);
    const weAcceptLibraryRejects = gtinLinks.filter((v) => !v.shouldSucceed && v.uri in WE_ACCEPT_WHAT_THE_LIBRARY_REJECTS);
    const bothReject = gtinLinks.filter((v) => !v.shouldSucceed && !(v.uri in WE_ACCEPT_WHAT_THE_LIBRARY_REJECTS));

    it('splits the 52 /01/ vectors into 29 accepted, 6 accepted against the library, 17 rejected', () => {
      expect([libraryAccepts.length, weAcceptLibraryRejects.length, bothReject.length]).toEqual([29, 6, 17]);
      // Every exception names a real vector, so the table cannot go stale unnoticed.
      for (const uri of Object.keys(WE_ACCEPT_WHAT_THE_LIBRARY_REJECTS)) {
        expect(gtinLinks.some((v) => v.uri === uri)).toBe(true);
      }
    });

    // Includes the permitZeroSuppressedGTIN vectors: we accept GTIN-13 with or without the flag.
    it.each(libraryAccepts)('reads "$uri" as $expectElementString', (vector) => {
      expect(ourElementString(expectParsed(vector.uri), vector.uri)).toBe(vector.expectElementString);
    });

    it.each(weAcceptLibraryRejects)('accepts "$uri" although the library rejects it', (vector) => {
      const decision = WE_ACCEPT_WHAT_THE_LIBRARY_REJECTS[vector.uri];
      expect(decision?.why).toBeTruthy();
      expect(expectParsed(vector.uri)).toMatchObject(decision?.expected ?? {});
    });

    // Bad URI characters (<>{}\^`), an empty path segment, a NUL byte, an empty lot, AIs 99/89
    // in the path, and key AIs (01, 10) or a duplicate AI in the query string.
    it.each(bothReject)('rejects "$uri" as the library does', (vector) => {
      expectRejected(vector.uri, 'syntax');
    });
  });
});

describe('parseDigitalLink: digital-link.js vectors', () => {
  interface JsVector {
    uri: string;
    valid: boolean;
    note: string;
  }
  const { vectors } = readFixture<{ vectors: JsVector[] }>('digital-link/digital-link-js-vectors.json');

  type Decision =
    | { ours: Partial<ParseOk> & { ok: true }; whyWeDiffer?: string }
    | { ours: { ok: false; problem: DigitalLinkProblem }; whyWeDiffer?: string };

  // One decision per vector, keyed by URI.
  const DECISIONS: Record<string, Decision> = {
    'https://example.com/01/01234565/': {
      ours: { ok: true, gtin14: '00000001234565' },
    },
    'https://example.com/01/01234565/10/12345/21/4512': {
      ours: { ok: true, gtin14: '00000001234565', lot: '12345', serial: '4512' },
    },
    // Wrong in two ways; we report the order first (syntax is checked before the check digit).
    'https://example.com/01/01234567/21/12345/10/4512': { ours: { ok: false, problem: 'syntax' } },
    // We do not sort qualifiers (digital-link.js's setSortKeyQualifiers): the order is part of the syntax.
    'https://example.com/01/01234565/21/12345/10/4512': { ours: { ok: false, problem: 'syntax' } },
    'https://example.com/00/123456789123456789/10/4512': { ours: { ok: false, problem: 'syntax' } },
    // The library objects to 4321=2; we do not validate data attributes, but this GTIN-8's check
    // digit is wrong anyway (12345670 is right), so we reject it for that reason.
    'https://example.com/01/12345678/10/4512?4321=2': { ours: { ok: false, problem: 'check_digit' } },
    'https://example.com/01/12345670/10/4512?240=ABCD': {
      ours: { ok: true, gtin14: '00000012345670', lot: '4512', query: { '240': 'ABCD' } },
    },
    'https://example.com/01/012345678905': { ours: { ok: true, gtin14: '00012345678905' } },
    'https://example.com/01/012345678906': { ours: { ok: false, problem: 'check_digit' } },
    'https://example.com/gtin/012345678905': {
      ours: { ok: false, problem: 'syntax' },
      whyWeDiffer: 'convenience alphas are deprecated by GS1 and never printed by us; only /01/ is read',
    },
    'https://example.com/gln/0123456789128': {
      ours: { ok: false, problem: 'syntax' },
      whyWeDiffer: 'not a product key (and a convenience alpha): the resolver only answers for GTINs',
    },
    'https://example.com/gln/0123456789123': { ours: { ok: false, problem: 'syntax' } },
    'https://example.com/sscc/012345678912345675': {
      ours: { ok: false, problem: 'syntax' },
      whyWeDiffer: 'not a product key (and a convenience alpha): the resolver only answers for GTINs',
    },
    'https://example.com/sscc/012345678912345673': { ours: { ok: false, problem: 'syntax' } },
    'https://example.com/01/12345670/10/4512?linkType=ABCD': {
      ours: { ok: true, gtin14: '00000012345670', lot: '4512', query: { linkType: 'ABCD' } },
    },
    'https://gs1.evrythng.com/01/9780345418913/10/38737643/21/58943?15=230911': {
      ours: { ok: true, gtin14: '09780345418913', lot: '38737643', serial: '58943', query: { '15': '230911' } },
    },
    'https://gs1.evrythng.com/01/9780345418913d': { ours: { ok: false, problem: 'syntax' } },
  };

  it('has one decision for each of the 17 vectors', () => {
    expect(vectors).toHaveLength(17);
    expect(Object.keys(DECISIONS).sort()).toEqual(vectors.map((v) => v.uri).sort());
  });

  it.each(vectors)('handles "$uri" ($note)', (vector) => {
    const decision = DECISIONS[vector.uri];
    if (!decision) throw new Error(`no decision for ${vector.uri}`);
    expect(parseDigitalLink(vector.uri)).toMatchObject(decision.ours);
    // Where our answer differs from the library's, the reason must be written down above.
    if (decision.ours.ok !== vector.valid) expect(decision.whyWeDiffer).toBeTruthy();
  });
});

describe('buildDigitalLink: gs1-syntax-engine generate vectors (dl.c test_dl_generateDLuri)', () => {
  interface GenerateVector {
    shouldSucceed: boolean;
    stem: string | null;
    aiData: string;
    expectUri: string;
  }
  const { vectors } = readFixture<{ vectors: GenerateVector[] }>('digital-link/gs1-syntax-engine-dl-generate-vectors.json');

  const PRIMARY_KEY_AIS = new Set([
    '00',
    '01',
    '253',
    '255',
    '401',
    '402',
    '414',
    '417',
    '8003',
    '8004',
    '8006',
    '8010',
    '8013',
    '8017',
    '8018',
  ]);
  const OUR_AIS = new Set(['01', '22', '10', '21', '17']);

  function aiPairs(aiData: string): Array<[string, string]> {
    return [...aiData.matchAll(/\((\d{2,4})\)([^(]*)/g)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']);
  }
  /** The library's primary key is the first key AI in the data. */
  function primaryKeyOf(vector: GenerateVector): string | undefined {
    return aiPairs(vector.aiData).find(([ai]) => PRIMARY_KEY_AIS.has(ai))?.[0];
  }
  function keyOf(vector: GenerateVector): DigitalLinkKey & { expiry?: string } {
    const first = (ai: string): string | undefined => aiPairs(vector.aiData).find(([a]) => a === ai)?.[1];
    const key: DigitalLinkKey & { expiry?: string } = { gtin14: first('01') ?? '' };
    const cpv = first('22');
    const lot = first('10');
    const serial = first('21');
    const expiry = first('17');
    if (cpv !== undefined) key.cpv = cpv;
    if (lot !== undefined) key.lot = lot;
    if (serial !== undefined) key.serial = serial;
    if (expiry !== undefined) key.expiry = expiry;
    return key;
  }
  /** Data attributes buildDigitalLink cannot emit (it writes only ?17=). */
  function otherAttributes(vector: GenerateVector): Array<[string, string]> {
    return aiPairs(vector.aiData).filter(([ai]) => !OUR_AIS.has(ai) && ai !== '235');
  }
  const base = (vector: GenerateVector): string | undefined => vector.stem ?? undefined;

  type Category = 'no-primary-key' | 'other-primary-key' | 'unsupported-qualifier' | 'gtin-key';
  function categorise(vector: GenerateVector): Category {
    const primary = primaryKeyOf(vector);
    if (primary === undefined) return 'no-primary-key';
    if (primary !== '01') return 'other-primary-key';
    if (aiPairs(vector.aiData).some(([ai]) => ai === '235')) return 'unsupported-qualifier';
    return 'gtin-key';
  }
  const inCategory = (category: Category): GenerateVector[] => vectors.filter((v) => categorise(v) === category);
  const gtinKeys = inCategory('gtin-key');
  const exact = gtinKeys.filter((v) => v.shouldSucceed && otherAttributes(v).length === 0);
  const withAttributes = gtinKeys.filter((v) => v.shouldSucceed && otherAttributes(v).length > 0);
  const rejectedForAttributes = gtinKeys.filter((v) => !v.shouldSucceed);

  it('puts every one of the 22 vectors in exactly one group below', () => {
    expect(vectors).toHaveLength(22);
    expect({
      noPrimaryKey: inCategory('no-primary-key').length,
      otherPrimaryKey: inCategory('other-primary-key').length,
      unsupportedQualifier: inCategory('unsupported-qualifier').length,
      exact: exact.length,
      withAttributes: withAttributes.length,
      rejectedForAttributes: rejectedForAttributes.length,
    }).toEqual({ noPrimaryKey: 1, otherPrimaryKey: 5, unsupportedQualifier: 3, exact: 4, withAttributes: 7, rejectedForAttributes: 2 });
  });

  // In scope, exact: GTIN with 22/10/21 only, any stem (null = the default https://id.gs1.org, a
  // trailing slash dropped). Qualifiers given out of order or twice in the AI data come out once,
  // in order, because the key type has one field per qualifier.
  it.each(exact)('builds $expectUri from $aiData', (vector) => {
    expect(buildDigitalLink(keyOf(vector), base(vector))).toBe(vector.expectUri);
    const parsed = expectParsed(vector.expectUri);
    expect(parsed).toMatchObject(keyOf(vector));
    expect(parsed.query).toEqual({});
  });

  // In scope, minus the attributes: the library also writes data attributes (95, 99, 89) into the
  // query string; buildDigitalLink only ever writes ?17= (labels carry no other attributes), so we
  // assert the path part, and that parsing the library's full URI gives our key plus the attributes.
  it.each(withAttributes)('builds the path of $expectUri from $aiData', (vector) => {
    expect(buildDigitalLink(keyOf(vector), base(vector))).toBe(vector.expectUri.split('?')[0]);
    expect(expectParsed(vector.expectUri)).toMatchObject({
      ...keyOf(vector),
      query: Object.fromEntries(otherAttributes(vector)),
    });
  });

  // The library refuses these for a data attribute (8200 without its companion, or 89 while
  // unknown-AI validation is on). We never emit those attributes, so the part we can build is
  // simply the GTIN link, which must parse back to the same key.
  it.each(rejectedForAttributes)('builds only the key of $aiData (library refuses it for its attributes)', (vector) => {
    expect(otherAttributes(vector).length).toBeGreaterThan(0);
    const uri = buildDigitalLink(keyOf(vector), base(vector));
    expect(uri).toBe(`${vector.stem ?? ''}/01/${keyOf(vector).gtin14}`);
    expect(expectParsed(uri)).toMatchObject(keyOf(vector));
  });

  // Out of scope: AI 235 cannot be expressed (DigitalLinkKey has no field for it), and the
  // library refuses all three combinations anyway (235 with 22 or 21, or 235 before 10).
  it.each(inCategory('unsupported-qualifier'))('cannot express $aiData (library refuses it too)', (vector) => {
    expect(vector.shouldSucceed).toBe(false);
    const tpx = aiPairs(vector.aiData).find(([ai]) => ai === '235')?.[1] ?? '';
    expectRejected(`${vector.stem ?? ''}/01/${keyOf(vector).gtin14}/235/${tpx}`, 'syntax');
  });

  // Out of scope: links for other keys (GSRN-P 8017, GDTI 253, CPID 8010; a GTIN in their query
  // string does not make them product links). We build only GTIN links, and our parser refuses
  // what the library built.
  it.each(inCategory('other-primary-key'))('leaves $expectUri to other resolvers', (vector) => {
    expect(vector.shouldSucceed).toBe(true);
    expectRejected(vector.expectUri, 'syntax');
  });

  // No primary key at all: the library refuses; buildDigitalLink cannot even be called without a GTIN.
  it.each(inCategory('no-primary-key'))('has nothing to build from $aiData, as the library agrees', (vector) => {
    expect(vector.shouldSucceed).toBe(false);
    expect(aiPairs(vector.aiData).some(([ai]) => ai === '01')).toBe(false);
  });
});

// The GS1 EPCIS 2.0 examples use both identifier forms; every one of them must be readable.
describe('identifiers in the GS1 EPCIS 2.0 examples', () => {
  const dir = new URL('epcis/examples/', FIXTURES);
  const text = readdirSync(dir)
    .map((file) => readFileSync(new URL(file, dir), 'utf8'))
    .join('\n');
  const unique = (pattern: RegExp): string[] => [...new Set([...text.matchAll(pattern)].map((m) => m[0]))].sort();
  const lgtins = unique(/urn:epc:class:lgtin:[^"\s]+/g);
  const sgtins = unique(/urn:epc:id:sgtin:[^"\s]+/g);
  const links = unique(/https:\/\/id\.gs1\.org\/01\/[^"\s]+/g);

  it('finds them', () => {
    expect([lgtins.length, sgtins.length, links.length]).toEqual([10, 26, 8]);
  });

  it.each(lgtins)('reads %s', (urn) => {
    expect(lgtinUrnToKey(urn)).not.toBeNull();
  });

  it.each(sgtins)('reads %s', (urn) => {
    expect(sgtinUrnToKey(urn)).not.toBeNull();
  });

  it.each(links)('reads %s', (uri) => {
    expectParsed(uri);
  });

  it('gives the same key for the URN and Digital Link forms of one lot', () => {
    expect(lgtinUrnToKey('urn:epc:class:lgtin:0614141.077777.987')).toEqual({ gtin14: '00614141777778', lot: '987' });
    expect(expectParsed('https://id.gs1.org/01/00614141777778/10/987')).toMatchObject({ gtin14: '00614141777778', lot: '987' });
  });
});
