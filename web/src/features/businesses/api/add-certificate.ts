import type { BusinessView, CreateCertificateRequest, ProductView } from '@nguon/shared';
import { apiRequest, type RequestOptions } from '@/lib/api-client';
import { certificatesPath, type CertificateHolder } from './certificate-holder';

/** `POST /api/businesses/{id}/certificates` or `/api/products/{id}/certificates` (owner, 201): the holder as it now reads. */
export function addCertificate(
  holder: CertificateHolder,
  body: CreateCertificateRequest,
  options: RequestOptions,
): Promise<BusinessView | ProductView> {
  return apiRequest<BusinessView | ProductView>('POST', certificatesPath(holder), { ...options, body });
}
