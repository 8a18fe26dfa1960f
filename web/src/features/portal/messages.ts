import { defineMessages } from '@/lib/define-messages';

export const portalMessages = defineMessages(
  {
    'portal.title': 'Cổng doanh nghiệp',
    'portal.noBusiness.title': 'Bạn chưa thuộc doanh nghiệp nào',
    'portal.noBusiness.text': 'Hãy đăng ký doanh nghiệp, hoặc nhờ chủ doanh nghiệp mời bạn bằng email này.',
    'portal.nav.label': 'Các mục của doanh nghiệp',
    'portal.nav.dashboard': 'Tổng quan',
    'portal.nav.batches': 'Lô hàng',
    'portal.nav.shipments': 'Hàng đến',
    'portal.nav.products': 'Sản phẩm',
    'portal.nav.locations': 'Địa điểm',
    'portal.nav.certificates': 'Chứng nhận',
    'portal.nav.import': 'Nhập từ tệp',
    'portal.nav.settings': 'Cài đặt',
  },
  {
    'portal.title': 'Business portal',
    'portal.noBusiness.title': 'You do not belong to a business yet',
    'portal.noBusiness.text': 'Register a business, or ask its owner to invite you with this email.',
    'portal.nav.label': "The business's sections",
    'portal.nav.dashboard': 'Overview',
    'portal.nav.batches': 'Batches',
    'portal.nav.shipments': 'Incoming',
    'portal.nav.products': 'Products',
    'portal.nav.locations': 'Locations',
    'portal.nav.certificates': 'Certificates',
    'portal.nav.import': 'Import from file',
    'portal.nav.settings': 'Settings',
  },
);
