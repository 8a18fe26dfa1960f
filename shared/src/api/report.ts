import type { LocalizedText } from '../i18n/locale.js';

/** What a consumer can report about a batch, as the form offers it. */
export const REPORT_CATEGORIES = {
  counterfeit: { vi: 'Nghi hàng giả, mã giả', en: 'Suspected counterfeit or fake code' },
  quality: { vi: 'Chất lượng kém, hư hỏng', en: 'Poor quality or spoiled' },
  labelling: { vi: 'Nhãn sai hoặc thiếu thông tin', en: 'Wrong or missing label information' },
  expired: { vi: 'Hết hạn sử dụng', en: 'Expired' },
  other: { vi: 'Vấn đề khác', en: 'Something else' },
} as const satisfies Record<string, LocalizedText>;

export type ReportCategory = keyof typeof REPORT_CATEGORIES;
export const REPORT_CATEGORY_NAMES = Object.keys(REPORT_CATEGORIES) as ReportCategory[];

/** Photos a consumer may attach: one, small, sent inline as base64. */
export const REPORT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const REPORT_PHOTO_MAX_BYTES = 3 * 1024 * 1024;

export interface ConsumerReportRequest {
  category: ReportCategory;
  message: string;
  /** A phone number or email, only if the consumer wants to be contacted. */
  contact?: string;
  photo?: { contentType: (typeof REPORT_PHOTO_TYPES)[number]; base64: string };
}

export interface ConsumerReportReceipt {
  id: string;
  createdAt: string;
}

/** The visitor's area, rounded to about 10 km before it leaves the phone; shared only on request. */
export interface ScanPlaceRequest {
  /** The `scanToken` of the scan being placed: from the resolver's JSON, or `#scan=` of the page it redirected to. */
  scanToken: string;
  latitude: number;
  longitude: number;
}
