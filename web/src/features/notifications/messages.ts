import { defineMessages } from '@/lib/define-messages';

export const notificationsMessages = defineMessages(
  {
    'notifications.title': 'Thông báo',
    'notifications.empty': 'Chưa có thông báo nào.',
    'notifications.loading': 'Đang tải thông báo…',
    'notifications.unread': 'Mới',
    'notifications.markRead': 'Đánh dấu đã đọc',
    'notifications.batch': 'Xem lô hàng',
  },
  {
    'notifications.title': 'Notifications',
    'notifications.empty': 'No notifications yet.',
    'notifications.loading': 'Loading notifications…',
    'notifications.unread': 'New',
    'notifications.markRead': 'Mark as read',
    'notifications.batch': 'View batch',
  },
);
