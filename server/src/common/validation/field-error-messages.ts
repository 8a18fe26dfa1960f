import { localize, LOT_CODE_RULE, type Locale } from '@nguon/shared';
import type { FieldErrors } from '../errors/domain-error.js';

/**
 * class-validator writes its messages in English; these patterns give the Vietnamese for each
 * message the DTOs can produce, so field errors come in the request's language.
 */
const VIETNAMESE: [RegExp, string][] = [
  [/^property (\S+) should not exist$/, 'Trường $1 không được hỗ trợ'],
  [/^(\S+) should not be empty$/, '$1 không được để trống'],
  [/^(\S+) should not be blank$/, '$1 không được chỉ có dấu cách'],
  [/^(\S+) should not be null or undefined$/, '$1 là bắt buộc'],
  [/^(\S+) must be a string$/, '$1 phải là chuỗi ký tự'],
  [/^(\S+) must be shorter than or equal to (\d+) characters$/, '$1 tối đa $2 ký tự'],
  [/^(\S+) must be longer than or equal to (\d+) characters$/, '$1 tối thiểu $2 ký tự'],
  [/^(\S+) must be one of the following values: (.*)$/, '$1 phải là một trong các giá trị: $2'],
  [/^each value in (\S+) must be one of the following values: (.*)$/, 'Mỗi giá trị trong $1 phải là một trong các giá trị: $2'],
  [/^(\S+) must be a UUID$/, '$1 phải là mã định danh (UUID) hợp lệ'],
  [/^(\S+) must be an integer number$/, '$1 phải là số nguyên'],
  [/^(\S+) must be a number conforming to the specified constraints$/, '$1 phải là số'],
  [/^(\S+) must not be less than (\S+)$/, '$1 không được nhỏ hơn $2'],
  [/^(\S+) must not be greater than (\S+)$/, '$1 không được lớn hơn $2'],
  [/^(\S+) must be a positive number$/, '$1 phải là số dương'],
  [/^(\S+) must be a boolean value$/, '$1 phải là true hoặc false'],
  [/^(\S+) must be an array$/, '$1 phải là danh sách'],
  [/^(\S+) must contain at least (\d+) elements$/, '$1 phải có ít nhất $2 phần tử'],
  [/^(\S+) must contain no more than (\d+) elements$/, '$1 có tối đa $2 phần tử'],
  [/^(\S+) must be an email$/, '$1 phải là địa chỉ email hợp lệ'],
  [/^(\S+) must be a valid ISO 8601 date string$/, '$1 phải là ngày giờ theo ISO 8601'],
  [/^(\S+) must be a date YYYY-MM-DD$/, '$1 phải là ngày dạng YYYY-MM-DD'],
  [/^(\S+) must be a URL address$/, '$1 phải là địa chỉ URL'],
  [/^(\S+) must be a latitude string or number$/, '$1 phải là vĩ độ hợp lệ'],
  [/^(\S+) must be a longitude string or number$/, '$1 phải là kinh độ hợp lệ'],
  [/^nested property (\S+) must be either object or array$/, '$1 phải là đối tượng'],
  [/^(\S+) must be a GTIN of 8, 12, 13 or 14 digits$/, '$1 phải là mã GTIN gồm 8, 12, 13 hoặc 14 chữ số'],
  [/^(\S+) has a wrong GTIN check digit$/, '$1 có số kiểm tra GTIN không đúng'],
  [/^(\S+) must be a GLN of 13 digits with a valid check digit$/, '$1 phải là mã GLN 13 chữ số với số kiểm tra đúng'],
  [/^(\S+) must be at most 20 characters$/, '$1 tối đa 20 ký tự'],
  [/^(\S+) must be a lot code\. .* \(suggested: (\S+)\)$/, `$1 phải là số lô hợp lệ. ${LOT_CODE_RULE.vi} (gợi ý: $2)`],
  [/^(\S+) must be a lot code\. .*$/, `$1 phải là số lô hợp lệ. ${LOT_CODE_RULE.vi}`],
  [/^(\S+) must be a tax code of 10 or 13 digits$/, '$1 phải là mã số thuế gồm 10 hoặc 13 chữ số'],
  [/^(\S+) must be a time zone offset like \+07:00$/, '$1 phải là độ lệch múi giờ dạng +07:00'],
  [/^(\S+) must be a UN\/CEFACT unit code: (.*)$/, '$1 phải là mã đơn vị UN/CEFACT: $2'],
  [/^(\S+) must be a phone number$/, '$1 phải là số điện thoại'],
  [/^(\S+) must not be in the future$/, '$1 không được ở thời điểm tương lai'],
  [/^(\S+) must not be before (\S+)$/, '$1 không được trước $2'],
  [/^(\S+) must be base64 encoded$/, '$1 phải được mã hóa base64'],
  [/^(\S+) must start with http:\/\/ or https:\/\/$/, '$1 phải bắt đầu bằng http:// hoặc https://'],
  [/^(\S+) must not contain a user name or password$/, '$1 không được chứa tên người dùng hay mật khẩu'],
  [/^(\S+) must use port 80, 443 or a port from 1024 up$/, '$1 phải dùng cổng 80, 443 hoặc từ 1024 trở lên'],
  [
    /^each value in (\S+) must be a GS1 company prefix of 4 to 12 digits, or a whole GTIN of 13 digits$/,
    'Mỗi giá trị trong $1 phải là mã doanh nghiệp GS1 gồm 4 đến 12 chữ số, hoặc trọn một mã GTIN 13 chữ số',
  ],
  [/^each value in (\S+) has a wrong GTIN check digit$/, 'Mỗi giá trị 13 chữ số trong $1 là một mã GTIN: số kiểm tra không đúng'],
];

function toVietnamese(message: string): string {
  for (const [pattern, template] of VIETNAMESE) {
    if (pattern.test(message)) return message.replace(pattern, template);
  }
  return message;
}

export function translateFieldErrors(fieldErrors: FieldErrors, locale: Locale): Record<string, string[]> {
  const translate = (message: string | { vi: string; en: string }) =>
    typeof message === 'string' ? (locale === 'vi' ? toVietnamese(message) : message) : localize(message, locale);
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map(translate)]));
}
