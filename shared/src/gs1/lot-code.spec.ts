import { describe, expect, it } from '@jest/globals';
import { isValidLotCode, LOT_CODE_MAX_LENGTH, LOT_CODE_RULE, lotCodeProblem, suggestedLotCode, suggestLotCode } from './lot-code.js';

const CSET82_PUNCTUATION = `!"%&'()*+,-./:;<=>?_`;

describe('lotCodeProblem', () => {
  it('accepts letters, digits and every punctuation mark of GS1 character set 82', () => {
    expect(lotCodeProblem('LOT-2026/01')).toBeNull();
    expect(lotCodeProblem('abcXYZ0189')).toBeNull();
    expect(lotCodeProblem(CSET82_PUNCTUATION)).toBeNull();
    expect(isValidLotCode('A')).toBe(true);
  });

  it('reports an empty lot', () => {
    expect(lotCodeProblem('')).toBe('empty');
  });

  it('allows 20 characters and no more', () => {
    expect(LOT_CODE_MAX_LENGTH).toBe(20);
    expect(lotCodeProblem('A'.repeat(20))).toBeNull();
    expect(lotCodeProblem('A'.repeat(21))).toBe('too_long');
  });

  it.each([' ', 'LO 1', 'Lô1', 'đ', 'A#1', 'A@1', 'A~1', 'A$1', 'A[1]', 'A\\1', 'A|1', 'A^1', 'A`1', 'A{1}', 'A\t1'])(
    'refuses "%s" as an invalid character',
    (lot) => {
      expect(lotCodeProblem(lot)).toBe('invalid_character');
      expect(isValidLotCode(lot)).toBe(false);
    },
  );
});

describe('suggestLotCode', () => {
  it.each([
    ['Bưởi Phúc Trạch lô 1/2026', 'BUOI-PHUC-TRACH-LO-1'],
    ['Cam Hương Sơn', 'CAM-HUONG-SON'],
    ['Mật ong Vũ Quang 2026', 'MAT-ONG-VU-QUANG-202'],
    ['Đường đỏ Đức Thọ', 'DUONG-DO-DUC-THO'],
    ['  Nước cam ép - lô 02  ', 'NUOC-CAM-EP-LO-02'],
    ['Lô #3 (xuất khẩu)', 'LO-3-(XUAT-KHAU)'],
    ['Chè xanh "Hồng Lĩnh"', 'CHE-XANH-"HONG-LINH"'],
    ['Gạo ST25 vụ Đông–Xuân', 'GAO-ST25-VU-DONGXUAN'],
    ['Ổi Ế Ữ Ợ Ỹ Ậ', 'OI-E-U-O-Y-A'],
    ['Lô 1 🍊', 'LO-1'],
    ['Trà  hoa\tvàng', 'TRA-HOA-VANG'],
    ['Mã lô 1 ', 'MA-LO-1'],
    ['Thanh long ruột đỏ 1 2', 'THANH-LONG-RUOT-DO-1'],
    ['Thanh long ruột đỏ 1-2', 'THANH-LONG-RUOT-DO-1'],
    ['柚子', ''],
    ['', ''],
  ])('suggests %j -> %j', (name, expected) => {
    const suggestion = suggestLotCode(name);
    expect(suggestion).toBe(expected);
    if (suggestion !== '') expect(lotCodeProblem(suggestion)).toBeNull();
  });

  it('never ends with the separator after cutting at 20 characters', () => {
    expect(suggestLotCode('Thanh long ruột đỏ lô 5')).toBe('THANH-LONG-RUOT-DO-L'); // the cut falls on a letter
    expect(suggestLotCode('Thanh long ruột đỏx lô 5')).toBe('THANH-LONG-RUOT-DOX'); // the 20th character was '-'
  });
});

describe('suggestedLotCode', () => {
  it('offers a valid code for text with spaces or diacritics, and nothing for a code that needs none', () => {
    expect(suggestedLotCode('Bưởi lô 1')).toBe('BUOI-LO-1');
    expect(suggestedLotCode('LÔ 1')).toBe('LO-1');
    expect(suggestedLotCode('PT-2026-01')).toBeNull();
    expect(suggestedLotCode('A'.repeat(21))).toBeNull();
    expect(suggestedLotCode('柚子')).toBeNull();
  });
});

describe('LOT_CODE_RULE', () => {
  it('states the rule the check applies: the length and every punctuation mark allowed, in both languages', () => {
    for (const text of [LOT_CODE_RULE.vi, LOT_CODE_RULE.en]) {
      expect(text).toContain(String(LOT_CODE_MAX_LENGTH));
      expect(text).toContain(CSET82_PUNCTUATION);
    }
  });
});
