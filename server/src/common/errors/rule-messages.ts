import { RECEIPT_SHORTFALL_REASONS, UNITS, type LocalizedText, type UnitCode } from '@nguon/shared';
import type { AddressRefusal } from '../outbound/address-policy.js';
import { IMPORT_MESSAGES } from './import-messages.js';

/** A rule message: a fixed text in both languages, or one made from typed values. */
type RuleMessage = LocalizedText | ((...values: never[]) => LocalizedText);

/** The kinds of network an outbound call is refused for. */
const ADDRESS_KINDS: Record<AddressRefusal | 'url', LocalizedText> = {
  loopback: { vi: 'chính máy chủ của hệ thống (loopback)', en: "the portal's own machine (loopback)" },
  unspecified: { vi: 'địa chỉ không xác định (0.0.0.0, ::)', en: 'an unspecified address (0.0.0.0, ::)' },
  private: { vi: 'một mạng nội bộ (private)', en: 'a private network' },
  'link-local': { vi: 'một địa chỉ link-local', en: 'a link-local address' },
  shared: { vi: 'mạng dùng chung của nhà mạng (CGNAT)', en: 'a carrier-grade NAT network' },
  multicast: { vi: 'một địa chỉ multicast', en: 'a multicast address' },
  reserved: { vi: 'một dải địa chỉ dành riêng, không dùng trên Internet', en: 'a reserved range, not used on the internet' },
  metadata: { vi: 'dịch vụ metadata của máy chủ đám mây', en: 'a cloud metadata service' },
  url: { vi: 'một URL không hợp lệ', en: 'not a valid URL' },
};

const request = {
  unsafeText: {
    vi: 'Không được chứa ký tự NUL (\\0) hoặc ký tự Unicode hỏng (nửa cặp surrogate)',
    en: 'must not contain the NUL character (\\0) or broken Unicode (a lone surrogate)',
  },
};

const outbound = {
  /**
   * Why the portal will not call a URL: the host and the kind of network. The address a name
   * resolved to is not said (it is logged): the portal's internal DNS is none of the user's business.
   */
  addressRefused: (host: string, kind: AddressRefusal | 'url', address: string | null) => {
    const where =
      address && address !== host
        ? { vi: `${host} trỏ tới ${ADDRESS_KINDS[kind].vi}`, en: `${host} resolves to ${ADDRESS_KINDS[kind].en}` }
        : { vi: `${host} là ${ADDRESS_KINDS[kind].vi}`, en: `${host} is ${ADDRESS_KINDS[kind].en}` };
    return {
      vi: `${where.vi}: hệ thống chỉ gọi tới địa chỉ Internet công khai.`,
      en: `${where.en}: the portal only calls public internet addresses.`,
    };
  },
  hostNotFound: (host: string) => ({ vi: `Không tìm thấy tên miền ${host} (DNS).`, en: `The host name ${host} could not be found (DNS).` }),
};

const auth = {
  batchListInvalid: { vi: 'Danh sách lô không hợp lệ.', en: 'The list of batches is invalid.' },
  wrongCurrentPassword: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
};

const admin = {
  ownAccount: {
    vi: 'Không thể tự đổi vai trò hoặc khóa tài khoản của chính mình.',
    en: 'You cannot change your own role or disable yourself.',
  },
};

const attachments = {
  fileNameRequired: { vi: 'Cần tên tệp', en: 'A file name is required' },
  notOwn: (ids: readonly string[]) => ({
    vi: `Không có tệp đính kèm này trong doanh nghiệp: ${ids.join(', ')}`,
    en: `No such attachment of this business: ${ids.join(', ')}`,
  }),
  contentMismatch: (actual: string, claimed: string) => ({
    vi: `Nội dung tệp là ${actual} nhưng được gửi như ${claimed}.`,
    en: `The file's content is ${actual} but it was sent as ${claimed}.`,
  }),
  tooLarge: (megabytes: number) => ({ vi: `Tệp quá lớn: tối đa ${megabytes} MB.`, en: `The file is too large: at most ${megabytes} MB.` }),
};

