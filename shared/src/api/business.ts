export const BUSINESS_STATUSES = ['pending', 'verified', 'rejected', 'suspended'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

export const CERTIFICATE_KINDS = ['vietgap', 'globalgap', 'ocop', 'organic', 'haccp', 'iso22000', 'other'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface Address {
  line: string;
  commune: string;
  province: string;
}

export interface CreateBusinessRequest {
  legalName: string;
  taxCode: string;
  address: Address;
  phone?: string;
  email?: string;
  /** GS1 company prefixes (4–12 digits) or single GTINs in 13-digit form; see `parseCompanyPrefix`. */
  gs1Prefixes?: string[];
  gln?: string;
}

/** The whole list of a business's prefixes, replacing the one it has (`PUT /api/businesses/{id}/gs1-prefixes`). */
export interface UpdateGs1PrefixesRequest {
  gs1Prefixes: string[];
}

/** The business's own GLN, which the portal writes as the party of its events; null clears it. */
export interface UpdateBusinessGlnRequest {
  gln: string | null;
}

/** Another business a claim collides with: a verified one that holds it already. */
export interface ClaimHolder {
  businessId: string;
  legalName: string;
}

/**
 * A declared GS1 company prefix. Only a confirmed one counts: the business may publish GTINs under
 * it, and no other business may be confirmed for an overlapping one.
 */
export interface Gs1PrefixView {
  /** As stored and matched (a single GTIN as its 12 data digits). */
  prefix: string;
  /** As people write it (a single GTIN-8 whole). */
  display: string;
  confirmed: boolean;
  /** For an unconfirmed prefix: the verified business holding an overlapping one. */
  conflict: ClaimHolder | null;
}

export interface CreateCertificateRequest {
  kind: CertificateKind;
  name: string;
  number?: string;
  issuer: string;
  validFrom?: string;
  validTo?: string;
  /** OCOP star rating, 1 to 5. */
  stars?: number;
  /** An uploaded scan of the certificate (PDF or photo) of the same business. */
  documentAttachmentId?: string;
}

/** A change to a certificate: only the fields given change; `null` clears an optional one. */
export interface UpdateCertificateRequest {
  kind?: CertificateKind;
  name?: string;
  number?: string | null;
  issuer?: string;
  validFrom?: string | null;
  validTo?: string | null;
  stars?: number | null;
  documentAttachmentId?: string | null;
}

export const CERTIFICATE_VALIDITIES = ['valid', 'expiring', 'expired'] as const;
export type CertificateValidity = (typeof CERTIFICATE_VALIDITIES)[number];

/** How many days before its end a certificate counts as expiring (the owner should renew it). */
export const CERTIFICATE_EXPIRING_DAYS = 30;

/**
 * Whether a certificate is valid, expiring within CERTIFICATE_EXPIRING_DAYS, or expired, on a given
 * day (YYYY-MM-DD). The one place this is decided, for the server's views and the web alike.
 */
export function certificateValidity(validTo: string | null, today: string): CertificateValidity {
  if (validTo === null) return 'valid';
  if (validTo < today) return 'expired';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + CERTIFICATE_EXPIRING_DAYS);
  return validTo <= soon.toISOString().slice(0, 10) ? 'expiring' : 'valid';
}

/** A certificate's document, as much as a consumer page needs to link it. */
export interface CertificateDocument {
  attachmentId: string;
  fileName: string;
  contentType: string;
  url: string;
}

export interface CertificateView {
  id: string;
  kind: CertificateKind;
  name: string;
  number: string | null;
  issuer: string;
  validFrom: string | null;
  validTo: string | null;
  stars: number | null;
  /** False when validTo has passed. */
  valid: boolean;
  validity: CertificateValidity;
  /** Set for a certificate of one product (a product's VietGAP); null for the business's own. */
  productId: string | null;
  document: CertificateDocument | null;
}

export interface BusinessView {
  id: string;
  legalName: string;
  taxCode: string;
  address: Address;
  phone: string | null;
  email: string | null;
  gs1Prefixes: Gs1PrefixView[];
  gln: string | null;
  status: BusinessStatus;
  /** Confirmed by an administrator at verification; until then the tax code blocks no one. */
  taxCodeConfirmed: boolean;
  /** For an unconfirmed tax code: the verified business that holds it. */
  taxCodeConflict: ClaimHolder | null;
  /** Why it was rejected or suspended, for its members and administrators. */
  statusReason: string | null;
  certificates: CertificateView[];
  createdAt: string;
}

export interface BusinessDecisionRequest {
  /** Required when rejecting or suspending. */
  reason?: string;
}
