/**
 * The content of a business's status and of a certificate as the transparency log covers it: its
 * log entry's hash is SHA-256 over this object's canonical JSON. What the portal writes, what the
 * migration that logged the records already stored wrote, and what it recomputes to check them,
 * so it must never change.
 */
export interface BusinessStatusFacts {
  business: string;
  status: string;
  reason: string | null;
  changedAt: string | null;
  changedBy: string | null;
}

export function businessStatusFacts(business: {
  id: string;
  status: string;
  statusReason: string | null;
  statusChangedAt: Date | null;
  statusChangedBy: string | null;
}): BusinessStatusFacts {
  // A field a new entity never set reads as null once stored: it is null here too.
  return {
    business: business.id,
    status: business.status,
    reason: business.statusReason ?? null,
    changedAt: business.statusChangedAt?.toISOString() ?? null,
    changedBy: business.statusChangedBy ?? null,
  };
}

/** A certificate's content (its dates as `YYYY-MM-DD`), the business's own or its product's. */
export interface CertificateFacts {
  id: string;
  business: string;
  product: string | null;
  kind: string;
  name: string;
  number: string | null;
  issuer: string;
  validFrom: string | null;
  validTo: string | null;
  stars: number | null;
  document: string | null;
}

/** A certificate as stored: the facts under their column names where those differ. */
type StoredCertificate = Omit<CertificateFacts, 'business' | 'product' | 'document'> & {
  businessId: string;
  productId: string | null;
  documentAttachmentId: string | null;
};

export function certificateFacts(certificate: StoredCertificate): CertificateFacts {
  const { id, businessId, kind, name, issuer } = certificate;
  return {
    id,
    business: businessId,
    product: certificate.productId ?? null,
    kind,
    name,
    number: certificate.number ?? null,
    issuer,
    validFrom: certificate.validFrom ?? null,
    validTo: certificate.validTo ?? null,
    stars: certificate.stars ?? null,
    document: certificate.documentAttachmentId ?? null,
  };
}