const businesses = {
  gtinOfAnother: (gtin14: string, holder: string) => ({
    vi: `Mã GTIN ${gtin14} thuộc mã doanh nghiệp GS1 của «${holder}»: chỉ doanh nghiệp đó, hoặc nơi được giao lô hàng của họ, mới ghi sự kiện về hàng này.`,
    en: `GTIN ${gtin14} is under the GS1 company prefix of "${holder}": only that business, or one it shipped the goods to, records events about them.`,
  }),
  glnOutsidePrefixes: (gln: string, prefixes: string, which: 'declared' | 'confirmed') =>
    prefixes
      ? {
          vi: `Mã GLN ${gln} không thuộc mã doanh nghiệp GS1 ${which === 'confirmed' ? 'đã được xác nhận' : 'đã khai'} của doanh nghiệp (${prefixes}).`,
          en: `GLN ${gln} is not under the business's ${which} GS1 company prefixes (${prefixes}).`,
        }
      : {
          vi: `Mã GLN ${gln}: doanh nghiệp chưa có mã doanh nghiệp GS1 nào ${which === 'confirmed' ? 'được quản trị viên xác nhận' : 'được khai'}.`,
          en: `GLN ${gln}: the business has no GS1 company prefix ${which === 'confirmed' ? 'confirmed by an administrator' : 'declared'}.`,
        },
  noConfirmedPrefix: (gtin14: string) => ({
    vi: `Mã GTIN ${gtin14}: doanh nghiệp chưa có mã doanh nghiệp GS1 nào được quản trị viên xác nhận.`,
    en: `GTIN ${gtin14}: the business has no GS1 company prefix confirmed by an administrator.`,
  }),
  noDeclaredPrefix: (gtin14: string) => ({
    vi: `Mã GTIN ${gtin14}: doanh nghiệp chưa khai báo mã doanh nghiệp GS1 nào.`,
    en: `GTIN ${gtin14}: the business has not declared a GS1 company prefix.`,
  }),
  outsideConfirmedPrefixes: (gtin14: string, prefixes: string) => ({
    vi: `Mã GTIN ${gtin14} không thuộc mã doanh nghiệp GS1 đã được xác nhận của doanh nghiệp (${prefixes}).`,
    en: `GTIN ${gtin14} is not under the business's confirmed GS1 company prefixes (${prefixes}).`,
  }),
  outsideDeclaredPrefixes: (gtin14: string, prefixes: string) => ({
    vi: `Mã GTIN ${gtin14} không thuộc mã doanh nghiệp GS1 đã khai báo của doanh nghiệp (${prefixes}).`,
    en: `GTIN ${gtin14} is not under the business's declared GS1 company prefixes (${prefixes}).`,
  }),
  taxCodeTaken: (taxCode: string, holder: string) => ({
    vi: `Mã số thuế ${taxCode} đã thuộc doanh nghiệp đã xác minh «${holder}».`,
    en: `Tax code ${taxCode} already belongs to the verified business "${holder}".`,
  }),
  taxCodeHeldBy: (holder: string) => ({ vi: `Đã thuộc doanh nghiệp «${holder}»`, en: `Already held by "${holder}"` }),
  prefixesTaken: (conflicts: readonly { prefix: string; theirs: string; holder: string }[]) => ({
    vi: `Mã doanh nghiệp GS1 đã thuộc doanh nghiệp đã xác minh khác: ${conflicts
      .map((c) => `${c.prefix} (trùng ${c.theirs} của «${c.holder}»)`)
      .join('; ')}.`,
    en: `GS1 company prefixes already held by another verified business: ${conflicts
      .map((c) => `${c.prefix} (overlaps ${c.theirs} of "${c.holder}")`)
      .join('; ')}.`,
  }),
  gtinsOutsideNewList: (gtins: string) => ({
    vi: `Còn sản phẩm có mã GTIN không thuộc danh sách mới: ${gtins}.`,
    en: `Products have GTINs outside the new list: ${gtins}.`,
  }),
  gtinsNeedPrefix: (gtins: string) => ({
    vi: `Các GTIN ${gtins} cần một mã doanh nghiệp trong danh sách`,
    en: `GTINs ${gtins} need a prefix in the list`,
  }),
  prefixesOverlap: (pairs: string) => ({
    vi: `Các mã doanh nghiệp GS1 chồng lên nhau: ${pairs}`,
    en: `GS1 company prefixes overlap: ${pairs}`,
  }),
  reasonRequired: { vi: 'Cần ghi rõ lý do', en: 'A reason is required' },
  certificateEndsBeforeStart: { vi: 'Ngày hết hạn không được trước ngày cấp', en: 'validTo must not be before validFrom' },
};

