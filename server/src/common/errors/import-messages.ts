import type { LocalizedText } from '@nguon/shared';

/** What a spreadsheet's cell may name by name or code. */
const REFERENCES: Record<'product' | 'location', LocalizedText> = {
  product: { vi: 'sản phẩm', en: 'product' },
  location: { vi: 'địa điểm', en: 'location' },
};

/**
 * The imports' rule messages, used as `RULE_MESSAGES.imports`: why a file cannot be read, and what
 * is wrong at a row or column of it. Values a person wrote in a cell are quoted as written.
 */
export const IMPORT_MESSAGES = {
  unsupportedFile: { vi: 'Hãy gửi tệp CSV (text/csv) hoặc Excel (.xlsx).', en: 'Send a CSV (text/csv) or Excel (.xlsx) file.' },
  stopped: (attempts: number, written: number) =>
    written
      ? {
          vi: `Lượt nhập đã dừng giữa chừng ${attempts} lần (máy chủ chạy nó ngừng hoặc gặp lỗi); ${written} dòng đầu đã được lưu, các dòng sau thì chưa. Hãy nhập các dòng còn lại.`,
          en: `The import stopped part-way ${attempts} times (the server running it stopped or failed); its first ${written} rows were stored, the rest were not. Import the remaining rows.`,
        }
      : {
          vi: `Lượt nhập đã dừng giữa chừng ${attempts} lần (máy chủ chạy nó ngừng hoặc gặp lỗi); không dòng nào được lưu. Hãy nhập lại tệp.`,
          en: `The import stopped part-way ${attempts} times (the server running it stopped or failed); no row was stored. Import the file again.`,
        },

  // The file as a whole: its size, its encoding, its header.
  tooManyRows: (max: number) => ({
    vi: `Tối đa ${max} dòng mỗi tệp; hãy chia nhỏ tệp.`,
    en: `At most ${max} rows per file; split the file.`,
  }),
  tooManyColumns: (max: number) => ({
    vi: `Tối đa ${max} cột mỗi dòng: tệp có ô ở cột sau đó.`,
    en: `At most ${max} columns per row: the file has a cell beyond that.`,
  }),
  cellTooLong: (max: number) => ({
    vi: `Mỗi ô tối đa ${max} ký tự: tệp có ô dài hơn.`,
    en: `At most ${max} characters per cell: the file has a longer one.`,
  }),
  unpacksTooLarge: (megabytes: number) => ({
    vi: `Tệp Excel giải nén ra hơn ${megabytes} MB (giới hạn dung lượng giải nén); hãy chia nhỏ tệp.`,
    en: `The Excel file unpacks to more than ${megabytes} MB (the uncompressed size limit); split the file.`,
  }),
  tooSlow: (seconds: number) => ({
    vi: `Đọc tệp mất hơn ${seconds} giây (giới hạn thời gian); hãy chia nhỏ tệp.`,
    en: `Reading the file took more than ${seconds} seconds (the time limit); split the file.`,
  }),
  tooMuchMemory: (megabytes: number) => ({
    vi: `Đọc tệp cần hơn ${megabytes} MB bộ nhớ (giới hạn bộ nhớ); hãy chia nhỏ tệp.`,
    en: `Reading the file needs more than ${megabytes} MB of memory (the memory limit); split the file.`,
  }),
  csvNotUtf8: {
    vi: 'Tệp CSV không phải UTF-8: trong Excel hãy lưu dạng "CSV UTF-8"',
    en: 'The CSV is not UTF-8: in Excel, save as "CSV UTF-8"',
  },
  csvUnreadable: (code: string) => ({ vi: `Không đọc được tệp CSV (${code})`, en: `The CSV cannot be read (${code})` }),
  xlsxUnreadable: { vi: 'Không đọc được tệp Excel (.xlsx)', en: 'The Excel file (.xlsx) cannot be read' },
  noHeaderRow: { vi: 'Tệp không có dòng tiêu đề', en: 'The file has no header row' },
  noDataRows: { vi: 'Tệp không có dòng dữ liệu nào', en: 'The file has no data rows' },
  unknownColumn: (title: string) => ({ vi: `Cột "${title}" không có trong mẫu`, en: `The template has no column "${title}"` }),
  requiredColumnMissing: { vi: 'Thiếu cột bắt buộc này', en: 'This required column is missing' },
  columnRepeated: { vi: 'Cột này có nhiều lần', en: 'This column appears more than once' },
  rowWiderThanHeader: { vi: 'Dòng có nhiều ô hơn tiêu đề', en: 'The row has more cells than the header' },

  // One cell, read as the form would read it.
  requiredCellEmpty: { vi: 'Ô bắt buộc này đang trống', en: 'This required cell is empty' },
  notADate: (text: string) => ({ vi: `"${text}" không phải ngày hợp lệ (DD/MM/YYYY)`, en: `"${text}" is not a valid date (DD/MM/YYYY)` }),
  notATime: (text: string) => ({ vi: `"${text}" không phải thời gian hợp lệ`, en: `"${text}" is not a valid time` }),
  notALocalTime: (text: string) => ({
    vi: `"${text}" không phải thời gian hợp lệ (DD/MM/YYYY HH:mm)`,
    en: `"${text}" is not a valid time (DD/MM/YYYY HH:mm)`,
  }),
  notAQuantity: (text: string) => ({ vi: `"${text}" không phải số lượng dương`, en: `"${text}" is not a positive quantity` }),
  unknownUnit: (text: string, codes: readonly string[]) => ({
    vi: `Không rõ đơn vị "${text}": dùng ${codes.join(', ')}`,
    en: `Unknown unit "${text}": use ${codes.join(', ')}`,
  }),
  notYesOrNo: (text: string) => ({ vi: `"${text}": ghi Đạt hoặc Không đạt`, en: `"${text}": write yes or no` }),
  unknownStage: (text: string) => ({ vi: `Không rõ công đoạn "${text}"`, en: `Unknown stage "${text}"` }),
  processingByRow: {
    vi: 'Chế biến không nhập theo dòng được (cần nhiều lô đầu vào): hãy dùng biểu mẫu chế biến',
    en: 'Processing cannot be imported row by row (it takes several input batches): use the processing form',
  },
  registrationByRow: {
    vi: 'Lô mới được tạo bằng tệp nhập lô hàng, không phải tệp sự kiện',
    en: 'New batches come from a batch import, not an event import',
  },
  unknownReference: (kind: 'product' | 'location', text: string) => ({
    vi: `Doanh nghiệp không có ${REFERENCES[kind].vi} "${text}"`,
    en: `You have no ${REFERENCES[kind].en} "${text}"`,
  }),
  ambiguousReference: (kind: 'product' | 'location', text: string) => ({
    vi: `Có nhiều ${REFERENCES[kind].vi} tên "${text}": hãy dùng mã GTIN/GLN`,
    en: `Several ${REFERENCES[kind].en}s are called "${text}": use the GTIN/GLN`,
  }),

  // A row of a batch file.
  beforeProductionDate: { vi: 'Không được trước ngày sản xuất', en: 'Must not be before the production date' },
  sameLotAsRow: (row: number) => ({ vi: `Trùng với dòng ${row}`, en: `Same product and lot code as row ${row}` }),
  lotCodeTaken: { vi: 'Sản phẩm này đã có lô với mã lô này', en: 'This product already has a batch with this lot code' },

  // A row of an event file.
  /** `suggestion`: the corrected code (by the lot-code rule) of a batch that does exist. */
  unknownLot: (lotCode: string, suggestion: string | null) => ({
    vi: `Không có lô "${lotCode}" của doanh nghiệp hoặc được gửi đến doanh nghiệp${suggestion ? ` (có phải lô ${suggestion}?)` : ''}`,
    en: `No batch "${lotCode}" of yours or shipped to you${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  }),
  lotOfSeveralProducts: (lotCode: string) => ({
    vi: `Nhiều sản phẩm có lô "${lotCode}": hãy điền cột product`,
    en: `Several products have a lot "${lotCode}": fill in the product column`,
  }),
  timeInFuture: { vi: 'Thời gian ở tương lai', en: 'The time is in the future' },
  producerOnlyStage: { vi: 'Chỉ bên sản xuất lô mới ghi công đoạn này', en: "Only the batch's producer records this stage" },
  batchRecalled: { vi: 'Lô hàng đã bị thu hồi', en: 'The batch has been recalled' },
  onlyForInspecting: { vi: 'Chỉ dùng cho Kiểm nghiệm', en: 'Only for the inspecting stage' },
  onlyForShipments: { vi: 'Chỉ dùng cho Vận chuyển và Nhận hàng', en: 'Only for shipping and receiving' },
  shippingNeedsParty: { vi: 'Vận chuyển cần ghi bên nhận hàng', en: 'Shipping needs the receiving party' },
  unknownTaxCode: (taxCode: string) => ({
    vi: `Không có doanh nghiệp mã số thuế ${taxCode} trên cổng: hãy ghi tên`,
    en: `No business with tax code ${taxCode} on the portal: write its name`,
  }),
  cannotShipToItself: { vi: 'Doanh nghiệp không thể gửi hàng cho chính mình', en: 'A business cannot ship to itself' },
  documentPair: { vi: 'Cần cả loại và số chứng từ', en: 'Both the document type and number are needed' },
  sameAsRow: (row: number) => ({ vi: `Trùng hoàn toàn với dòng ${row}`, en: `The same as row ${row}` }),
};
