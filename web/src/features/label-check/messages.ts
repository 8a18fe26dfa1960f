import { defineMessages } from '@/lib/define-messages';

/** The label check (decision record 0038): a code's signature checked on the phone, online or not. */
export const labelCheckMessages = defineMessages(
  {
    'labelCheck.genuine.title': 'Nhãn do cổng Nguồn ký',
    'labelCheck.genuine.text':
      'Mã này được cổng ký cho đúng sản phẩm, số lô, hạn sử dụng và doanh nghiệp dưới đây. Hãy so với thông tin in trên bao bì: nếu khác, nhãn đã bị dán sang hàng khác.',
    'labelCheck.altered.title': 'Cảnh báo: mã đã bị sửa',
    'labelCheck.altered.text':
      'Chữ ký trên mã không khớp với sản phẩm, số lô, hạn sử dụng hoặc doanh nghiệp mà mã ghi. Mã có thể đã bị chép rồi sửa (đổi số lô, bịa mã GTIN). Đừng tin nhãn này và hãy báo cho cơ quan quản lý.',
    'labelCheck.unknown_key.title': 'Cảnh báo: chữ ký không phải của cổng',
    'labelCheck.unknown_key.text': 'Mã mang một chữ ký, nhưng không bằng khóa nào cổng Nguồn công bố. Đừng tin nhãn này.',
    'labelCheck.unsigned.title': 'Nhãn không có chữ ký',
    'labelCheck.unsigned.text':
      'Mã này không mang chữ ký của cổng: có thể là nhãn in trước khi cổng ký nhãn, hoặc do người khác làm ra. Không thể kiểm tra nhãn mà không có mạng.',
    'labelCheck.not_a_code.title': 'Không phải mã truy xuất',
    'labelCheck.not_a_code.text': 'Đây không phải mã GS1 Digital Link hay mã ngắn của cổng Nguồn.',
    'labelCheck.gtin': 'Mã GTIN',
    'labelCheck.shortCode': 'Mã ngắn',
    'labelCheck.lot': 'Số lô',
    'labelCheck.expiry': 'Hạn sử dụng',
    'labelCheck.business': 'Mã doanh nghiệp trên Nguồn',
    'labelCheck.offline':
      'Bạn đang không có mạng: kết quả kiểm tra nhãn ở trên do điện thoại tự làm, nhưng không thể tải hồ sơ của lô hàng. Hãy mở lại mã khi có mạng.',
    'labelCheck.offlineUnchecked': 'Bạn đang không có mạng: không thể tải hồ sơ của lô hàng. Hãy mở lại mã khi có mạng.',
    'labelCheck.page.title': 'Kiểm tra nhãn',
    'labelCheck.page.intro':
      'Dán đường dẫn trong mã QR hoặc quét mã bằng camera. Việc kiểm tra chữ ký làm ngay trên máy, kể cả khi không có mạng (sau khi đã mở trang này một lần khi có mạng).',
    'labelCheck.page.codeLabel': 'Đường dẫn trong mã QR',
    'labelCheck.page.submit': 'Kiểm tra',
    'labelCheck.page.keysMissing': 'Máy này chưa có khóa của cổng: hãy mở trang này một lần khi có mạng.',
  },
  {
    'labelCheck.genuine.title': 'Label signed by the Nguồn portal',
    'labelCheck.genuine.text':
      'The portal signed this code for exactly the product, lot, expiry date and business below. Compare them with what is printed on the pack: if they differ, the label was put on other goods.',
    'labelCheck.altered.title': 'Warning: the code was altered',
    'labelCheck.altered.text':
      'The signature in the code does not match the product, lot, expiry date or business the code states. It may have been copied and changed (another lot, an invented GTIN). Do not trust this label, and report it to the authorities.',
    'labelCheck.unknown_key.title': 'Warning: not the portal’s signature',
    'labelCheck.unknown_key.text': 'The code carries a signature, but by no key the Nguồn portal publishes. Do not trust this label.',
    'labelCheck.unsigned.title': 'Label not signed',
    'labelCheck.unsigned.text':
      'This code carries no signature of the portal: a label printed before the portal signed labels, or one made by someone else. It cannot be checked without a network.',
    'labelCheck.not_a_code.title': 'Not a traceability code',
    'labelCheck.not_a_code.text': 'This is neither a GS1 Digital Link nor a short code of the Nguồn portal.',
    'labelCheck.gtin': 'GTIN',
    'labelCheck.shortCode': 'Short code',
    'labelCheck.lot': 'Lot',
    'labelCheck.expiry': 'Expiry date',
    'labelCheck.business': 'Business ID on Nguồn',
    'labelCheck.offline':
      'You are offline: the label check above was made on this phone, but the batch’s records cannot be loaded. Open the code again when you are online.',
    'labelCheck.offlineUnchecked': 'You are offline: the batch’s records cannot be loaded. Open the code again when you are online.',
    'labelCheck.page.title': 'Check a label',
    'labelCheck.page.intro':
      'Paste the link in the QR code, or scan the code with the camera. The signature is checked on this device, offline too (once this page has been opened online).',
    'labelCheck.page.codeLabel': 'Link in the QR code',
    'labelCheck.page.submit': 'Check',
    'labelCheck.page.keysMissing': 'This device does not have the portal’s keys yet: open this page once while online.',
  },
);