const products = {
  noSuchProduct: { vi: 'Không có sản phẩm này', en: 'No such product' },
  gtinLocked: { vi: 'Sản phẩm đã có lô hàng nên không đổi được GTIN', en: 'The product has batches, so its GTIN cannot change' },
};

const locations = {
  coordinatesPair: { vi: 'Cần nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai', en: 'Give both latitude and longitude, or neither' },
};

/** A quantity with its unit, as each language writes it ("1.234,5 kg", "1,234.5 kg"). */
const amount = (quantity: number, unit: UnitCode): LocalizedText => ({
  vi: `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(quantity)} ${UNITS[unit].vi}`,
  en: `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(quantity)} ${UNITS[unit].en}`,
});

const events = {
  exceedsRemaining: (lotCode: string, remaining: number, unit: UnitCode, held: number) => {
    const left = amount(remaining, unit);
    const had = amount(held, unit);
    return {
      vi: `Lô ${lotCode} chỉ còn ${left.vi} (trên tổng ${had.vi}): số lượng này vượt quá phần còn lại. Hãy kiểm tra lại, hoặc xác nhận để vẫn lưu.`,
      en: `Only ${left.en} of batch ${lotCode} remains (of ${had.en}): this quantity is more than that. Check it, or confirm to save anyway.`,
    };
  },
  shortfallNeedsReason: (shipped: number, unit: UnitCode) => {
    const reasons = Object.values(RECEIPT_SHORTFALL_REASONS);
    return {
      vi: `Số lượng nhận ít hơn số lượng đã gửi (${amount(shipped, unit).vi}): hãy ghi lý do (${reasons.map((r) => r.vi.toLowerCase()).join(' hoặc ')}).`,
      en: `Less was received than was shipped (${amount(shipped, unit).en}): say why (${reasons.map((r) => r.en.toLowerCase()).join(' or ')}).`,
    };
  },
  onlyForReceiving: (field: string) => ({
    vi: `Mục này (${field}) chỉ dùng khi nhận hàng`,
    en: `${field} is only for the receiving stage`,
  }),
  receivingNeedsPlace: {
    vi: 'Nhận hàng cần ghi nơi nhận, nhưng doanh nghiệp chưa có địa điểm nào: hãy thêm kho hoặc cửa hàng trước.',
    en: 'Receiving needs the place goods arrived at, and the business has no place yet: add a warehouse or shop first.',
  },
  noSuchBatch: { vi: 'Không có lô hàng này', en: 'No such batch' },
  noSuchBusiness: { vi: 'Không có doanh nghiệp này', en: 'No such business' },
  noSuchLocation: { vi: 'Doanh nghiệp không có địa điểm này', en: 'No such location of this business' },
  noSuchProductOfBusiness: { vi: 'Doanh nghiệp không có sản phẩm này', en: 'No such product of this business' },
  lotCodeTaken: (lotCode: string) => ({ vi: `Sản phẩm này đã có lô ${lotCode}`, en: `This product already has a batch ${lotCode}` }),
  onlyForInspecting: (field: string) => ({
    vi: `Mục này (${field}) chỉ dùng cho kiểm nghiệm`,
    en: `${field} is only for the inspecting stage`,
  }),
  shippingNeedsReceiver: { vi: 'Vận chuyển cần ghi rõ bên nhận hàng', en: 'shipping needs destinationBusinessId or destinationName' },
  cannotShipToItself: { vi: 'Doanh nghiệp không thể gửi hàng cho chính mình', en: 'a business cannot ship to itself' },
  outputEitherBatchOrNew: {
    vi: 'Mỗi thành phẩm là một lô đã có hoặc một lô mới, không phải cả hai',
    en: 'an output names either batchId or newBatch',
  },
  batchNamedTwice: (batchId: string) => ({ vi: `Lô ${batchId} được chọn nhiều lần`, en: `batch ${batchId} is named more than once` }),
  outputsMustBeOwn: { vi: 'Các lô thành phẩm phải là lô của doanh nghiệp bạn', en: 'all output batches must be your own' },
  inputNotOwnOrShipped: {
    vi: 'Nguyên liệu phải là lô của bạn hoặc lô đã được gửi đến bạn',
    en: 'an input must be your own batch or one shipped to you',
  },
  recalledInput: { vi: 'Không thể chế biến lô đã bị thu hồi', en: 'a recalled batch cannot be processed' },
  correctionNotOneStage: {
    vi: 'Chỉ sửa được ở đây sự kiện của một công đoạn trên một lô; hãy báo sai rồi ghi lại công đoạn đó',
    en: 'only a stage recorded on one batch can be corrected here; declare it wrong and record the step again',
  },
  correctionUnchanged: { vi: 'Bản sửa giống hệt sự kiện bị báo sai', en: 'the correction says the same as the event declared wrong' },
  alreadyRecorded: { vi: 'Sự kiện này đã được ghi nhận trước đó.', en: 'This event was already recorded.' },
  businessNotVerified: { vi: 'Doanh nghiệp chưa được xác minh.', en: 'The business is not verified.' },
  eventTimeNotDateTime: { vi: 'eventTime không phải ngày giờ hợp lệ', en: 'eventTime is not a date-time' },
  eventTimeInFuture: { vi: 'eventTime ở thời điểm tương lai', en: 'eventTime is in the future' },
  quantityNotPositive: { vi: 'Số lượng phải lớn hơn 0', en: 'quantity must be positive' },
  onlyRecorderDeclaresWrong: {
    vi: 'Chỉ doanh nghiệp đã ghi sự kiện mới được khai báo sai',
    en: 'only the business that recorded an event can declare it wrong',
  },
  notAGs1Key: (value: string, problem: 'epc_uri' | 'check_digit') =>
    problem === 'check_digit'
      ? { vi: `${value}: số kiểm tra của mã GS1 không đúng`, en: `${value}: the GS1 key's check digit is wrong` }
      : {
          vi: `${value}: không phải URI EPC hợp lệ (mã doanh nghiệp và phần tham chiếu không đủ độ dài của mã GS1)`,
          en: `${value}: not a valid EPC URI (the company prefix and reference do not make up the GS1 key's length)`,
        },
  unlinkedIdentifier: (identifier: string) => ({
    vi: `${identifier}: không lô nào trên cổng mang mã này; sự kiện đã được lưu nhưng không gắn với lô nào`,
    en: `${identifier}: no batch on the portal has this identifier; the event is stored without a link to a batch`,
  }),
  unknownPlace: (place: string) => ({
    vi: `${place}: không phải địa điểm đã đăng ký của doanh nghiệp; sự kiện đã được lưu, chưa có địa điểm, và sẽ nhận địa điểm khi doanh nghiệp đăng ký GLN này`,
    en: `${place}: not a registered place of this business; the event is stored without a place, and takes it when the business registers this GLN`,
  }),
  unknownParty: (party: string) => ({
    vi: `${party}: không phải doanh nghiệp trên cổng; sự kiện đã được lưu, bên này chưa nhận được gì, và sẽ nhận khi tiền tố GS1 của họ được xác nhận`,
    en: `${party}: not a business on the portal; the event is stored, and this party is told of it once its GS1 company prefix is confirmed`,
  }),
  batchOfAnother: (lotCode: string) => ({
    vi: `Lô ${lotCode} thuộc doanh nghiệp khác`,
    en: `batch ${lotCode} belongs to another business`,
  }),
};

