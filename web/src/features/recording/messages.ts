import { defineMessages } from '@/lib/define-messages';

export const recordingMessages = defineMessages(
  {
    'recording.placeholder': '…',
  },
  {
    'recording.placeholder': '…',
  },
);
