import { describe, expect, it } from '@jest/globals';
import { checkDigitVectors } from '../../../test/support/gs1-vectors.js';
import { gs1CheckDigit, hasValidCheckDigit } from './check-digit.js';

const vectors = checkDigitVectors;

describe('gs1CheckDigit', () => {
  it('reads the whole vector file', () => {
    expect(vectors).toHaveLength(18);
  });

  it.each(vectors)('computes $expectedCheckDigit for the data digits of $value', (vector) => {
    expect(gs1CheckDigit(vector.value.slice(0, -1))).toBe(vector.expectedCheckDigit);
  });

  it('rejects anything but digits', () => {
    expect(() => gs1CheckDigit('')).toThrow(RangeError);
    expect(() => gs1CheckDigit('12a4')).toThrow(RangeError);
    expect(() => gs1CheckDigit(' 123')).toThrow(RangeError);
  });
});

describe('hasValidCheckDigit', () => {
  it.each(vectors)('says $valid for $value ($length digits)', (vector) => {
    expect(hasValidCheckDigit(vector.value)).toBe(vector.valid);
  });

  it('is false for strings that are not a digit code', () => {
    expect(hasValidCheckDigit('')).toBe(false);
    expect(hasValidCheckDigit('0')).toBe(false);
    expect(hasValidCheckDigit('0123456789128 ')).toBe(false);
    expect(hasValidCheckDigit('012345678912x')).toBe(false);
  });
});