const epcis = {
  severalBusinesses: {
    vi: 'Bạn thuộc nhiều doanh nghiệp: hãy chọn businessId.',
    en: 'You belong to several businesses: say which with businessId.',
  },
  tooManyEvents: (max: number) => ({ vi: `Tối đa ${max} sự kiện mỗi tài liệu.`, en: `At most ${max} events per document.` }),
  warningsNotListed: (count: number) => ({
    vi: `Còn ${count} cảnh báo nữa cùng loại không được liệt kê.`,
    en: `${count} more warnings of the same kinds are not listed.`,
  }),
  captureStopped: (attempts: number, stored: number) =>
    stored
      ? {
          vi: `Việc ghi nhận đã dừng giữa chừng ${attempts} lần (máy chủ chạy nó ngừng hoặc gặp lỗi); ${stored} sự kiện đã được lưu, các sự kiện sau thì chưa. Hãy gửi lại tài liệu: sự kiện đã lưu được nhận ra theo eventID và không bị lưu hai lần.`,
          en: `The capture stopped part-way ${attempts} times (the server running it stopped or failed); ${stored} events were stored, the later ones were not. Send the document again: events already stored are known by their eventID and are not stored twice.`,
        }
      : {
          vi: `Việc ghi nhận đã dừng giữa chừng ${attempts} lần (máy chủ chạy nó ngừng hoặc gặp lỗi); không sự kiện nào được lưu. Hãy gửi lại tài liệu.`,
          en: `The capture stopped part-way ${attempts} times (the server running it stopped or failed); no event was stored. Send the document again.`,
        },
  schemaRefused: (fields: number) => ({
    vi: `Tài liệu không đúng lược đồ EPCIS 2.0 của GS1 ở ${fields} chỗ; không sự kiện nào được lưu.`,
    en: `The document does not follow GS1's EPCIS 2.0 schema in ${fields} places; no event was stored.`,
  }),
  unreadableXml: (reason: string) => ({
    vi: `Không đọc được tài liệu EPCIS XML: ${reason}`,
    en: `The EPCIS XML document cannot be read: ${reason}`,
  }),
  xmlOnlyForCapture: {
    vi: 'Chỉ POST /epcis/capture nhận XML (EPCIS 2.0 hoặc 1.2); các đường khác nhận JSON.',
    en: 'Only POST /epcis/capture takes XML (EPCIS 2.0 or 1.2); other routes take JSON.',
  },
  mediaTypeNotOffered: (accept: string, offered: readonly string[]) => ({
    vi: `Accept: ${accept} — ở đây máy chủ chỉ trả lời bằng ${offered.join(', ')}.`,
    en: `Accept: ${accept}: here the server answers only in ${offered.join(', ')}.`,
  }),
  versionNotOffered: (standard: 'EPCIS' | 'CBV') => ({
    vi: `Máy chủ chỉ dùng ${standard} 2.0.0, nằm ngoài khoảng phiên bản đã yêu cầu (GS1-${standard}-Min/Max).`,
    en: `The server speaks ${standard} 2.0.0 only, outside the versions asked for (GS1-${standard}-Min/Max).`,
  }),
};

