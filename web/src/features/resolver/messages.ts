import { defineMessages } from '@/lib/define-messages';

/**
 * The home page: a code typed or scanned, the lots that match a lot code, and the page that
 * explains a code the server could not resolve.
 */
export const resolverMessages = defineMessages(
  {
    'home.title': 'Tra cứu nguồn gốc sản phẩm',
    'home.intro': 'Quét mã QR trên bao bì hoặc nhập mã để biết sản phẩm được làm ra ở đâu, khi nào và bởi ai.',
    'home.help.title': 'Mã truy xuất nằm ở đâu?',
    'home.help.text':
      'Mã QR thường được in cạnh mã vạch hoặc trên tem truy xuất. Bên dưới mã QR có tên sản phẩm, số lô và mã ngắn để nhập tay.',

    'scan.formTitle': 'Nhập mã',
    'scan.codeLabel': 'Mã truy xuất',
    'scan.codeHint': 'Đường dẫn trong mã QR, mã dạng (01)…(10)… hoặc mã ngắn in trên nhãn, ví dụ K7M2QX9PTA.',
    'scan.gtinLotToggle': 'Nhập mã GTIN và số lô riêng',
    'scan.gtinLabel': 'Mã GTIN (số dưới mã vạch)',
    'scan.lotLabel': 'Số lô',
    'scan.submit': 'Tra cứu',
    'scan.submitting': 'Đang tra cứu…',
    'scan.empty': 'Vui lòng nhập mã truy xuất.',
    'scan.or': 'hoặc',
    'scan.camera': 'Quét bằng camera',
    'scan.cameraClose': 'Đóng camera',
    'scan.cameraHint': 'Hướng camera vào mã QR hoặc mã vạch trên bao bì.',
    'scan.cameraVideo': 'Hình ảnh từ camera',
    'scan.cameraDenied': 'Không mở được camera. Hãy cho phép truy cập camera, hoặc nhập mã bằng tay.',
    'scan.readerFailed': 'Không tải được bộ đọc mã. Hãy kiểm tra kết nối mạng, hoặc nhập mã bằng tay.',
    'scan.lots.title': 'Các lô mang mã {lot}',
    'scan.lots.hint': 'Chọn đúng sản phẩm bạn đang cầm trên tay.',
    'scan.lots.made': 'Lô {lot}, sản xuất {date}',
    'scan.lots.none': 'Không có lô nào mang mã {lot} trên cổng. Hãy kiểm tra lại mã, hoặc nhập cả mã GTIN in dưới mã vạch.',
    'scan.lots.more': 'Còn nhiều lô khác mang mã này: hãy nhập thêm mã GTIN để tìm đúng sản phẩm.',
    'scan.webAddress.title': 'Đây là một địa chỉ web, không phải mã truy xuất nguồn gốc',
    'scan.webAddress.text': 'Mã này dẫn tới một trang web khác mà cổng Nguồn không kiểm chứng được. Chỉ mở nếu bạn tin nguồn của mã.',
    'scan.webAddress.open': 'Mở địa chỉ này',

    'resolve.loading': 'Đang tra cứu mã…',
    'resolve.invalidTitle': 'Mã truy xuất không hợp lệ',
  },
  {
    'home.title': 'Check where a product comes from',
    'home.intro': 'Scan the QR code on the package or type its code to see where, when and by whom the product was made.',
    'home.help.title': 'Where is the code?',
    'home.help.text':
      'The QR code is usually printed next to the barcode or on a traceability label. Below it are the product name, the lot and a short code you can type.',

    'scan.formTitle': 'Type a code',
    'scan.codeLabel': 'Traceability code',
    'scan.codeHint': 'The link in the QR code, a code like (01)…(10)…, or the short code printed on the label, e.g. K7M2QX9PTA.',
    'scan.gtinLotToggle': 'Enter the GTIN and lot separately',
    'scan.gtinLabel': 'GTIN (the number under the barcode)',
    'scan.lotLabel': 'Lot',
    'scan.submit': 'Look up',
    'scan.submitting': 'Looking up…',
    'scan.empty': 'Please enter a code.',
    'scan.or': 'or',
    'scan.camera': 'Scan with camera',
    'scan.cameraClose': 'Close camera',
    'scan.cameraHint': 'Point the camera at the QR code or barcode on the package.',
    'scan.cameraVideo': 'Camera view',
    'scan.cameraDenied': 'The camera could not be opened. Allow camera access, or type the code instead.',
    'scan.readerFailed': 'The code reader could not be loaded. Check your connection, or type the code instead.',
    'scan.lots.title': 'Batches with lot code {lot}',
    'scan.lots.hint': 'Choose the product you are holding.',
    'scan.lots.made': 'Lot {lot}, made {date}',
    'scan.lots.none': 'No batch on the portal has lot code {lot}. Check the code, or also type the GTIN printed under the barcode.',
    'scan.lots.more': 'More batches carry this code: also type the GTIN to find your product.',
    'scan.webAddress.title': 'This is a web address, not a traceability code',
    'scan.webAddress.text':
      'This code leads to another website, which Nguồn cannot vouch for. Open it only if you trust where the code came from.',
    'scan.webAddress.open': 'Open this address',

    'resolve.loading': 'Looking up the code…',
    'resolve.invalidTitle': 'Invalid code',
  },
);
