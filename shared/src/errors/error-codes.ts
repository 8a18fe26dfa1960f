import type { LocalizedText } from '../i18n/locale.js';

/**
 * The closed list of error codes the API answers with. The web switches on `code`, never on the
 * message. Each code has one HTTP status and a message in both languages.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request contains invalid data.' } },
  INVALID_IDENTIFIER: {
    status: 400,
    message: { vi: 'Mã truy xuất không đúng định dạng GS1.', en: 'The code is not a valid GS1 identifier.' },
  },
  INVALID_CHECK_DIGIT: { status: 400, message: { vi: 'Số kiểm tra của mã GTIN không đúng.', en: 'The GTIN check digit is wrong.' } },
  MALFORMED_REQUEST: {
    status: 400,
    message: { vi: 'Yêu cầu không đọc được (JSON sai cú pháp?).', en: 'The request could not be read (malformed JSON?).' },
  },
  MALFORMED_URL: {
    status: 400,
    message: {
      vi: 'Địa chỉ có ký tự mã hoá sai (một dấu % không theo sau bởi mã hợp lệ).',
      en: 'The address has a malformed character encoding (a % not followed by a valid code).',
    },
  },
  UNAUTHENTICATED: { status: 401, message: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' } },
  INVALID_CREDENTIALS: { status: 401, message: { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' } },
  ACCOUNT_DISABLED: {
    status: 403,
    message: {
      vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
      en: 'This account is disabled. Please contact the administrator.',
    },
  },
  INSUFFICIENT_SCOPE: {
    status: 403,
    message: { vi: 'Khóa API không có quyền cho thao tác này.', en: 'The API key does not have the scope for this.' },
  },
  FORBIDDEN: { status: 403, message: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' } },
  BUSINESS_NOT_VERIFIED: {
    status: 403,
    message: {
      vi: 'Doanh nghiệp chưa được xác minh nên chưa thể công bố lô hàng.',
      en: 'The business is not verified yet, so it cannot publish batches.',
    },
  },
  NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy.', en: 'Not found.' } },
  BUSINESS_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy doanh nghiệp.', en: 'Business not found.' } },
  LOCATION_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy địa điểm.', en: 'Location not found.' } },
  PRODUCT_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy sản phẩm.', en: 'Product not found.' } },
  BATCH_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy lô hàng với mã này.', en: 'No batch was found for this code.' } },
  USER_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy người dùng.', en: 'User not found.' } },
  API_KEY_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy khóa API.', en: 'API key not found.' } },
  MEMBER_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy thành viên hoặc lời mời này.', en: 'No such member or invitation.' } },
  ATTACHMENT_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' } },
  CERTIFICATE_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy chứng nhận.', en: 'Certificate not found.' } },
  EVENT_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy sự kiện.', en: 'Event not found.' } },
  EMAIL_TAKEN: {
    status: 409,
    message: { vi: 'Email này đã được dùng cho một tài khoản khác.', en: 'This email is already used by another account.' },
  },
  ALREADY_MEMBER: {
    status: 409,
    message: { vi: 'Người này đã là thành viên hoặc đã được mời.', en: 'This person is already a member or invited.' },
  },
  BUSINESS_STATUS_CONFLICT: {
    status: 409,
    message: { vi: 'Doanh nghiệp không ở trạng thái cho phép thao tác này.', en: 'The business is not in a state that allows this.' },
  },
  TAX_CODE_TAKEN: { status: 409, message: { vi: 'Mã số thuế này đã được đăng ký.', en: 'This tax code is already registered.' } },
  GTIN_TAKEN: {
    status: 409,
    message: { vi: 'Mã GTIN này đã được dùng cho sản phẩm khác.', en: 'This GTIN is already used by another product.' },
  },
  LOT_CODE_TAKEN: {
    status: 409,
    message: { vi: 'Sản phẩm này đã có lô với mã lô này.', en: 'This product already has a batch with this lot code.' },
  },
  DUPLICATE_EVENT: {
    status: 409,
    message: { vi: 'Sự kiện với eventID này đã tồn tại.', en: 'An event with this eventID already exists.' },
  },
  GTIN_LOCKED: {
    status: 409,
    message: {
      vi: 'Không thể đổi mã GTIN vì sản phẩm đã có lô hàng: mã này đã in trên tem QR.',
      en: 'The GTIN cannot change once the product has batches: it is printed in their QR codes.',
    },
  },
  LOCATION_IN_USE: {
    status: 409,
    message: {
      vi: 'Địa điểm đang được dùng cho lô hàng hoặc sự kiện nên không thể xóa.',
      en: 'The location is used by batches or events, so it cannot be deleted.',
    },
  },
  SHIPMENT_ALREADY_RECEIVED: {
    status: 409,
    message: { vi: 'Lô hàng này đã được xác nhận nhận hàng rồi.', en: 'This shipment has already been received.' },
  },
  EVENT_ALREADY_DECLARED: {
    status: 409,
    message: { vi: 'Sự kiện này đã được báo sai trước đó.', en: 'This event has already been declared wrong.' },
  },
  CONFLICT: { status: 409, message: { vi: 'Dữ liệu bị trùng với bản ghi đã có.', en: 'This conflicts with an existing record.' } },
  WRITES_COLLIDED: {
    status: 409,
    message: {
      vi: 'Một thao tác khác ghi vào cùng dữ liệu đúng lúc này nên chưa có gì được lưu. Vui lòng thử lại.',
      en: 'Another write to the same records happened at the same moment, so nothing was saved. Please try again.',
    },
  },
  WRONG_PASSWORD: { status: 422, message: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' } },
  LAST_OWNER: {
    status: 422,
    message: { vi: 'Doanh nghiệp phải còn ít nhất một chủ sở hữu.', en: 'A business must keep at least one owner.' },
  },
  EVENT_RULE_VIOLATED: { status: 422, message: { vi: 'Sự kiện không hợp lệ với lô hàng.', en: 'The event does not fit the batch.' } },
  BATCH_RECALLED: { status: 422, message: { vi: 'Lô hàng đã bị thu hồi.', en: 'The batch has been recalled.' } },
  MASS_BALANCE_EXCEEDED: {
    status: 422,
    message: {
      vi: 'Số lượng vượt quá lượng còn lại của lô. Hãy kiểm tra lại, hoặc xác nhận để vẫn lưu.',
      en: 'The quantity is more than remains of the batch; check it, or confirm to save anyway.',
    },
  },
  PLACE_REQUIRED: {
    status: 422,
    message: {
      vi: 'Cần chọn địa điểm: hãy thêm địa điểm (kho, cửa hàng...) của doanh nghiệp trước.',
      en: 'A place is needed: add a place of the business (warehouse, shop...) first.',
    },
  },
  EXPORT_LOTS_UNKNOWN: {
    status: 422,
    message: {
      vi: 'Có mã lô không tìm thấy hoặc trùng ở nhiều sản phẩm; chưa xuất gì.',
      en: 'Some lots were not found or match several products; nothing was exported.',
    },
  },
  IMPORT_FILE_INVALID: {
    status: 422,
    message: { vi: 'Tệp có chỗ chưa đúng; chưa có dữ liệu nào được lưu.', en: 'The file has problems; nothing was stored.' },
  },
  ATTACHMENT_EMPTY: { status: 422, message: { vi: 'Tệp rỗng, không có nội dung.', en: 'The file is empty.' } },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: { vi: 'Phương thức này không được hỗ trợ ở địa chỉ này.', en: 'This method is not supported here.' },
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' } },
  QUERY_TOO_LARGE: {
    status: 413,
    message: {
      vi: 'Có nhiều sự kiện khớp hơn maxEventCount cho phép; hãy thu hẹp truy vấn hoặc đọc kết quả theo từng trang.',
      en: 'More events match than maxEventCount allows; narrow the query, or read the result page by page.',
    },
  },
  NOT_ACCEPTABLE: {
    status: 406,
    message: {
      vi: 'Máy chủ không trả lời được theo yêu cầu này (định dạng hoặc phiên bản EPCIS/CBV).',
      en: 'The server cannot answer in the form asked for (media type, or EPCIS/CBV version).',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: { vi: 'Định dạng dữ liệu không được hỗ trợ (hãy gửi JSON).', en: 'Unsupported content type (send JSON).' },
  },
  ATTACHMENT_TOO_LARGE: { status: 413, message: { vi: 'Tệp quá lớn.', en: 'The file is too large.' } },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    message: { vi: 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF.', en: 'Only JPEG, PNG or WebP images and PDF files are accepted.' },
  },
  RECALL_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy đợt thu hồi này.', en: 'No such recall.' } },
  LOG_NOT_READY: {
    status: 503,
    message: {
      vi: 'Sổ minh bạch chưa ký đầu cây đầu tiên. Vui lòng thử lại sau vài giây.',
      en: 'The transparency log has not signed its first tree head yet. Please try again in a few seconds.',
    },
  },
  LOG_DAY_NOT_CLOSED: {
    status: 404,
    message: {
      vi: 'Ngày này chưa kết thúc: đầu cây của ngày được công bố khi hết ngày (giờ Việt Nam).',
      en: 'This day has not ended yet: a day’s tree head is published once it is over (Vietnam’s time).',
    },
  },
  LOG_RANGE_INVALID: {
    status: 400,
    message: {
      vi: 'Khoảng kích thước sổ không hợp lệ: cần 0 ≤ from ≤ to ≤ kích thước hiện tại.',
      en: 'The log sizes are out of range: 0 ≤ from ≤ to ≤ the current size is needed.',
    },
  },
  ALREADY_RECALLED: { status: 409, message: { vi: 'Lô hàng này đang bị thu hồi.', en: 'This batch is already recalled.' } },
  RECALL_ALREADY_LIFTED: { status: 409, message: { vi: 'Đợt thu hồi này đã được gỡ bỏ.', en: 'This recall has already been lifted.' } },
  WEBHOOK_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy webhook.', en: 'Webhook not found.' } },
  QUERY_NOT_FOUND: {
    status: 404,
    message: { vi: 'Không có truy vấn nào mang tên này.', en: 'There is no named query with this name.' },
  },
  QUERY_NAME_TAKEN: {
    status: 409,
    message: {
      vi: 'Đã có truy vấn mang tên này; hãy chọn tên khác hoặc xóa truy vấn cũ trước.',
      en: 'A query with this name already exists; choose another name, or delete the old query first.',
    },
  },
  QUERY_LIMIT_REACHED: {
    status: 409,
    message: {
      vi: 'Đã đạt số truy vấn đặt tên tối đa (200); hãy xóa bớt truy vấn không dùng.',
      en: 'The most named queries one may keep (200) are there; delete one no longer used.',
    },
  },
  SUBSCRIPTION_LIMIT_REACHED: {
    status: 409,
    message: {
      vi: 'Truy vấn này đã có số đăng ký tối đa (20); hãy hủy bớt đăng ký không dùng.',
      en: 'This query has the most subscriptions it may have (20); cancel one no longer used.',
    },
  },
  SUBSCRIPTION_NOT_FOUND: {
    status: 404,
    message: { vi: 'Không tìm thấy đăng ký nhận sự kiện này.', en: 'No such subscription.' },
  },
  FLAG_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy cảnh báo này.', en: 'No such flag.' } },
  NOTIFICATION_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy thông báo.', en: 'Notification not found.' } },
  RATE_LIMITED: {
    status: 429,
    message: { vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.', en: 'Too many requests; please try again in a few minutes.' },
  },
  INTERNAL: { status: 500, message: { vi: 'Lỗi hệ thống, vui lòng thử lại.', en: 'Something went wrong on our side; please try again.' } },
  URL_NOT_ALLOWED: {
    status: 422,
    message: {
      vi: 'Hệ thống không gọi tới địa chỉ này: chỉ địa chỉ Internet công khai được phép.',
      en: 'The portal does not call this address: only public internet addresses are allowed.',
    },
  },
  URL_HOST_NOT_FOUND: {
    status: 422,
    message: { vi: 'Không tìm thấy tên miền này (DNS).', en: 'This host name could not be found (DNS).' },
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: {
      vi: 'Cơ sở dữ liệu tạm thời không phản hồi, vui lòng thử lại sau giây lát.',
      en: 'The database is not answering right now; please try again in a moment.',
    },
  },
  REQUEST_TIMED_OUT: {
    status: 503,
    message: {
      vi: 'Máy chủ xử lý quá lâu, vui lòng thử lại sau giây lát.',
      en: 'The server took too long to answer; please try again in a moment.',
    },
  },
  CAPTURE_INTERRUPTED: {
    status: 503,
    message: {
      vi: 'Việc ghi nhận tài liệu EPCIS không hoàn tất được; không sự kiện nào của nó được lưu. Hãy gửi lại tài liệu.',
      en: 'The capture of the EPCIS document could not be completed; none of its events was stored. Send the document again.',
    },
  },
  IMPORT_BUSY: {
    status: 503,
    message: {
      vi: 'Máy chủ đang đọc nhiều tệp khác; hãy thử lại sau ít giây.',
      en: 'The server is reading other files; try again in a few seconds.',
    },
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    message: {
      vi: 'Khóa Idempotency-Key không hợp lệ: 8 đến 128 ký tự gồm chữ cái không dấu, chữ số và - _ . :',
      en: 'Invalid Idempotency-Key: 8 to 128 letters, digits and - _ . :',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: {
      vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
      en: 'This Idempotency-Key was already used for a different request.',
    },
  },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    message: {
      vi: 'Yêu cầu với khóa này đang được xử lý; vui lòng thử lại sau giây lát.',
      en: 'A request with this Idempotency-Key is still being processed; try again in a moment.',
    },
  },
  REQUEST_TOO_DEEP: { status: 400, message: { vi: 'Dữ liệu JSON lồng nhau quá sâu.', en: 'The JSON is nested too deeply.' } },
  SCAN_TOKEN_INVALID: {
    status: 400,
    message: {
      vi: 'Lượt quét này không hợp lệ hoặc đã quá hạn; hãy quét lại mã.',
      en: 'This scan is not valid or has expired; please scan the code again.',
    },
  },
  SCAN_ALREADY_PLACED: {
    status: 409,
    message: { vi: 'Khu vực của lượt quét này đã được chia sẻ.', en: 'The area of this scan has already been shared.' },
  },
  QR_SIZE_TOO_LARGE: { status: 400, message: { vi: 'Kích thước mã QR vượt quá giới hạn.', en: 'The QR code size is over the limit.' } },
  QR_BUSY: {
    status: 503,
    message: {
      vi: 'Hệ thống đang bận tạo mã QR, vui lòng thử lại sau giây lát.',
      en: 'QR codes are being drawn for others; please try again in a moment.',
    },
  },
  BUSINESS_SUSPENDED: {
    status: 403,
    message: {
      vi: 'Doanh nghiệp đang bị tạm ngưng nên không thể thay đổi thông tin công khai.',
      en: 'The business is suspended, so it cannot change what its public pages show.',
    },
  },
  GTIN_OUTSIDE_PREFIXES: {
    status: 422,
    message: {
      vi: 'Mã GTIN không thuộc mã doanh nghiệp GS1 nào của doanh nghiệp.',
      en: "The GTIN is not under any of the business's GS1 company prefixes.",
    },
  },
  GLN_OUTSIDE_PREFIXES: {
    status: 422,
    message: {
      vi: 'Mã GLN không thuộc mã doanh nghiệp GS1 nào của doanh nghiệp.',
      en: "The GLN is not under any of the business's GS1 company prefixes.",
    },
  },
  PREFIX_TAKEN: {
    status: 409,
    message: {
      vi: 'Mã doanh nghiệp GS1 này đã thuộc một doanh nghiệp đã được xác minh.',
      en: 'This GS1 company prefix already belongs to a verified business.',
    },
  },
  PREFIX_IN_USE: {
    status: 409,
    message: {
      vi: 'Còn sản phẩm dùng mã GTIN thuộc mã doanh nghiệp GS1 này nên chưa bỏ được.',
      en: 'Products still use GTINs under this GS1 company prefix, so it cannot be removed.',
    },
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    message: {
      vi: 'Bạn cần xác nhận địa chỉ email trước (xem thư chúng tôi đã gửi).',
      en: 'Please confirm your email address first (see the mail we sent).',
    },
  },
  INVALID_TOKEN: {
    status: 400,
    message: { vi: 'Liên kết không hợp lệ, đã được dùng hoặc đã hết hạn.', en: 'This link is invalid, already used or expired.' },
  },
  EMAIL_ALREADY_VERIFIED: {
    status: 409,
    message: { vi: 'Địa chỉ email này đã được xác nhận.', en: 'This email address is already confirmed.' },
  },
  INVITATION_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy lời mời này.', en: 'No such invitation.' } },
  SIGN_IN_LOCKED: {
    status: 429,
    message: {
      vi: 'Đã nhập sai quá nhiều lần cho tài khoản này; vui lòng đợi rồi thử lại.',
      en: 'Too many failed sign-ins for this account; please wait and try again.',
    },
  },
} as const satisfies Record<string, { status: number; message: LocalizedText }>;

export type ErrorCode = keyof typeof ERROR_CODES;
