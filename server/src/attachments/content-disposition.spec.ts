import { describe, expect, it } from '@jest/globals';
import { inlineDisposition } from './content-disposition.js';

describe('inlineDisposition', () => {
  it('keeps a plain name as it is', () => {
    expect(inlineDisposition('report.pdf')).toBe(`inline; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });

  it('gives Vietnamese names an ASCII fallback and the exact name in filename*', () => {
    expect(inlineDisposition('Giấy chứng nhận Đạt.pdf')).toBe(
      `inline; filename="Giay chung nhan Dat.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn%20%C4%90%E1%BA%A1t.pdf`,
    );
  });

  it('cannot be broken out of by quotes, semicolons or line breaks', () => {
    const header = inlineDisposition('a";\r\nX-Evil: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
