import { describe, expect, it } from '@jest/globals';
import { checkDigitVectors } from '../../../test/support/gs1-vectors.js';
import { isValidGtin, parseGtin, VIETNAM_GS1_PREFIX } from './gtin.js';

const vectors = checkDigitVectors;

// The file mixes GTIN-8/12/13/14 with SSCCs (18 digits, gtin14 null): those must be refused as a format error.
const gtinVectors = vectors.filter((vector) => vector.gtin14 !== null);
const nonGtinVectors = vectors.filter((vector) => vector.gtin14 === null);

describe('parseGtin', () => {
  it('sorts every vector into GTIN or not', () => {
    expect(gtinVectors).toHaveLength(16);
    expect(nonGtinVectors).toHaveLength(2);
  });

  it.each(gtinVectors.filter((vector) => vector.valid))('normalises $value to GTIN-14 $gtin14', (vector) => {
    expect(parseGtin(vector.value)).toEqual({ ok: true, gtin14: vector.gtin14 });
    expect(isValidGtin(vector.value)).toBe(true);
  });

  it.each(gtinVectors.filter((vector) => !vector.valid))('reports a wrong check digit in $value', (vector) => {
    expect(parseGtin(vector.value)).toEqual({ ok: false, problem: 'check_digit' });
    expect(isValidGtin(vector.value)).toBe(false);
  });

  it.each(nonGtinVectors)('refuses the $length-digit $value as a format error', (vector) => {
    expect(parseGtin(vector.value)).toEqual({ ok: false, problem: 'format' });
    expect(isValidGtin(vector.value)).toBe(false);
  });

  it('ignores surrounding whitespace and the spaces of printed digit groups', () => {
    expect(parseGtin('  09506000134352\n')).toEqual({ ok: true, gtin14: '09506000134352' });
    expect(parseGtin('0 12345 67890 5')).toEqual({ ok: true, gtin14: '00012345678905' });
  });

  it('refuses other lengths and non-digits as format errors', () => {
    for (const input of ['', '1234567', '1234565', '01234567890', '012345678901234', '0950600013435X', '0950-6000-1343-52']) {
      expect(parseGtin(input)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('accepts a Vietnamese GTIN-13 (prefix 893)', () => {
    const gtin13 = `${VIETNAM_GS1_PREFIX}6046123453`;
    expect(parseGtin(gtin13)).toEqual({ ok: true, gtin14: `0${gtin13}` });
  });
});
