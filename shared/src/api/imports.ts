import { LOT_CODE_RULE } from '../gs1/lot-code.js';
import type { LocalizedText } from '../i18n/locale.js';

/** What a spreadsheet can bring in: new batches, or stages recorded on existing batches. */
export const IMPORT_KINDS = ['batches', 'events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** One file: at most this many bytes and data rows (a season of a large cooperative fits). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;

/** A column of an import file: its stable key (the template's header) and what it holds, in both languages. */
export interface ImportColumn {
  key: string;
  required: boolean;
  label: LocalizedText;
  help: LocalizedText;
  example: string;
}

const DATE_HELP = { vi: 'Ngày dạng DD/MM/YYYY hoặc YYYY-MM-DD', en: 'A date as DD/MM/YYYY or YYYY-MM-DD' };
const UNIT_HELP = {
  vi: 'Mã UN/CEFACT (KGM, LTR, H87...) hoặc tên (kg, lít, cái, hộp...)',
  en: 'A UN/CEFACT code (KGM, LTR, H87...) or a name (kg, litre, piece, box...)',
};
const LOCATION_HELP = { vi: 'Tên hoặc mã GLN của một địa điểm của doanh nghiệp', en: 'The name or GLN of one of your locations' };
const PRODUCT_HELP = { vi: 'Mã GTIN hoặc tên một sản phẩm của doanh nghiệp', en: 'The GTIN or the name of one of your products' };

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  batches: [
    { key: 'product', required: true, label: { vi: 'Sản phẩm', en: 'Product' }, help: PRODUCT_HELP, example: 'Bưởi Phúc Trạch' },
    {
      key: 'lot_code',
      required: true,
      label: { vi: 'Mã lô', en: 'Lot code' },
      help: LOT_CODE_RULE,
      example: 'PT-2026-01',
    },
    {
      key: 'display_name',
      required: false,
      label: { vi: 'Tên lô', en: 'Batch name' },
      help: { vi: 'Tên dễ đọc, có thể viết tiếng Việt có dấu', en: 'A readable name; Vietnamese text is fine' },
      example: 'Bưởi vụ thu 2026',
    },
    {
      key: 'production_date',
      required: true,
      label: { vi: 'Ngày sản xuất', en: 'Production date' },
      help: DATE_HELP,
      example: '01/10/2026',
    },
    { key: 'expiry_date', required: false, label: { vi: 'Hạn sử dụng', en: 'Expiry date' }, help: DATE_HELP, example: '31/12/2026' },
    { key: 'best_before_date', required: false, label: { vi: 'Sử dụng tốt nhất trước', en: 'Best before' }, help: DATE_HELP, example: '' },
    {
      key: 'quantity',
      required: false,
      label: { vi: 'Số lượng', en: 'Quantity' },
      help: { vi: 'Số dương; phần thập phân viết sau dấu chấm hoặc dấu phẩy', en: 'A positive number; decimals after a point or a comma' },
      example: '1200',
    },
    { key: 'unit', required: false, label: { vi: 'Đơn vị', en: 'Unit' }, help: UNIT_HELP, example: 'kg' },
    {
      key: 'origin_location',
      required: false,
      label: { vi: 'Nơi sản xuất', en: 'Origin location' },
      help: LOCATION_HELP,
      example: 'Vườn bưởi Phúc Trạch',
    },
  ],
  events: [
    {
      key: 'lot_code',
      required: true,
      label: { vi: 'Mã lô', en: 'Lot code' },
      help: {
        vi: 'Mã lô đã có trên cổng (của doanh nghiệp, hoặc đã được gửi đến doanh nghiệp)',
        en: 'A lot already on the portal (yours, or one shipped to you)',
      },
      example: 'PT-2026-01',
    },
    {
      key: 'product',
      required: false,
      label: { vi: 'Sản phẩm', en: 'Product' },
      help: {
        vi: 'GTIN hoặc tên sản phẩm; chỉ cần khi nhiều sản phẩm có cùng mã lô',
        en: 'GTIN or product name; needed only when several products share the lot code',
      },
      example: '',
    },
    {
      key: 'stage',
      required: true,
      label: { vi: 'Công đoạn', en: 'Stage' },
      help: {
        vi: 'Gieo trồng, Chăm sóc, Thu hoạch, Sơ chế, Đóng gói, Kiểm nghiệm, Lưu kho, Vận chuyển, Nhận hàng, Bán lẻ (hoặc tên tiếng Anh). Chế biến không nhập theo dòng được: hãy dùng biểu mẫu chế biến',
        en: 'Planting, Growing, Harvesting, Preprocessing, Packing, Inspection, Storage, Shipping, Receiving, Retail (or the Vietnamese name). Processing cannot be imported row by row: use the processing form',
      },
      example: 'Thu hoạch',
    },
    {
      key: 'event_time',
      required: true,
      label: { vi: 'Thời gian', en: 'Time' },
      help: {
        vi: 'DD/MM/YYYY HH:mm (giờ Việt Nam), hoặc ISO 8601 có múi giờ',
        en: 'DD/MM/YYYY HH:mm (Vietnam time), or ISO 8601 with an offset',
      },
      example: '15/10/2026 07:30',
    },
    { key: 'location', required: false, label: { vi: 'Địa điểm', en: 'Location' }, help: LOCATION_HELP, example: 'Vườn bưởi Phúc Trạch' },
    {
      key: 'quantity',
      required: false,
      label: { vi: 'Số lượng', en: 'Quantity' },
      help: { vi: 'Số dương', en: 'A positive number' },
      example: '800',
    },
    { key: 'unit', required: false, label: { vi: 'Đơn vị', en: 'Unit' }, help: UNIT_HELP, example: 'kg' },
    {
      key: 'party',
      required: false,
      label: { vi: 'Bên nhận / bên giao', en: 'Receiving / sending party' },
      help: {
        vi: 'Vận chuyển: bên nhận; Nhận hàng: bên giao. Mã số thuế của doanh nghiệp trên cổng, hoặc tên',
        en: 'Shipping: the receiver; Receiving: the sender. The tax code of a business on the portal, or a name',
      },
      example: '',
    },
    {
      key: 'document_type',
      required: false,
      label: { vi: 'Loại chứng từ', en: 'Document type' },
      help: {
        vi: 'inv (hóa đơn), desadv (phiếu giao hàng), po (đơn đặt hàng), bol (vận đơn), cert, testres...',
        en: 'inv (invoice), desadv (delivery note), po (purchase order), bol (bill of lading), cert, testres...',
      },
      example: '',
    },
    {
      key: 'document_id',
      required: false,
      label: { vi: 'Số chứng từ', en: 'Document number' },
      help: { vi: 'Số của chứng từ đã chọn loại', en: 'The number of the document whose type is given' },
      example: '',
    },
    {
      key: 'passed',
      required: false,
      label: { vi: 'Đạt', en: 'Passed' },
      help: { vi: 'Chỉ cho Kiểm nghiệm: Đạt / Không đạt (hoặc có / không)', en: 'Inspection only: yes / no (or passed / failed)' },
      example: '',
    },
    {
      key: 'note',
      required: false,
      label: { vi: 'Ghi chú', en: 'Note' },
      help: { vi: 'Tối đa 2000 ký tự', en: 'At most 2000 characters' },
      example: 'Thu hái buổi sáng',
    },
  ],
};