const shipments = {
  noSuchShipment: { vi: 'Không có lô hàng gửi đến nào với mã này.', en: 'No shipment with this id.' },
};

const recalls = {
  notRecalled: { vi: 'Lô hàng này không bị thu hồi.', en: 'This batch is not recalled.' },
  onlyInspectorLifts: {
    vi: 'Chỉ cơ quan quản lý mới gỡ được lệnh thu hồi do cơ quan quản lý đưa ra.',
    en: 'Only an inspector can lift a recall an inspector made.',
  },
};

const notifications = {
  onlyRecallsAcknowledged: {
    vi: 'Chỉ thông báo thu hồi mới cần xác nhận đã nhận.',
    en: 'Only a recall notice is acknowledged.',
  },
};

const flags = {
  statusOrNote: { vi: 'Hãy đổi trạng thái hoặc ghi chú.', en: 'Change the status or write a note.' },
};

const labels = {
  recalled: { vi: 'Lô hàng đã bị thu hồi nên không in nhãn được.', en: 'The batch has been recalled, so no labels can be printed.' },
  startPosition: (perPage: number) => ({
    vi: `Vị trí bắt đầu phải từ 1 đến ${perPage} (số nhãn trên một tờ).`,
    en: `The start position must be from 1 to ${perPage} (labels on one sheet).`,
  }),
};

