import type { AttachmentView } from '@nguon/shared';
import { apiRequest, queryString, type RequestOptions } from '@/lib/api-client';

/** `POST /api/businesses/{id}/attachments?fileName=` with the file itself as the body (201). */
export function uploadAttachment(businessId: string, file: File, options: RequestOptions): Promise<AttachmentView> {
  return apiRequest<AttachmentView>(
    'POST',
    `/api/businesses/${encodeURIComponent(businessId)}/attachments${queryString({ fileName: file.name })}`,
    { ...options, body: file },
  );
}
