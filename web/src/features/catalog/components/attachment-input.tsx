import type { AttachmentView } from '@nguon/shared';

export interface AttachmentInputProps {
  businessId: string;
  label: string;
  hint?: string;
  /** Which kinds of file to offer: photos only, or documents (PDF and photos). */
  kind: 'image' | 'document';
  multiple?: boolean;
  value: readonly AttachmentView[];
  onChange: (attachments: AttachmentView[]) => void;
  error?: string;
}

/** Placeholder: uploads files as they are picked and lists them, each removable. */
export function AttachmentInput(_: AttachmentInputProps) {
  return null;
}
