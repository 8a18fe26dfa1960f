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
  gs1CompanyPrefix?: string;
  gln?: string;
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
}

export interface BusinessView {
  id: string;
  legalName: string;
  taxCode: string;
  address: Address;
  phone: string | null;
  email: string | null;
  gs1CompanyPrefix: string | null;
  gln: string | null;
  status: BusinessStatus;
  /** Why it was rejected or suspended, for its members and administrators. */
  statusReason: string | null;
  certificates: CertificateView[];
  createdAt: string;
}

export interface BusinessDecisionRequest {
  /** Required when rejecting or suspending. */
  reason?: string;
}
