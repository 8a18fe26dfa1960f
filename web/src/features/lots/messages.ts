import { defineMessages } from '@/lib/define-messages';

export const lotsMessages = defineMessages(
  {
    'lots.placeholder': '…',
  },
  {
    'lots.placeholder': '…',
  },
);
