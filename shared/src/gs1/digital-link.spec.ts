import { describe, expect, it } from '@jest/globals';
import {
  buildDigitalLink,
  formatGs1Date,
  lgtinUrnToKey,
  parseDigitalLink,
  sgtinUrnToKey,
  type DigitalLinkParse,
  type DigitalLinkProblem,
} from './digital-link.js';

// Behaviour beyond the public vectors (see digital-link.vectors.spec.ts for those).

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

describe('buildDigitalLink', () => {
  it('defaults to https://id.gs1.org and always writes GTIN-14', () => {
    expect(buildDigitalLink({ gtin14: '8936046123453' })).toBe('https://id.gs1.org/01/08936046123453');
    expect(buildDigitalLink({ gtin14: '01234565', lot: 'L1' })).toBe('https://id.gs1.org/01/00000001234565/10/L1');
  });

  it('drops any trailing slash of the base and keeps its sub-path', () => {
    expect(buildDigitalLink({ gtin14: '08936046123453', lot: 'A' }, 'https://nguon.vn/')).toBe('https://nguon.vn/01/08936046123453/10/A');
    expect(buildDigitalLink({ gtin14: '08936046123453' }, 'https://nguon.vn/r//')).toBe('https://nguon.vn/r/01/08936046123453');
  });

  it('puts the expiry in the query string as ?17=', () => {
    expect(buildDigitalLink({ gtin14: '08936046123453', lot: 'L/1', expiry: formatGs1Date('2026-12-31') }, 'https://x.vn')).toBe(
      'https://x.vn/01/08936046123453/10/L%2F1?17=261231',
    );
  });

  it('percent-encodes every character outside the unreserved set', () => {
    const cases: Array<[string, string]> = [
      ['/', '%2F'],
      ['%', '%25'],
      ['&', '%26'],
      ['?', '%3F'],
      ['+', '%2B'],
      ['!', '%21'],
      ['"', '%22'],
      ["'", '%27'],
      ['(', '%28'],
      [')', '%29'],
      ['*', '%2A'],
      [',', '%2C'],
      [':', '%3A'],
      [';', '%3B'],
      ['<', '%3C'],
      ['=', '%3D'],
      ['>', '%3E'],
      ['-', '-'],
      ['.', '.'],
      ['_', '_'],
    ];
    for (const [char, encoded] of cases) {
      expect(buildDigitalLink({ gtin14: '08936046123453', serial: `A${char}B` })).toBe(
        `https://id.gs1.org/01/08936046123453/21/A${encoded}B`,
      );
    }
  });

  it('refuses a key the resolver could not read back', () => {
    expect(() => buildDigitalLink({ gtin14: '08936046123454' })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin14: '8936046' })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin14: '08936046123453', lot: '' })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin14: '08936046123453', lot: 'A'.repeat(21) })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin14: '08936046123453', lot: 'LÔ 1' })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin14: '08936046123453', serial: 'A B' })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin14: '08936046123453', expiry: '2026-12-31' })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin14: '08936046123453', expiry: '261331' })).toThrow(RangeError);
  });
});

describe('build and parse round trips', () => {
  it.each(['1/2026', '50%', 'A&B', 'WHY?', 'L/1%&?', 'a/b%2Fc', '%25', 'A&B?C=D', "it's(1)*!", '"Q":<1>;x,y+z'])(
    'keeps lot %j intact',
    (lot) => {
      const uri = buildDigitalLink({ gtin14: '08936046123453', lot, serial: lot, expiry: '261231' }, 'https://nguon.vn');
      // Nothing of the lot may be read as a path separator, query or escape.
      expect(uri.split('?')[0]?.split('/')).toHaveLength(9);
      expect(expectParsed(uri)).toEqual({
        ok: true,
        gtin14: '08936046123453',
        lot,
        serial: lot,
        expiry: '261231',
        query: { '17': '261231' },
      });
    },
  );

  it('keeps every character of set 82 intact', () => {
    const set82 = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!"%&'()*+,-./:;<=>?_`;
    for (let i = 0; i < set82.length; i += 20) {
      const lot = set82.slice(i, i + 20);
      expect(expectParsed(buildDigitalLink({ gtin14: '08936046123453', lot }))).toMatchObject({ lot });
    }
  });

  it('keeps a consumer product variant (AI 22)', () => {
    const key = { gtin14: '08936046123453', cpv: '2A', lot: 'L1', serial: 'S1' };
    expect(buildDigitalLink(key)).toBe('https://id.gs1.org/01/08936046123453/22/2A/10/L1/21/S1');
    expect(expectParsed(buildDigitalLink(key))).toMatchObject(key);
  });
});

