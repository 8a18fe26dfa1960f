import { describe, expect, it } from '@jest/globals';
import { epcToDigitalLink } from '@nguon/shared';
import { digitalLinkGtins, digitalLinkToEpcUrn, formatEpcs, gtinOfDigitalLink, identifierVariants, parseEpcFormat } from './epc-format.js';

/** EPC URNs (company prefix 0614141, 7 digits, as in GS1's examples) and their canonical Digital Links. */
const PAIRS: [string, string][] = [
  ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
  ['urn:epc:class:lgtin:0614141.107346.LOT-7', 'https://id.gs1.org/01/10614141073464/10/LOT-7'],
  ['urn:epc:idpat:sgtin:0614141.107346.*', 'https://id.gs1.org/01/10614141073464'],
  ['urn:epc:id:sscc:0614141.1234567890', 'https://id.gs1.org/00/106141412345678908'],
  ['urn:epc:id:sgln:0614141.12345.400', 'https://id.gs1.org/414/0614141123452/254/400'],
  ['urn:epc:id:sgln:0614141.12345.0', 'https://id.gs1.org/414/0614141123452'],
  ['urn:epc:id:pgln:0614141.12345', 'https://id.gs1.org/417/0614141123452'],
  ['urn:epc:id:sgtin:0614141.107346.A%2FB', 'https://id.gs1.org/01/10614141073464/21/A%2FB'],
];

describe('digitalLinkToEpcUrn', () => {
  it.each(PAIRS)('turns the Digital Link of %s back into it', (urn, link) => {
    expect(epcToDigitalLink(urn)).toBe(link);
    expect(digitalLinkToEpcUrn(link, 7)).toBe(urn);
  });

  it('reads Digital Links on any domain, with a path prefix and a query string', () => {
    expect(digitalLinkToEpcUrn('https://nguon.example/r/01/10614141073464/21/2017?17=271231', 7)).toBe(
      'urn:epc:id:sgtin:0614141.107346.2017',
    );
    expect(digitalLinkToEpcUrn('https://nguon.example/01/10614141073464/10/L%2F1', 7)).toBe('urn:epc:class:lgtin:0614141.107346.L%2F1');
  });

  it('splits the key by the company prefix length given', () => {
    expect(digitalLinkToEpcUrn('https://id.gs1.org/01/08934567000017/10/A1', 9)).toBe('urn:epc:class:lgtin:893456700.0001.A1');
    expect(digitalLinkToEpcUrn('https://id.gs1.org/01/08934567000017/10/A1', 5)).toBeNull();
  });

  it('answers null for anything that is not a Digital Link of a key it knows', () => {
    for (const value of ['urn:nguon:lot:ABCDEFGHJK', 'https://id.gs1.org/8004/0614141ABC', 'https://example.com/products/1', 'not a uri']) {
      expect(digitalLinkToEpcUrn(value, 7)).toBeNull();
    }
  });
});

describe('identifierVariants', () => {
  it('gives a place as written, as its canonical Digital Link and as an SGLN for every prefix length', () => {
    const variants = identifierVariants('https://example.com/414/0614141123452');
    expect(variants).toEqual(
      expect.arrayContaining([
        'https://example.com/414/0614141123452',
        'https://id.gs1.org/414/0614141123452',
        'urn:epc:id:sgln:0614141.12345.0',
        'urn:epc:id:sgln:061414112.345.0',
      ]),
    );
    expect(identifierVariants('urn:epc:id:sgln:0614141.12345.0')).toContain('https://id.gs1.org/414/0614141123452');
    expect(identifierVariants('urn:nguon:location:1')).toEqual(['urn:nguon:location:1']);
  });
});

describe('formatEpcs', () => {
  const event = {
    type: 'AggregationEvent',
    parentID: 'urn:epc:id:sscc:0614141.1234567890',
    childEPCs: ['https://shop.example/01/10614141073464/21/2017'],
    childQuantityList: [
      { epcClass: 'urn:epc:class:lgtin:0614141.107346.LOT-7', quantity: 5 },
      { epcClass: 'https://id.gs1.org/01/09999999999999/10/X' },
    ],
  };
  const prefixes = new Map([['10614141073464', '0614141']]);

  it('writes URNs as canonical Digital Links, leaving Digital Links as they are', () => {
    expect(formatEpcs(event, 'Always_GS1_Digital_Link', () => undefined)).toEqual({
      ...event,
      parentID: 'https://id.gs1.org/00/106141412345678908',
      childQuantityList: [
        { epcClass: 'https://id.gs1.org/01/10614141073464/10/LOT-7', quantity: 5 },
        { epcClass: 'https://id.gs1.org/01/09999999999999/10/X' },
      ],
    });
  });

  it("writes Digital Links as URNs where the GTIN's company prefix is known", () => {
    expect(formatEpcs(event, 'Always_EPC_URN', (gtin) => prefixes.get(gtin))).toEqual({
      ...event,
      childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017'],
    });
    expect(digitalLinkGtins(event)).toEqual(['10614141073464', '09999999999999']);
    expect(gtinOfDigitalLink('https://shop.example/01/10614141073464/21/2017')).toBe('10614141073464');
  });

  it('does not trust a prefix the GTIN does not start with', () => {
    expect(formatEpcs(event, 'Always_EPC_URN', () => '8934567')).toEqual(event);
  });

  it('changes nothing with Never_Translates', () => {
    expect(formatEpcs(event, 'Never_Translates', () => '0614141')).toBe(event);
  });
});

describe('parseEpcFormat', () => {
  it('defaults to Digital Links and refuses what it does not know', () => {
    expect(parseEpcFormat(undefined)).toBe('Always_GS1_Digital_Link');
    expect(parseEpcFormat('always_epc_urn')).toBe('Always_EPC_URN');
    expect(() => parseEpcFormat('Sometimes')).toThrow();
  });
});
