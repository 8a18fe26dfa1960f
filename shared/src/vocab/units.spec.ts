import { describe, expect, it } from '@jest/globals';
import { baseUnitOf, convertQuantity } from './units.js';

describe('unit families', () => {
  it('compares grams and tonnes in kilograms, millilitres in litres, and every other unit in itself', () => {
    expect([baseUnitOf('GRM'), baseUnitOf('TNE'), baseUnitOf('KGM'), baseUnitOf('MLT'), baseUnitOf('XCT')]).toEqual([
      'KGM',
      'KGM',
      'KGM',
      'LTR',
      'XCT',
    ]);
  });

  it('converts within a family, exactly to the stored precision, and never between unrelated units', () => {
    expect(convertQuantity(0.1, 'TNE', 'KGM')).toBe(100);
    expect(convertQuantity(250, 'GRM', 'TNE')).toBe(0.00025);
    expect(convertQuantity(1500, 'MLT', 'LTR')).toBe(1.5);
    expect(convertQuantity(50, 'XCT', 'XCT')).toBe(50);
    expect(convertQuantity(500, 'KGM', 'XCT')).toBeNull();
    expect(convertQuantity(1, 'KGM', 'LTR')).toBeNull();
  });
});
