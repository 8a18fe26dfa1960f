import { describe, expect, it } from '@jest/globals';
import { cleanFileName, safeFileName } from './file-name.js';

describe('safeFileName', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['isolates and marks', '\u2066a\u2067b\u2068c\u2069\u200E\u200F\u061Cd.pdf', 'abcd.pdf'],
    ['embeddings and pops', '\u202Ax\u202By\u202Cz\u202D.pdf', 'xyz.pdf'],
    ['C0 and C1 controls', 'a\u0000b\u0007c\u001Fd\u007Fe\u0085f.pdf', 'abcdef.pdf'],
    ['line separators', 'a\u2028b\u2029c.pdf', 'abc.pdf'],
  ])('removes %s', (_what, name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it('keeps Vietnamese letters and ordinary punctuation', () => {
    expect(safeFileName('Giấy chứng nhận VietGAP (2026).pdf')).toBe('Giấy chứng nhận VietGAP (2026).pdf');
  });
});

describe('cleanFileName', () => {
  it('keeps only the last path part', () => {
    expect(cleanFileName('C:\\Users\\x\\..\\report.pdf')).toBe('report.pdf');
  });

  it('is null when nothing printable is left', () => {
    expect(cleanFileName(' \u202E\u0000 ')).toBeNull();
  });
});
