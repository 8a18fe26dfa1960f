import { defineMessages } from '@/lib/define-messages';

export const webhooksMessages = defineMessages(
  {
    'webhooks.title': 'Webhook',
    'webhooks.intro':
      'Hệ thống của bạn nhận tin thu hồi ngay khi xảy ra, và nếu muốn, điểm kiểm (checkpoint) đã ký của sổ minh bạch mỗi ngày, có chữ ký HMAC-SHA256 trong tiêu đề X-Nguon-Signature.',
    'webhooks.events': 'Nhận tin gì',
    'webhooks.eventsRequired': 'Chọn ít nhất một loại tin.',
    'webhooks.event.recall.created': 'Lô bị thu hồi',
    'webhooks.event.recall.created.hint': 'Một lô của doanh nghiệp, hoặc lô làm từ nó, bị thu hồi.',
    'webhooks.event.recall.lifted': 'Lệnh thu hồi được gỡ',
    'webhooks.event.recall.lifted.hint': 'Một lệnh thu hồi liên quan tới doanh nghiệp được gỡ bỏ.',
    'webhooks.event.log.checkpoint': 'Điểm kiểm hằng ngày của sổ minh bạch',
    'webhooks.event.log.checkpoint.hint':
      'Mỗi ngày một lần, sau nửa đêm giờ Việt Nam: đầu cây đã ký của ngày vừa qua. Hãy lưu lại: nếu lịch sử bị viết lại, bản bạn giữ sẽ cho thấy.',
    'webhooks.url': 'Địa chỉ nhận (URL)',
    'webhooks.urlHint': 'Ví dụ https://erp.congty.vn/hooks/nguon',
    'webhooks.add': 'Thêm webhook',
    'webhooks.secret': 'Khóa ký, chỉ hiện một lần. Hãy lưu lại để kiểm tra chữ ký:',
    'webhooks.empty': 'Chưa có webhook nào.',
    'webhooks.loading': 'Đang tải thông báo…',
    'webhooks.remove': 'Gỡ',
    'webhooks.removeConfirm': 'Gỡ webhook {url}? Các tin chưa gửi sẽ bị hủy.',
    'webhooks.urlRule': 'Chỉ địa chỉ Internet công khai (http hoặc https): hệ thống không gọi tới máy chủ của chính nó hay mạng nội bộ.',
    'webhooks.last': 'Lần gửi gần nhất: {status}, {time}, lần thử thứ {attempts}.',
    'webhooks.retry': 'Sẽ thử lại lúc {time}.',
    'webhooks.refusedHint':
      'Địa chỉ này trỏ vào mạng nội bộ nên hệ thống không gửi và không thử lại. Hãy gỡ webhook này và thêm một địa chỉ Internet công khai.',
    'webhooks.status.delivered': 'đã gửi',
    'webhooks.status.refused': 'bị từ chối',
    'webhooks.status.failed': 'thất bại',
  },
  {
    'webhooks.title': 'Webhooks',
    'webhooks.intro':
      'Your systems hear of recalls at once and, if you wish, of the transparency log’s signed checkpoint each day, signed with HMAC-SHA256 in the X-Nguon-Signature header.',
    'webhooks.events': 'What to hear of',
    'webhooks.eventsRequired': 'Choose at least one kind of news.',
    'webhooks.event.recall.created': 'Batch recalled',
    'webhooks.event.recall.created.hint': 'A batch of the business, or one made from it, is recalled.',
    'webhooks.event.recall.lifted': 'Recall lifted',
    'webhooks.event.recall.lifted.hint': 'A recall that concerns the business is lifted.',
    'webhooks.event.log.checkpoint': 'The transparency log’s daily checkpoint',
    'webhooks.event.log.checkpoint.hint':
      'Once a day, after midnight Vietnam time: the signed tree head that closed the day. Keep it: if the history were rewritten, your copy would show it.',
    'webhooks.url': 'Receiving URL',
    'webhooks.urlHint': 'For example https://erp.company.vn/hooks/nguon',
    'webhooks.add': 'Add webhook',
    'webhooks.secret': 'Signing secret, shown once. Keep it to check the signatures:',
    'webhooks.empty': 'No webhooks yet.',
    'webhooks.loading': 'Loading notifications…',
    'webhooks.remove': 'Remove',
    'webhooks.removeConfirm': 'Remove the webhook {url}? Deliveries not yet sent are dropped.',
    'webhooks.urlRule': 'Public internet addresses only (http or https): the portal does not call itself or internal networks.',
    'webhooks.last': 'Last delivery: {status}, {time}, attempt {attempts}.',
    'webhooks.retry': 'Will try again at {time}.',
    'webhooks.refusedHint':
      'This address points into an internal network, so the portal does not send to it or retry. Remove this webhook and add a public internet address.',
    'webhooks.status.delivered': 'delivered',
    'webhooks.status.refused': 'refused',
    'webhooks.status.failed': 'failed',
  },
);