describe('parseDigitalLink', () => {
  it('reads a bare path with a query string, as the resolver receives it', () => {
    expect(parseDigitalLink('/01/08936046123453/10/L%2F1?17=261231&linkType=gs1:pip')).toEqual({
      ok: true,
      gtin14: '08936046123453',
      lot: 'L/1',
      expiry: '261231',
      query: { '17': '261231', linkType: 'gs1:pip' },
    });
  });

  it('tolerates a sub-path before /01/, a trailing slash, a fragment and any case of scheme', () => {
    for (const uri of [
      'https://nguon.vn/resolver/v1/01/08936046123453/10/LOT1',
      'https://nguon.vn/01/08936046123453/10/LOT1/',
      'https://nguon.vn/01/08936046123453/10/LOT1#top',
      'HTTPS://nguon.vn/01/08936046123453/10/LOT1',
      'http://localhost:3000/01/08936046123453/10/LOT1',
      '  https://nguon.vn/01/08936046123453/10/LOT1\n',
    ]) {
      expect(expectParsed(uri)).toMatchObject({ gtin14: '08936046123453', lot: 'LOT1' });
    }
  });

  it('finds the key from the right, so a sub-path or a lot that looks like "01" is not mistaken for it', () => {
    expect(expectParsed('https://x.vn/01/foo/01/08936046123453/10/01')).toMatchObject({ gtin14: '08936046123453', lot: '01' });
    expect(expectParsed('/01/08936046123453/10/01/21/01')).toMatchObject({ lot: '01', serial: '01' });
  });

  it('reads a query "+" as a space and %2B as a plus', () => {
    expect(expectParsed('/01/08936046123453?99=A+B&98=A%2BB').query).toEqual({ '99': 'A B', '98': 'A+B' });
  });

  it('keeps a "__proto__" parameter as plain data', () => {
    const { query } = expectParsed('/01/08936046123453?__proto__=x');
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(Object.keys(query)).toEqual(['__proto__']);
  });

  it.each([
    ['/01/08936046123453/10/A/10/B', 'a repeated qualifier'],
    ['/01/08936046123453/22/A/10/B/22/C', 'a qualifier out of order'],
    ['/01/08936046123453/10/L/22/V', '22 after 10'],
    ['/01/08936046123453/21/S/10/L', '10 after 21'],
    [`/01/08936046123453/10/${'A'.repeat(21)}`, 'a 21-character lot'],
    [`/01/08936046123453/21/${'A'.repeat(21)}`, 'a 21-character serial'],
    [`/01/08936046123453/22/${'A'.repeat(21)}`, 'a 21-character variant'],
    ['/01/08936046123453/10/L%C3%94', 'a lot with a diacritic'],
    ['/01/08936046123453/10/L%201', 'a lot with a space'],
    ['/01/08936046123453/10/L%231', 'a lot with #'],
    ['/01/08936046123453/10/L%zz', 'a malformed escape'],
    ['/01/08936046123453/10/%FF', 'an escape that is not UTF-8'],
    ['/01/08936046123453?17=261332', 'an impossible expiry date'],
    ['/01/08936046123453?17=260230', '30 February'],
    ['/01/08936046123453?17=2612', 'a short expiry date'],
    ['/01/08936046123453?21=S1', 'a serial in the query string'],
    ['/01/08936046123453?22=V', 'a variant in the query string'],
    ['/01/08936046123453/10/L//', 'two trailing slashes'],
    ['/01/08936046123453/10', 'an AI without a value'],
    ['/01/0893604', 'a 7-digit GTIN'],
    ['/01/089360461234530', 'a 15-digit GTIN'],
    ['/01/0893 6046123453', 'a space'],
    ['01/08936046123453', 'a path without its leading slash'],
    ['mailto:x@y.vn', 'another scheme'],
    ['https://user@x.vn/01/08936046123453', 'user information in the authority'],
    ['https://x.vn/01/08936046123453/10/LÔ', 'a raw non-ASCII character'],
  ])('rejects %j (%s) as syntax', (uri) => {
    expectRejected(uri, 'syntax');
  });

  it('reports a wrong check digit as check_digit, with the expected digit', () => {
    const result = parseDigitalLink('https://x.vn/01/08936046123454/10/L1');
    expect(result).toMatchObject({ ok: false, problem: 'check_digit' });
    if (!result.ok) expect(result.message).toContain('3');
  });

  it('explains which key a non-product link carries', () => {
    const result = parseDigitalLink('https://id.gs1.org/414/9520123456788');
    expect(result).toMatchObject({ ok: false, problem: 'syntax' });
    if (!result.ok) expect(result.message).toContain('GLN');
  });

  it('accepts day 00 (end of month) in the expiry date, as GS1 allows', () => {
    expect(expectParsed('/01/08936046123453?17=261200')).toMatchObject({ expiry: '261200' });
    expect(expectParsed('/01/08936046123453?17=240229')).toMatchObject({ expiry: '240229' });
  });
});

