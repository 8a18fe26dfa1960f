import type { LocalizedText } from '@nguon/shared';
import { CRITICAL_TRACKING_EVENTS } from './critical-tracking-events.js';
import { stageName, type ExportRow } from './export-row.js';

export type CellValue = string | number | Date | null;

/** A column of the spreadsheet: the FDA's name for the key data element, its Vietnamese name, what it holds. */
export interface ExportColumn {
  header: string;
  vi: string;
  description: LocalizedText;
  kind: 'text' | 'number' | 'datetime';
  width: number;
  value: (row: ExportRow) => CellValue;
  /** For datetime columns: the offset the time is shown in. */
  offset?: (row: ExportRow) => string;
}

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The wall-clock time at the event's place: the instant moved by its offset (shown as if UTC). */
export function localTime(instant: Date, offset: string): Date {
  const match = OFFSET.exec(offset);
  if (!match) return instant;
  const minutes = (Number(match[2]) * 60 + Number(match[3])) * (match[1] === '-' ? -1 : 1);
  return new Date(instant.getTime() + minutes * 60_000);
}

/** ISO 8601 with the offset the business recorded (`2026-03-01T08:30:00+07:00`): sortable, exact. */
export function isoWithOffset(instant: Date, offset: string): string {
  const local = localTime(instant, offset).toISOString();
  const seconds = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  return `${seconds}${OFFSET.test(offset) ? offset : 'Z'}`;
}

