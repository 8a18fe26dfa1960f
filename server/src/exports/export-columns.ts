import { localize, type ExportColumnSet, type Locale, type LocalizedText } from '@nguon/shared';
import { stageName, type ExportRow } from './export-row.js';

export type CellValue = string | number | Date | null;

/** A column of the spreadsheet: its header and explanation in both languages, what it holds, the rule it answers to. */
export interface ExportColumn {
  label: LocalizedText;
  description: LocalizedText;
  /** Where the column's content is required: the 21 CFR paragraphs (a citation), or the Vietnamese texts. */
  basis: LocalizedText | string;
  kind: 'text' | 'number' | 'datetime';
  width: number;
  value: (row: ExportRow, locale: Locale) => CellValue;
  /** For datetime columns: the offset the time is shown in. */
  offset?: (row: ExportRow) => string;
}

/** A table the glossary adds after the columns' explanations (the critical tracking events, the texts followed). */
export interface GlossaryTable {
  heading: LocalizedText[];
  rows: (LocalizedText | string)[][];
}

/** One way of writing the spreadsheet: its columns in order, and what its glossary adds. */
export interface ColumnSet {
  name: ExportColumnSet;
  columns: ExportColumn[];
  /** The glossary's heading over the columns' `basis`. */
  basisHeading: LocalizedText;
  tables: GlossaryTable[];
}

/** A glossary cell in the language: a text of both languages, or one that is the same in both (a citation). */
export const cellText = (value: LocalizedText | string, locale: Locale) => (typeof value === 'string' ? value : localize(value, locale));

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

const YES_NO: Record<'yes' | 'no', LocalizedText> = { yes: { vi: 'có', en: 'yes' }, no: { vi: 'không', en: 'no' } };
const LIST_SEPARATOR = '; ';

/** Several values in one cell, each once. */
export const listed = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].join(LIST_SEPARATOR);

/**
 * The columns both sets have, by what they hold: the time, the stage, the lot and product codes,
 * the business and place codes, the quantity, the reference documents, the record. Each set places
 * them and may name and explain them its own way (`label`, `description`, `basis`).
 */