describe('formatGs1Date', () => {
  it.each([
    ['2026-12-31', '261231'],
    ['2024-02-29', '240229'],
    ['2030-01-05', '300105'],
    ['2026-12-31T17:00:00+07:00', '261231'],
  ])('turns %s into %s', (iso, yymmdd) => {
    expect(formatGs1Date(iso)).toBe(yymmdd);
  });

  it.each(['2026-13-01', '2026-02-30', '2026-12-00', '31/12/2026', '261231', '', '2026-1-5'])('refuses %j', (iso) => {
    expect(() => formatGs1Date(iso)).toThrow(RangeError);
  });
});

describe('EPC URNs', () => {
  it('converts the TDS example lgtin to GTIN-14 and lot', () => {
    expect(lgtinUrnToKey('urn:epc:class:lgtin:4012345.012345.998877')).toEqual({ gtin14: '04012345123456', lot: '998877' });
  });

  it('converts an sgtin to GTIN-14 and serial', () => {
    expect(sgtinUrnToKey('urn:epc:id:sgtin:0614141.112345.400')).toEqual({ gtin14: '10614141123459', serial: '400' });
  });

  it('unescapes the lot and serial', () => {
    expect(lgtinUrnToKey('urn:epc:class:lgtin:4012345.012345.A%2FB%25C%26D%3F')).toEqual({ gtin14: '04012345123456', lot: 'A/B%C&D?' });
    expect(sgtinUrnToKey('urn:epc:id:sgtin:0614141.112345.%22X%22')).toEqual({ gtin14: '10614141123459', serial: '"X"' });
  });

  it.each([
    'urn:epc:id:sgtin:0614141.112345.400', // an sgtin is not an lgtin
    'urn:epc:idpat:sgtin:4012345.098765.*',
    'urn:epc:class:lgtin:4012345.012345.',
    'urn:epc:class:lgtin:4012345.12345.1', // 12 digits, not 13
    'urn:epc:class:lgtin:40123.01234567.1', // company prefix shorter than 6 digits
    'urn:epc:class:lgtin:4012345.012345.AAAAAAAAAAAAAAAAAAAAA', // lot over 20
    'urn:epc:class:lgtin:4012345.012345.A%zz',
    'urn:epc:class:lgtin:4012345.012345.A B',
    'https://id.gs1.org/01/04012345123456/10/998877',
  ])('lgtinUrnToKey refuses %j', (urn) => {
    expect(lgtinUrnToKey(urn)).toBeNull();
  });

  it.each(['urn:epc:class:lgtin:4012345.012345.998877', 'urn:epc:idpat:sgtin:4012345.098765.*', 'urn:epc:id:sgtin:4012345.0123456.1'])(
    'sgtinUrnToKey refuses %j',
    (urn) => {
      expect(sgtinUrnToKey(urn)).toBeNull();
    },
  );
});