/** The columns, in order: one row per critical tracking event (FSMA 204 key data elements, DOMAIN.md §7). */
export const EXPORT_COLUMNS: ExportColumn[] = [
  {
    header: 'Event Date and Time',
    vi: 'Ngày giờ sự kiện',
    kind: 'datetime',
    width: 20,
    description: {
      vi: 'Thời điểm sự kiện xảy ra, theo giờ địa phương nơi ghi nhận (xem cột múi giờ).',
      en: 'When the event happened, in local time where it was recorded (see the offset column).',
    },
    value: (r) => r.eventTime,
    offset: (r) => r.eventTimeZoneOffset,
  },
  {
    header: 'Time Zone Offset',
    vi: 'Múi giờ',
    kind: 'text',
    width: 10,
    description: {
      vi: 'Múi giờ nơi ghi nhận, ví dụ UTC+07:00 là giờ Việt Nam.',
      en: 'The time zone where it was recorded, e.g. UTC+07:00 is Vietnam time.',
    },
    // "UTC+07:00" rather than "+07:00", which a spreadsheet would read as a time or a formula.
    value: (r) => `UTC${r.eventTimeZoneOffset}`,
  },
  {
    header: 'Critical Tracking Event (CTE)',
    vi: 'Sự kiện truy xuất trọng yếu (CTE)',
    kind: 'text',
    width: 24,
    description: {
      vi: 'Loại sự kiện theo FSMA 204; các công đoạn khác ghi là "Other". Xem bảng CTE bên dưới.',
      en: 'The FSMA 204 event type; other stages show "Other". See the CTE table below.',
    },
    value: (r) => CRITICAL_TRACKING_EVENTS[r.cte].en,
  },
  {
    header: 'Stage',
    vi: 'Công đoạn',
    kind: 'text',
    width: 22,
    description: {
      vi: 'Tên công đoạn trên cổng Nguồn (tiếng Việt, kèm tiếng Anh).',
      en: 'The stage as the Nguồn portal names it (Vietnamese, with English).',
    },
    value: (r) => {
      const name = stageName(r);
      return name.vi === name.en ? name.vi : `${name.vi} (${name.en})`;
    },
  },
  {
    header: 'Traceability Lot Code',
    vi: 'Mã lô truy xuất',
    kind: 'text',
    width: 18,
    description: {
      vi: 'Mã lô (GS1 AI 10) của lô hàng mà sự kiện ghi nhận; với chế biến là lô thành phẩm.',
      en: 'The lot code (GS1 AI 10) the event is about; for a transformation, the new lot made.',
    },
    value: (r) => r.lotCode,
  },
  {
    header: 'GTIN',
    vi: 'Mã GTIN',
    kind: 'text',
    width: 16,
    description: {
      vi: 'Mã sản phẩm GS1 (14 chữ số), nếu sản phẩm có.',
      en: "The product's GS1 trade item number (14 digits), when it has one.",
    },
    value: (r) => r.gtin,
  },
  {
    header: 'Product Description (vi)',
    vi: 'Tên sản phẩm (tiếng Việt)',
    kind: 'text',
    width: 28,
    description: { vi: 'Tên sản phẩm bằng tiếng Việt.', en: "The product's name in Vietnamese." },
    value: (r) => r.productVi,
  },
  {
    header: 'Product Description (en)',
    vi: 'Tên sản phẩm (tiếng Anh)',
    kind: 'text',
    width: 28,
    description: { vi: 'Tên sản phẩm bằng tiếng Anh.', en: "The product's name in English." },
    value: (r) => r.productEn,
  },
  {
    header: 'Quantity',
    vi: 'Số lượng',
    kind: 'number',
    width: 10,
    description: {
      vi: 'Số lượng của lô trong sự kiện này; nhiều lô thì liệt kê, cách nhau bởi dấu chấm phẩy.',
      en: "The lot's quantity in this event; several lots are listed, separated by semicolons.",
    },
    value: (r) => r.quantity,
  },
  {
    header: 'Unit of Measure',
    vi: 'Đơn vị tính',
    kind: 'text',
    width: 10,
    description: {
      vi: 'Mã đơn vị UN/CEFACT (KGM = kg, LTR = lít, H87 = cái, XBX = hộp...).',
      en: 'UN/CEFACT unit code (KGM = kilogram, LTR = litre, H87 = piece, XBX = box...).',
    },
    value: (r) => r.unit,
  },
  {
    header: 'Location Description',
    vi: 'Địa điểm',
    kind: 'text',
    width: 24,
    description: {
      vi: 'Tên địa điểm nơi sự kiện diễn ra (vùng trồng, xưởng, kho, cửa hàng).',
      en: 'Where the event took place (farm, factory, warehouse, shop).',
    },
    value: (r) => r.locationName,
  },
  {
    header: 'Location Address',
    vi: 'Địa chỉ địa điểm',
    kind: 'text',
    width: 30,
    description: { vi: 'Địa chỉ và tỉnh/thành của địa điểm.', en: "The location's address and province." },
    value: (r) => r.locationAddress,
  },
  {
    header: 'Location GLN',
    vi: 'Mã GLN địa điểm',
    kind: 'text',
    width: 15,
    description: {
      vi: 'Mã địa điểm toàn cầu GS1 (13 chữ số), nếu có.',
      en: "The location's GS1 Global Location Number (13 digits), when it has one.",
    },
    value: (r) => r.locationGln,
  },
  {
    header: 'Business',
    vi: 'Doanh nghiệp ghi nhận',
    kind: 'text',
    width: 28,
    description: { vi: 'Doanh nghiệp đã ghi nhận sự kiện.', en: 'The business that recorded the event.' },
    value: (r) => r.business,
  },
  {
    header: 'Business Tax Code',
    vi: 'Mã số thuế',
    kind: 'text',
    width: 14,
    description: { vi: 'Mã số thuế của doanh nghiệp ghi nhận.', en: "The recording business's Vietnamese tax code." },
    value: (r) => r.businessTaxCode,
  },
  {
    header: 'Immediate Previous Source',
    vi: 'Nguồn liền trước',
    kind: 'text',
    width: 36,
    description: {
      vi: 'Một bước trước: bên giao hàng (khi nhận hàng) hoặc các lô nguyên liệu đã dùng (khi chế biến).',
      en: 'One step back: who shipped the goods (receiving) or the lots used (transformation).',
    },
    value: (r) => r.previousSource,
  },
  {
    header: 'Immediate Subsequent Recipient',
    vi: 'Bên nhận liền sau',
    kind: 'text',
    width: 28,
    description: { vi: 'Một bước sau: bên nhận hàng (khi vận chuyển).', en: 'One step forward: who the goods were shipped to (shipping).' },
    value: (r) => r.nextRecipient,
  },
  {
    header: 'Reference Document Type',
    vi: 'Loại chứng từ',
    kind: 'text',
    width: 14,
    description: {
      vi: 'Loại chứng từ tham chiếu theo CBV: po (đơn đặt hàng), inv (hóa đơn), desadv (phiếu giao hàng), bol (vận đơn)...',
      en: 'The reference document type (CBV): po (purchase order), inv (invoice), desadv (despatch advice), bol (bill of lading)...',
    },
    value: (r) => r.documentType,
  },
  {
    header: 'Reference Document Number',
    vi: 'Số chứng từ',
    kind: 'text',
    width: 18,
    description: { vi: 'Số của chứng từ tham chiếu.', en: "The reference document's number." },
    value: (r) => r.documentNumber,
  },
  {
    header: 'Event ID',
    vi: 'Mã sự kiện',
    kind: 'text',
    width: 40,
    description: {
      vi: 'Mã định danh của sự kiện EPCIS; tìm được trong tệp EPCIS và qua /epcis/events.',
      en: 'The EPCIS event identifier; found in the EPCIS file and through /epcis/events.',
    },
    value: (r) => r.eventId,
  },
  {
    header: 'Record Time (UTC)',
    vi: 'Thời điểm lưu (UTC)',
    kind: 'datetime',
    width: 20,
    description: { vi: 'Khi cổng Nguồn lưu sự kiện, theo giờ UTC.', en: 'When the Nguồn portal stored the event, in UTC.' },
    value: (r) => r.recordTime,
    offset: () => '+00:00',
  },
  {
    header: 'Error Declared',
    vi: 'Đã báo sai',
    kind: 'text',
    width: 16,
    description: {
      vi: '"yes" kèm lý do (did_not_occur: không xảy ra; incorrect_data: sai dữ liệu) khi doanh nghiệp đã báo sự kiện này sai; "no" nếu không.',
      en: '"yes" with the reason (did_not_occur, incorrect_data) when the business declared the event wrong; "no" otherwise.',
    },
    value: (r) => (r.errorDeclared ? `yes (${r.errorDeclared})` : 'no'),
  },
];
