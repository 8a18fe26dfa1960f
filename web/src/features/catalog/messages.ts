import { defineMessages } from '@/lib/define-messages';

export const catalogMessages = defineMessages(
  {
    'catalog.placeholder': '…',
  },
  {
    'catalog.placeholder': '…',
  },
);