export const COMMON_COLUMNS = {
  eventTime: {
    label: { vi: 'Ngày giờ sự kiện', en: 'Event Date and Time' },
    kind: 'datetime',
    width: 20,
    description: {
      vi: 'Thời điểm sự kiện xảy ra, theo giờ địa phương nơi ghi nhận (xem cột múi giờ).',
      en: 'When the event happened, in local time where it was recorded (see the offset column).',
    },
    value: (r) => r.eventTime,
    offset: (r) => r.eventTimeZoneOffset,
  },
  timeZone: {
    label: { vi: 'Múi giờ', en: 'Time Zone Offset' },
    kind: 'text',
    width: 10,
    description: {
      vi: 'Múi giờ nơi ghi nhận, ví dụ UTC+07:00 là giờ Việt Nam.',
      en: 'The time zone where it was recorded, e.g. UTC+07:00 is Vietnam time.',
    },
    // "UTC+07:00" rather than "+07:00", which a spreadsheet would read as a time or a formula.
    value: (r) => `UTC${r.eventTimeZoneOffset}`,
  },
  stage: {
    label: { vi: 'Công đoạn', en: 'Stage' },
    kind: 'text',
    width: 18,
    description: { vi: 'Tên công đoạn trên cổng Nguồn.', en: 'The stage as the Nguồn portal names it.' },
    value: (r, locale) => stageName(r, locale),
  },
  lotCode: {
    label: { vi: 'Số lô', en: 'Lot code' },
    kind: 'text',
    width: 18,
    description: {
      vi: 'Mã lô (GS1 AI 10) của lô hàng mà dòng này ghi nhận; với chế biến là lô mới làm ra.',
      en: 'The lot code (GS1 AI 10) the row is about; for processing, the new lot made.',
    },
    value: (r) => r.lot?.lotCode ?? null,
  },
  gtin: {
    label: { vi: 'Mã GTIN', en: 'GTIN' },
    kind: 'text',
    width: 16,
    description: {
      vi: 'Mã sản phẩm GS1 (GTIN, 14 chữ số), nếu sản phẩm có.',
      en: "The product's GS1 trade item number (GTIN, 14 digits), when it has one.",
    },
    value: (r) => r.lot?.gtin?.trim() ?? null,
  },
  business: {
    label: { vi: 'Doanh nghiệp ghi nhận', en: 'Business' },
    kind: 'text',
    width: 28,
    description: { vi: 'Doanh nghiệp đã ghi nhận sự kiện.', en: 'The business that recorded the event.' },
    value: (r) => r.place.party?.name ?? null,
  },
  taxCode: {
    label: { vi: 'Mã số thuế', en: 'Tax code' },
    kind: 'text',
    width: 14,
    description: { vi: 'Mã số thuế của doanh nghiệp ghi nhận.', en: "The recording business's tax code." },
    value: (r) => r.taxCode,
  },
  locationGln: {
    label: { vi: 'Mã GLN địa điểm', en: 'Location GLN' },
    kind: 'text',
    width: 15,
    description: {
      vi: 'Mã địa điểm toàn cầu GS1 (13 chữ số) của nơi sự kiện diễn ra, nếu có.',
      en: 'The GS1 Global Location Number (13 digits) of where the event took place, when there is one.',
    },
    value: (r) => r.place.site?.gln ?? null,
  },
  quantity: {
    label: { vi: 'Số lượng', en: 'Quantity' },
    kind: 'number',
    width: 10,
    description: { vi: 'Số lượng của lô trong sự kiện này.', en: "The lot's quantity in this event." },
    value: (r) => r.lot?.quantity ?? null,
  },
  unit: {
    label: { vi: 'Đơn vị tính', en: 'Unit of Measure' },
    kind: 'text',
    width: 10,
    description: {
      vi: 'Mã đơn vị UN/CEFACT (KGM = kg, LTR = lít, H87 = cái, XBX = hộp...).',
      en: 'UN/CEFACT unit code (KGM = kilogram, LTR = litre, H87 = piece, XBX = box...).',
    },
    value: (r) => r.lot?.unit ?? null,
  },
  documentType: {
    label: { vi: 'Loại chứng từ', en: 'Reference Document Type' },
    kind: 'text',
    width: 14,
    description: {
      vi: 'Loại chứng từ tham chiếu theo CBV: po (đơn đặt hàng), inv (hóa đơn), desadv (phiếu giao hàng), bol (vận đơn)...',
      en: 'The reference document type (CBV): po (purchase order), inv (invoice), desadv (despatch advice), bol (bill of lading)...',
    },
    value: (r) => listed(r.documents.map((d) => d.type)),
  },
  documentNumber: {
    label: { vi: 'Số chứng từ', en: 'Reference Document Number' },
    kind: 'text',
    width: 18,
    description: { vi: 'Số của chứng từ tham chiếu.', en: "The reference document's number." },
    value: (r) => listed(r.documents.map((d) => d.id)),
  },
  eventId: {
    label: { vi: 'Mã sự kiện', en: 'Event ID' },
    kind: 'text',
    width: 40,
    description: {
      vi: 'Mã định danh của sự kiện EPCIS; tìm được trong tệp EPCIS và qua /epcis/events.',
      en: 'The EPCIS event identifier; found in the EPCIS file and through /epcis/events.',
    },
    value: (r) => r.eventId,
  },
  recordTime: {
    label: { vi: 'Thời điểm lưu (UTC)', en: 'Record Time (UTC)' },
    kind: 'datetime',
    width: 20,
    description: { vi: 'Khi cổng Nguồn lưu sự kiện, theo giờ UTC.', en: 'When the Nguồn portal stored the event, in UTC.' },
    value: (r) => r.recordTime,
    offset: () => '+00:00',
  },
  errorDeclared: {
    label: { vi: 'Đã báo sai', en: 'Error Declared' },
    kind: 'text',
    width: 16,
    description: {
      vi: '"có" kèm lý do (did_not_occur: không xảy ra; incorrect_data: sai dữ liệu) khi doanh nghiệp đã báo sự kiện này sai; "không" nếu không.',
      en: '"yes" with the reason (did_not_occur, incorrect_data) when the business declared the event wrong; "no" otherwise.',
    },
    value: (r, locale) => (r.errorDeclared ? `${YES_NO.yes[locale]} (${r.errorDeclared})` : YES_NO.no[locale]),
  },
} satisfies Record<string, Omit<ExportColumn, 'basis'>>;
