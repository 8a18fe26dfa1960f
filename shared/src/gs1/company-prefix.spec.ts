import { describe, expect, it } from '@jest/globals';
import { gs1CheckDigit } from './check-digit.js';
import { displayPrefix, isUnderPrefix, overlappingPrefixes, parseCompanyPrefix, prefixOfGtin, prefixesOverlap } from './company-prefix.js';
import { parseGtin } from './gtin.js';

const gtin14 = (input: string) => {
  const parsed = parseGtin(input);
  if (!parsed.ok) throw new Error(`bad test GTIN ${input}`);
  return parsed.gtin14;
};

describe('parseCompanyPrefix', () => {
  it('accepts a GS1 company prefix of 4 to 12 digits as it is, ignoring printed spaces', () => {
    expect(parseCompanyPrefix('8938512')).toEqual({ ok: true, prefix: '8938512' });
    expect(parseCompanyPrefix(' 893 8512 ')).toEqual({ ok: true, prefix: '8938512' });
    expect(parseCompanyPrefix('0614')).toEqual({ ok: true, prefix: '0614' });
    expect(parseCompanyPrefix('893851200011')).toEqual({ ok: true, prefix: '893851200011' });
  });

  it('refuses fewer than 4 digits, more than 13, and non-digits', () => {
    for (const input of ['', '893', '89385120001145', '89385A2', '893-8512'])
      expect(parseCompanyPrefix(input)).toEqual({ ok: false, problem: 'format' });
  });

  it('reads 13 digits as one whole GTIN (a GTIN-8 padded with 00000), kept as its 12 data digits', () => {
    expect(parseCompanyPrefix('8938512000114')).toEqual({ ok: true, prefix: '893851200011' });
    const gtin8 = `9638507${gs1CheckDigit('9638507')}`;
    expect(parseCompanyPrefix(`00000${gtin8}`)).toEqual({ ok: true, prefix: `00000${gtin8.slice(0, 7)}` });
    expect(parseCompanyPrefix('8938512000115')).toEqual({ ok: false, problem: 'check_digit' });
  });
});

describe('which GTINs a prefix covers', () => {
  it('matches the GTIN-13 form: the pomelo GTIN 08938512000114 falls under 8938512, in every written form', () => {
    for (const written of ['8938512000114', '08938512000114']) expect(isUnderPrefix(gtin14(written), '8938512')).toBe(true);
    expect(isUnderPrefix(gtin14('8938512000114'), '8938513')).toBe(false);
    // The GS1 prefix 893 alone is not a company prefix, but the rule is the same for any length.
    expect(isUnderPrefix(gtin14('8938512000114'), '893851200011')).toBe(true);
  });

  it('ignores the indicator digit of a GTIN-14 (a case of the same item)', () => {
    const body = '1893851200011';
    const caseGtin = `${body}${gs1CheckDigit(body)}`;
    expect(isUnderPrefix(gtin14(caseGtin), '8938512')).toBe(true);
    expect(isUnderPrefix(gtin14(caseGtin), '893851200011')).toBe(true);
    expect(isUnderPrefix(gtin14(caseGtin), '1893')).toBe(false);
  });

  it('matches a GTIN-12 (U.P.C.) under its GCP with the leading 0, as GS1 writes U.P.C. company prefixes', () => {
    expect(isUnderPrefix(gtin14('614141000036'), '0614141')).toBe(true);
    expect(isUnderPrefix(gtin14('614141000036'), '614141')).toBe(false);
  });

  it('owns a GTIN-8 only through a claim of that whole GTIN-8', () => {
    const gtin8 = `9638507${gs1CheckDigit('9638507')}`;
    const claim = parseCompanyPrefix(`00000${gtin8}`);
    if (!claim.ok) throw new Error('claim refused');
    expect(isUnderPrefix(gtin14(gtin8), claim.prefix)).toBe(true);
    expect(isUnderPrefix(gtin14(gtin8), '9638')).toBe(false);
    const other = `9638508${gs1CheckDigit('9638508')}`;
    expect(isUnderPrefix(gtin14(other), claim.prefix)).toBe(false);
    expect(displayPrefix(claim.prefix)).toBe(gtin8);
    expect(displayPrefix('8938512')).toBe('8938512');
  });

  it('names the claim a GTIN falls under', () => {
    expect(prefixOfGtin(gtin14('8938512000114'), ['8936010', '8938512'])).toBe('8938512');
    expect(prefixOfGtin(gtin14('8938512000114'), ['8936010'])).toBeNull();
    expect(prefixOfGtin(gtin14('8938512000114'), [])).toBeNull();
  });
});

describe('overlapping claims', () => {
  it('overlap when one starts with the other', () => {
    expect(prefixesOverlap('893851', '8938512')).toBe(true);
    expect(prefixesOverlap('8938512', '8938512')).toBe(true);
    expect(prefixesOverlap('8938512', '8938513')).toBe(false);
    expect(overlappingPrefixes(['8938512', '8936010', '89385120'])).toEqual([['8938512', '89385120']]);
    expect(overlappingPrefixes(['8938512', '8936010'])).toEqual([]);
  });
});
