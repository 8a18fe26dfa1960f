import type { AttachmentView, CreateCertificateRequest, ProductView, UpdateProductRequest } from '@nguon/shared';
import type { HttpResponse } from '../support/http.js';
import type { Credential, Factory } from './index.js';

/** Small but real files: a 1×1 PNG that browsers draw, and a one-page PDF. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG_BYTES = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Sends a file as the raw body, as the portal's upload does; the answer as it came. */
export async function uploadRaw(
  f: Factory,
  credential: Credential | null,
  businessId: string,
  bytes: Buffer,
  options: { contentType?: string; fileName?: string; headers?: Record<string, string> } = {},
): Promise<HttpResponse<AttachmentView>> {
  const query = new URLSearchParams({ fileName: options.fileName ?? 'ảnh sản phẩm.png' });
  const headers: Record<string, string> = { ...options.headers };
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  return f.http.post<AttachmentView>(`/api/businesses/${businessId}/attachments?${query}`, bytes, { token: credential?.token, headers });
}

export async function uploadAttachment(
  f: Factory,
  credential: Credential,
  businessId: string,
  options: { bytes?: Buffer; contentType?: string; fileName?: string } = {},
): Promise<AttachmentView> {
  const response = await uploadRaw(f, credential, businessId, options.bytes ?? PNG_BYTES, {
    contentType: options.contentType ?? 'image/png',
    fileName: options.fileName,
  });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function updateProduct(
  f: Factory,
  owner: Credential,
  productId: string,
  body: UpdateProductRequest,
): Promise<HttpResponse<ProductView>> {
  return f.http.request<ProductView>('PATCH', `/api/products/${productId}`, { body, token: owner.token });
}

export function certificateInput(overrides: Partial<CreateCertificateRequest> = {}): CreateCertificateRequest {
  return {
    kind: 'vietgap',
    name: 'VietGAP trồng trọt',
    number: 'VG-01',
    issuer: 'Trung tâm Chứng nhận phù hợp',
    validFrom: '2025-01-01',
    validTo: '2030-12-31',
    ...overrides,
  };
}
