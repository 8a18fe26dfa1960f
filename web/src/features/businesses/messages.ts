import { defineMessages } from '@/lib/define-messages';

/** GS1 company prefixes and the claims an administrator confirms (tax code, prefixes). */
export const businessClaimsMessages = defineMessages(
  {
    'claims.prefixes.label': 'Mã doanh nghiệp GS1 (GS1 company prefix)',
    'claims.prefixes.hint':
      'Do GS1 Việt Nam cấp khi doanh nghiệp đăng ký mã số mã vạch: 4 đến 12 chữ số, là phần đầu của mọi mã GTIN (mã vạch) của sản phẩm, ví dụ 8938512. Nhiều mã thì cách nhau bằng dấu phẩy. Mã GTIN-8 được cấp riêng từng mã: ghi 00000 rồi đủ 8 chữ số. Quản trị viên đối chiếu và xác nhận khi duyệt doanh nghiệp; chỉ được công bố sản phẩm có GTIN thuộc mã đã xác nhận.',
    'claims.prefixes.invalid': 'Mỗi mã doanh nghiệp GS1 gồm 4 đến 12 chữ số (hoặc 13 chữ số cho một mã GTIN riêng): “{value}” không đúng.',
    'claims.prefixes.overlap': '“{a}” và “{b}” chồng lên nhau: chỉ ghi mã doanh nghiệp GS1 đúng như GS1 Việt Nam cấp.',
    'claims.prefixes.none': 'Chưa khai báo',
    'claims.confirmed': 'đã xác nhận',
    'claims.unconfirmed': 'chờ quản trị viên xác nhận',
    'claims.conflict': 'trùng với doanh nghiệp đã xác minh «{name}»',
    'claims.conflictNotice':
      'Có mã trùng với doanh nghiệp đã xác minh khác: không thể xác minh doanh nghiệp này cho đến khi khai báo được sửa hoặc làm rõ.',
    'claims.confirmButton': 'Xác nhận mã doanh nghiệp GS1 mới',
    'claims.confirmedNotice': 'Đã xác nhận mã doanh nghiệp GS1 của {name}.',
    'claims.edit.title': 'Mã doanh nghiệp GS1',
    'claims.edit.intro':
      'Mã GTIN của sản phẩm phải thuộc một trong các mã này. Sau khi doanh nghiệp được xác minh, mã thêm mới phải chờ quản trị viên xác nhận.',
    'claims.edit.save': 'Lưu mã doanh nghiệp',
    'claims.edit.saved': 'Đã lưu.',
    'claims.gtin.usable': 'Mã GTIN phải thuộc mã doanh nghiệp GS1 của doanh nghiệp: {prefixes}.',
    'claims.gtin.noPrefix':
      'Doanh nghiệp chưa có mã doanh nghiệp GS1 {state}: hãy khai báo ở trang doanh nghiệp trước khi nhập GTIN, hoặc để trống.',
    'claims.gtin.stateConfirmed': 'được xác nhận',
    'claims.gtin.stateDeclared': 'nào',
    'claims.gtin.outside':
      'Mã GTIN này không thuộc mã doanh nghiệp GS1 của doanh nghiệp ({prefixes}): chỉ được dùng mã vạch do doanh nghiệp mình đăng ký với GS1.',
  },
  {
    'claims.prefixes.label': 'GS1 company prefix',
    'claims.prefixes.hint':
      'Issued by GS1 Vietnam when the business registers for barcodes: 4 to 12 digits that begin every GTIN (barcode) of its products, e.g. 8938512. Separate several with commas. A GTIN-8 is issued on its own: write 00000 and then its 8 digits. An administrator checks and confirms them when verifying the business; only products with GTINs under a confirmed prefix can be published.',
    'claims.prefixes.invalid': 'Each GS1 company prefix has 4 to 12 digits (or 13 for a single GTIN): “{value}” is not one.',
    'claims.prefixes.overlap': '“{a}” and “{b}” overlap: write the GS1 company prefixes exactly as GS1 Vietnam issued them.',
    'claims.prefixes.none': 'None declared',
    'claims.confirmed': 'confirmed',
    'claims.unconfirmed': 'awaiting an administrator',
    'claims.conflict': 'held by the verified business “{name}”',
    'claims.conflictNotice':
      'Some claims collide with another verified business: this business cannot be verified until they are corrected or explained.',
    'claims.confirmButton': 'Confirm new GS1 company prefixes',
    'claims.confirmedNotice': 'The GS1 company prefixes of {name} are confirmed.',
    'claims.edit.title': 'GS1 company prefixes',
    'claims.edit.intro':
      'Product GTINs must fall under one of these. Once the business is verified, a prefix added waits for an administrator to confirm it.',
    'claims.edit.save': 'Save prefixes',
    'claims.edit.saved': 'Saved.',
    'claims.gtin.usable': "The GTIN must fall under the business's GS1 company prefixes: {prefixes}.",
    'claims.gtin.noPrefix':
      'The business has no {state} GS1 company prefix: declare one on the business page before entering a GTIN, or leave it empty.',
    'claims.gtin.stateConfirmed': 'confirmed',
    'claims.gtin.stateDeclared': 'declared',
    'claims.gtin.outside':
      "This GTIN is not under the business's GS1 company prefixes ({prefixes}): only barcodes the business registered with GS1 can be used.",
  },
);
