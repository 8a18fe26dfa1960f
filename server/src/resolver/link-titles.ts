import type { LocalizedText } from '@nguon/shared';
import type { LinkType } from './link-types.js';

/** The titles of a code's links, as a linkset gives them in the asked language. */
export const LINK_TITLES: Record<LinkType | 'product', LocalizedText> = {
  defaultLink: { vi: 'Thông tin truy xuất nguồn gốc', en: 'Traceability information' },
  pip: { vi: 'Thông tin sản phẩm', en: 'Product information' },
  traceability: { vi: 'Dữ liệu truy xuất nguồn gốc (JSON)', en: 'Traceability data (JSON)' },
  certificationInfo: { vi: 'Chứng nhận', en: 'Certificates' },
  qrCode: { vi: 'Mã QR', en: 'QR code' },
  product: { vi: 'Sản phẩm', en: 'Product' },
};
