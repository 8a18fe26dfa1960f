import type { LocalizedText } from '../i18n/locale.js';

/**
 * The closed list of error codes the API answers with. The web switches on `code`, never on the
 * message. Each code has one HTTP status and a message in both languages.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request contains invalid data.' } },
  INVALID_IDENTIFIER: { status: 400, message: { vi: 'Mã truy xuất không đúng định dạng GS1.', en: 'The code is not a valid GS1 identifier.' } },
  INVALID_CHECK_DIGIT: { status: 400, message: { vi: 'Số kiểm tra của mã GTIN không đúng.', en: 'The GTIN check digit is wrong.' } },
  MALFORMED_REQUEST: { status: 400, message: { vi: 'Yêu cầu không đọc được (JSON sai cú pháp?).', en: 'The request could not be read (malformed JSON?).' } },
  UNAUTHENTICATED: { status: 401, message: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' } },
  INVALID_CREDENTIALS: { status: 401, message: { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' } },
  ACCOUNT_DISABLED: { status: 403, message: { vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.', en: 'This account is disabled. Please contact the administrator.' } },
  INSUFFICIENT_SCOPE: { status: 403, message: { vi: 'Khóa API không có quyền cho thao tác này.', en: 'The API key does not have the scope for this.' } },
  FORBIDDEN: { status: 403, message: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' } },
  BUSINESS_NOT_VERIFIED: { status: 403, message: { vi: 'Doanh nghiệp chưa được xác minh nên chưa thể công bố lô hàng.', en: 'The business is not verified yet, so it cannot publish batches.' } },
  NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy.', en: 'Not found.' } },
  BUSINESS_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy doanh nghiệp.', en: 'Business not found.' } },
  LOCATION_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy địa điểm.', en: 'Location not found.' } },
  PRODUCT_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy sản phẩm.', en: 'Product not found.' } },
  BATCH_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy lô hàng với mã này.', en: 'No batch was found for this code.' } },
  USER_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy người dùng.', en: 'User not found.' } },
  API_KEY_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy khóa API.', en: 'API key not found.' } },
  MEMBER_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy thành viên hoặc lời mời này.', en: 'No such member or invitation.' } },
  EVENT_NOT_FOUND: { status: 404, message: { vi: 'Không tìm thấy sự kiện.', en: 'Event not found.' } },
  EMAIL_TAKEN: { status: 409, message: { vi: 'Email này đã được dùng cho một tài khoản khác.', en: 'This email is already used by another account.' } },
  ALREADY_MEMBER: { status: 409, message: { vi: 'Người này đã là thành viên hoặc đã được mời.', en: 'This person is already a member or invited.' } },
  BUSINESS_STATUS_CONFLICT: { status: 409, message: { vi: 'Doanh nghiệp không ở trạng thái cho phép thao tác này.', en: 'The business is not in a state that allows this.' } },
  TAX_CODE_TAKEN: { status: 409, message: { vi: 'Mã số thuế này đã được đăng ký.', en: 'This tax code is already registered.' } },
  GTIN_TAKEN: { status: 409, message: { vi: 'Mã GTIN này đã được dùng cho sản phẩm khác.', en: 'This GTIN is already used by another product.' } },
  LOT_CODE_TAKEN: { status: 409, message: { vi: 'Sản phẩm này đã có lô với mã lô này.', en: 'This product already has a batch with this lot code.' } },
  DUPLICATE_EVENT: { status: 409, message: { vi: 'Sự kiện với eventID này đã tồn tại.', en: 'An event with this eventID already exists.' } },
  CONFLICT: { status: 409, message: { vi: 'Dữ liệu bị trùng với bản ghi đã có.', en: 'This conflicts with an existing record.' } },
  WRONG_PASSWORD: { status: 422, message: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' } },
  LAST_OWNER: { status: 422, message: { vi: 'Doanh nghiệp phải còn ít nhất một chủ sở hữu.', en: 'A business must keep at least one owner.' } },
  EVENT_RULE_VIOLATED: { status: 422, message: { vi: 'Sự kiện không hợp lệ với lô hàng.', en: 'The event does not fit the batch.' } },
  BATCH_RECALLED: { status: 422, message: { vi: 'Lô hàng đã bị thu hồi.', en: 'The batch has been recalled.' } },
  METHOD_NOT_ALLOWED: { status: 405, message: { vi: 'Phương thức này không được hỗ trợ ở địa chỉ này.', en: 'This method is not supported here.' } },
  PAYLOAD_TOO_LARGE: { status: 413, message: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' } },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: { vi: 'Định dạng dữ liệu không được hỗ trợ (hãy gửi JSON).', en: 'Unsupported content type (send JSON).' } },
  RATE_LIMITED: { status: 429, message: { vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.', en: 'Too many requests; please try again in a few minutes.' } },
  INTERNAL: { status: 500, message: { vi: 'Lỗi hệ thống, vui lòng thử lại.', en: 'Something went wrong on our side; please try again.' } },
} as const satisfies Record<string, { status: number; message: LocalizedText }>;

export type ErrorCode = keyof typeof ERROR_CODES;
