import { defineMessages } from '@/lib/define-messages';

export const importsMessages = defineMessages(
  {
    'imports.placeholder': '…',
  },
  {
    'imports.placeholder': '…',
  },
);
