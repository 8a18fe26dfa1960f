import { attachmentUrl, certificateValidity, vietnamDay, type BusinessView, type CertificateView } from '@nguon/shared';
import type { ClaimsOfBusiness } from './business-claims.js';
import type { BusinessEntity } from './business.entity.js';
import type { CertificateEntity } from './certificate.entity.js';

/** `c.document` must be loaded when the certificate has one (see `loadCertificates`). Valid until the end of its last day in Vietnam. */
export function mapCertificate(c: CertificateEntity, today = vietnamDay()): CertificateView {
  const validity = certificateValidity(c.validTo, today);
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    number: c.number,
    issuer: c.issuer,
    validFrom: c.validFrom,
    validTo: c.validTo,
    stars: c.stars,
    valid: validity !== 'expired',
    validity,
    productId: c.productId,
    document: c.document
      ? {
          attachmentId: c.document.id,
          fileName: c.document.fileName,
          contentType: c.document.contentType,
          url: attachmentUrl(c.document.id),
        }
      : null,
  };
}

export function mapBusiness(b: BusinessEntity, certificates: CertificateEntity[], claims: ClaimsOfBusiness): BusinessView {
  return {
    id: b.id,
    legalName: b.legalName,
    taxCode: b.taxCode,
    address: { line: b.addressLine, commune: b.commune, province: b.province },
    phone: b.phone,
    email: b.email,
    gs1Prefixes: claims.prefixes,
    gln: b.gln,
    status: b.status,
    taxCodeConfirmed: b.taxCodeConfirmed,
    taxCodeConflict: claims.taxCodeConflict,
    statusReason: b.statusReason,
    certificates: certificates.map((c) => mapCertificate(c)),
    createdAt: b.createdAt.toISOString(),
  };
}