/** Where a problem in a file is: a cell (row and column), a whole row, a column of the header, or the file. */
export interface ImportProblemPlace {
  /** The spreadsheet's row number: the header is row 1. */
  row?: number;
  column?: string;
}

/**
 * A rejected file answers 422 in the one error shape; each `fieldErrors` key names the place,
 * `row 3, column lot_code`, `row 3`, `column unit` or `file`, so a client can lay them out as a table.
 */
export function importProblemKey({ row, column }: ImportProblemPlace): string {
  if (row !== undefined && column) return `row ${row}, column ${column}`;
  if (row !== undefined) return `row ${row}`;
  return column ? `column ${column}` : 'file';
}

export function parseImportProblemKey(key: string): ImportProblemPlace {
  const match = /^(?:row (\d+))?(?:, )?(?:column (.+))?$/.exec(key);
  if (!match || key === 'file') return {};
  return { ...(match[1] ? { row: Number(match[1]) } : {}), ...(match[2] ? { column: match[2] } : {}) };
}

/** A file that passed the check (nothing stored). */
export interface ImportCheckResult {
  kind: ImportKind;
  rows: number;
}

export const IMPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export interface ImportJobView {
  id: string;
  businessId: string;
  kind: ImportKind;
  status: ImportJobStatus;
  totalRows: number;
  /** Rows written so far; every row once done, none after a failure (all were rolled back). */
  processedRows: number;
  /** The batches created (batches) or recorded on (events). */
  batches: { id: string; lotCode: string }[];
  /**
   * Why the run stopped, at which row; nothing of the file was stored. No row when its runs kept
   * being cut off (their server process stopped each time): the message says so.
   */
  failure: { row: number | null; message: LocalizedText } | null;
  createdAt: string;
  finishedAt: string | null;
}
