import { describe, expect, it } from '@jest/globals';
import { foldText } from './fold.js';

describe('foldText', () => {
  it('drops tone marks and vowel hooks, and turns đ into d', () => {
    expect(foldText('Hương Khê')).toBe('huong khe');
    expect(foldText('ĐỒNG THÁP đặc sản')).toBe('dong thap dac san');
    expect(foldText('Hợp tác xã Bưởi Phúc Trạch')).toBe('hop tac xa buoi phuc trach');
  });

  it('reads decomposed input the same as composed input', () => {
    expect(foldText('Hương Khê'.normalize('NFD'))).toBe('huong khe');
  });

  it('collapses runs of spaces', () => {
    expect(foldText('  Vũ   Quang ')).toBe('vu quang');
  });
});
