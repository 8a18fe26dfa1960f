import { defineMessages } from '@/lib/define-messages';

export const labelsMessages = defineMessages(
  {
    'labels.placeholder': '…',
  },
  {
    'labels.placeholder': '…',
  },
);
