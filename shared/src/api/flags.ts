import type { LocalizedText } from '../i18n/locale.js';
import type { ReportCategory } from './report.js';

/** The anomalies the portal looks for, as the inspector's list names them. */
export const FLAG_KINDS = {
  unreceived_shipment: { vi: 'Hàng gửi đi chưa được xác nhận nhận', en: 'Shipment without a receipt' },
  outputs_exceed_inputs: { vi: 'Thành phẩm nhiều hơn nguyên liệu', en: 'Outputs exceed inputs' },
  missing_data: { vi: 'Sự kiện thiếu dữ liệu bắt buộc', en: 'Event missing required data' },
  consumer_report: { vi: 'Phản ánh của người tiêu dùng', en: 'Consumer report' },
  improbable_scans: { vi: 'Mã được quét ở nhiều nơi xa nhau', en: 'Code scanned in distant places' },
  mass_balance_exceeded: { vi: 'Xuất nhiều hơn lượng còn lại của lô', en: 'More left a batch than it held' },
} as const satisfies Record<string, LocalizedText>;

export type FlagKind = keyof typeof FLAG_KINDS;
export const FLAG_KIND_NAMES = Object.keys(FLAG_KINDS) as FlagKind[];

export const FLAG_STATUSES = {
  open: { vi: 'Mới', en: 'Open' },
  in_review: { vi: 'Đang xem xét', en: 'In review' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
} as const satisfies Record<string, LocalizedText>;

export type FlagStatus = keyof typeof FLAG_STATUSES;
export const FLAG_STATUS_NAMES = Object.keys(FLAG_STATUSES) as FlagStatus[];

export interface FlagNoteView {
  id: string;
  author: string;
  /** The status the note moved the flag to, if it did. */
  status: FlagStatus | null;
  text: string;
  createdAt: string;
}

export interface FlagView {
  id: string;
  kind: FlagKind;
  status: FlagStatus;
  detectedAt: string;
  updatedAt: string;
  batch: { id: string; lotCode: string; productName: LocalizedText } | null;
  business: { id: string; name: string } | null;
  eventId: string | null;
  /** What was found, in both languages. */
  summary: LocalizedText;
  report: { id: string; category: ReportCategory; message: string; contact: string | null; photoUrl: string | null } | null;
  notes: FlagNoteView[];
}

/** How many flags wait for an inspector: the count beside Flags in the inspector's navigation. */
export interface FlagCounts {
  open: number;
  inReview: number;
}

export interface UpdateFlagRequest {
  status?: FlagStatus;
  note?: string;
}

export interface FlagScanResult {
  /** New flags raised by this run, per kind. */
  raised: Record<FlagKind, number>;
}
