import { describe, expect, it } from '@jest/globals';
import { checkDigitVectors } from '../../../test/support/gs1-vectors.js';
import { isValidGln } from './gln.js';

const vectors = checkDigitVectors;

// A GLN has the GTIN-13 shape, so the 13-digit vectors are GLN vectors too; every other length
// must be refused whatever its check digit says.
const thirteenDigits = vectors.filter((vector) => vector.length === 13);
const otherLengths = vectors.filter((vector) => vector.length !== 13);

describe('isValidGln', () => {
  it('uses every vector', () => {
    expect(thirteenDigits.length + otherLengths.length).toBe(vectors.length);
    expect(thirteenDigits).toHaveLength(3);
  });

  it.each(thirteenDigits)('says $valid for $value', (vector) => {
    expect(isValidGln(vector.value)).toBe(vector.valid);
  });

  it.each(otherLengths)('refuses the $length-digit $value', (vector) => {
    expect(isValidGln(vector.value)).toBe(false);
  });

  it('does not trim or strip anything', () => {
    expect(isValidGln(' 0123456789128')).toBe(false);
    expect(isValidGln('012345678912A')).toBe(false);
  });
});
