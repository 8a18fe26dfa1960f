import { apiRequest, type RequestOptions } from '@/lib/api-client';
import { certificatesPath, type CertificateHolder } from './certificate-holder';

/** `DELETE .../certificates/{certificateId}` (owner, 204). */
export function removeCertificate(holder: CertificateHolder, certificateId: string, options: RequestOptions): Promise<void> {
  return apiRequest<void>('DELETE', `${certificatesPath(holder)}/${encodeURIComponent(certificateId)}`, options);
}
