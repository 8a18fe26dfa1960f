import { describe, expect, it } from '@jest/globals';
import { contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('keeps a plain name as it is', () => {
    expect(contentDisposition('inline', 'report.pdf')).toBe(`inline; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  });

  it('gives Vietnamese names an ASCII fallback and the exact name in filename*', () => {
    expect(contentDisposition('attachment', 'Giấy chứng nhận Đạt.pdf')).toBe(
      `attachment; filename="Giay chung nhan Dat.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn%20%C4%90%E1%BA%A1t.pdf`,
    );
  });

  it('cannot be broken out of by quotes, semicolons or line breaks', () => {
    const header = contentDisposition('inline', 'a";\r\nX-Evil: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });

  it('drops bidi marks, so a name cannot pretend to end in another extension', () => {
    expect(contentDisposition('attachment', 'invoice\u202Efdp.exe')).toBe(
      `attachment; filename="invoicefdp.exe"; filename*=UTF-8''invoicefdp.exe`,
    );
  });
});
