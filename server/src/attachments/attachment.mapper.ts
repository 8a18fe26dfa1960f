import { attachmentUrl, type AttachmentView } from '@nguon/shared';
import type { AttachmentEntity } from './attachment.entity.js';

export function mapAttachment(a: AttachmentEntity): AttachmentView {
  return {
    id: a.id,
    businessId: a.businessId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    url: attachmentUrl(a.id),
    createdAt: a.createdAt.toISOString(),
  };
}