const qr = {
  sizeForMembers: (publicMax: number, membersMax: number) => ({
    vi: `Ảnh QR tối đa ${publicMax} px; thành viên doanh nghiệp của lô đã đăng nhập có thể tải tới ${membersMax} px.`,
    en: `QR images are at most ${publicMax} px; members of the batch's business, signed in, may get up to ${membersMax} px.`,
  }),
};

const search = {
  endBeforeStart: { vi: 'Ngày kết thúc không được trước ngày bắt đầu', en: 'The end date must not be before the start date' },
};

const exports = {
  endNotAfterStart: { vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu', en: 'to must be after from' },
  noSuchBatch: { vi: 'Không tìm thấy lô này', en: 'No such batch' },
  lotNotFound: (lotCode: string, gtin: string | undefined) => ({
    vi: `Không tìm thấy lô ${lotCode}${gtin ? ` của GTIN ${gtin}` : ''}`,
    en: `No batch with lot code ${lotCode}${gtin ? ` and GTIN ${gtin}` : ''}`,
  }),
  lotOfSeveralProducts: (lotCode: string, products: number) => ({
    vi: `Mã lô ${lotCode} có ở ${products} sản phẩm: hãy ghi thêm GTIN`,
    en: `Lot code ${lotCode} belongs to ${products} products: add the GTIN`,
  }),
};

const reports = {
  photoType: { vi: 'Ảnh phải là tệp JPEG, PNG hoặc WebP.', en: 'The photo must be a JPEG, PNG or WebP file.' },
  photoInvalid: { vi: 'Ảnh không hợp lệ.', en: 'Not a valid photo.' },
};

const resolver = {
  invalidCode: (why: string) => ({ vi: `Mã truy xuất không hợp lệ: ${why}`, en: `Invalid code: ${why}` }),
  scanExpired: {
    vi: 'Lượt quét đã quá hạn chia sẻ khu vực; hãy quét lại mã.',
    en: 'This scan can no longer be placed; scan the code again.',
  },
  scanTokenInvalid: { vi: 'Mã lượt quét không hợp lệ.', en: 'Not a valid scan token.' },
};

/**
 * What the server says when a rule refuses a request, beyond the error code's own message (in
 * `ERROR_CODES`): an error's detail and its fields' messages, in both languages, grouped by the
 * module that enforces the rule. Only the server reads them (the web shows the message it
 * receives and switches on the code), so they live here rather than in `shared`. A text with
 * values in it is a function of them. (Validation messages class-validator writes in English are
 * translated in `field-error-messages.ts`.)
 */
export const RULE_MESSAGES = {
  request,
  outbound,
  auth,
  admin,
  attachments,
  businesses,
  products,
  locations,
  events,
  epcis,
  shipments,
  imports: IMPORT_MESSAGES,
  recalls,
  notifications,
  flags,
  labels,
  qr,
  search,
  exports,
  reports,
  resolver,
} satisfies Record<string, Record<string, RuleMessage>>;
