import { createHash } from 'node:crypto';
import { businessStatusFacts, canonicalJson, certificateFacts, type LogEntry } from '@nguon/shared';
import type { BusinessEntity } from './business.entity.js';
import type { CertificateEntity } from './certificate.entity.js';

/** SHA-256 over the canonical JSON of a record's content, as the transparency log covers it. */
const digest = (facts: object): string => createHash('sha256').update(canonicalJson(facts)).digest('hex');

export const statusHash = (business: BusinessEntity): string => digest(businessStatusFacts(business));
export const certificateHash = (certificate: CertificateEntity): string => digest(certificateFacts(certificate));

/** The business's status as stored now (registered, or decided), for the transparency log. */
export function statusEntry(business: BusinessEntity): LogEntry {
  return { kind: 'business_status', id: business.id, batches: [], businesses: [business.id], hash: statusHash(business) };
}

/** A certificate as stored now (added or changed), or its removal, for the transparency log. */
export function certificateEntry(certificate: CertificateEntity, removed = false): LogEntry {
  const concerns = { id: certificate.id, batches: [], businesses: [certificate.businessId] };
  return removed ? { kind: 'certificate_removal', ...concerns } : { kind: 'certificate', ...concerns, hash: certificateHash(certificate) };
}
