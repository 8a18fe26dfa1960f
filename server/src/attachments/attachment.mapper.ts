import { attachmentUrl, type AttachmentView } from '@nguon/shared';
import type { AttachmentEntity } from './attachment.entity.js';
import { safeFileName } from './file-name.js';

export function mapAttachment(a: AttachmentEntity): AttachmentView {
  return {
    id: a.id,
    businessId: a.businessId,
    // Names stored before bidi marks were stripped at upload are cleaned on the way out too.
    fileName: safeFileName(a.fileName),
    contentType: a.contentType,
    size: a.size,
    url: attachmentUrl(a.id),
    createdAt: a.createdAt.toISOString(),
  };
}
