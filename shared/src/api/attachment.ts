/** The kinds of file a business may upload, recognised by their first bytes, not by their name. */
export const ATTACHMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];
export const IMAGE_CONTENT_TYPES: readonly AttachmentContentType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The largest upload unless the server is configured otherwise (`ATTACHMENT_MAX_BYTES`): 10 MiB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A file a business uploaded (photo, certificate, lab result), stored behind one storage interface. */
export interface AttachmentView {
  id: string;
  businessId: string;
  fileName: string;
  contentType: string;
  /** Bytes. */
  size: number;
  /** Where it can be downloaded: `/api/attachments/{id}`. */
  url: string;
  createdAt: string;
}

export function attachmentUrl(id: string): string {
  return `/api/attachments/${id}`;
}
