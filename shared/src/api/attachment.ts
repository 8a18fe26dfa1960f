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
