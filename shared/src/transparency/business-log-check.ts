import type { BusinessLogView, LogEntry } from '../api/transparency.js';
import { checkInclusion, type InclusionFailure, type LogCrypto } from './batch-log-check.js';

/** A business's status or one of its certificates, with the hash of its content as stored now. */
export interface BusinessRecord {
  id: string;
  hash: string;
}

/** How a business can differ from the log: which record, and how. */
export type BusinessDifference =
  | { problem: 'status_not_as_logged' }
  | { problem: 'certificate_not_as_logged'; certificateId: string }
  | { problem: 'certificate_missing'; certificateId: string };

/**
 * Whether a business's status and certificates are as the transparency log holds them (decision
 * record 0037), given its logged records (and those queued), in log order: its status the one of
 * its last logged decision, and its certificates exactly those logged and not removed since, each
 * with the hash of its last logged content. A status changed, or a certificate added, changed or
 * deleted behind the portal's back, is the first difference; null when there is none.
 */
export function differenceFromBusinessLog(
  status: BusinessRecord,
  certificates: BusinessRecord[],
  logged: LogEntry[],
): BusinessDifference | null {
  const decisions = logged.filter((entry) => entry.kind === 'business_status' && entry.id === status.id);
  if (decisions.at(-1)?.hash !== status.hash) return { problem: 'status_not_as_logged' };
  const lastOf = new Map<string, LogEntry>();
  for (const entry of logged) if (entry.kind === 'certificate' || entry.kind === 'certificate_removal') lastOf.set(entry.id, entry);
  for (const certificate of certificates) {
    const last = lastOf.get(certificate.id);
    if (last?.kind !== 'certificate' || last.hash !== certificate.hash)
      return { problem: 'certificate_not_as_logged', certificateId: certificate.id };
  }
  const held = new Set(certificates.map((certificate) => certificate.id));
  for (const [id, last] of lastOf)
    if (last.kind === 'certificate' && !held.has(id)) return { problem: 'certificate_missing', certificateId: id };
  return null;
}

/** What checking a business against the log found: the first problem, or none. */
export type BusinessLogFinding = { ok: true } | InclusionFailure | { ok: false; problem: 'different'; difference: BusinessDifference };

/**
 * A business held to the log by whoever checks it (the CLI): its logged records in the signed tree
 * head (`checkInclusion`), and its status and certificates as they were logged. Its batches are
 * checked one by one (`checkBatchLog`).
 */
export async function checkBusinessLog(
  view: BusinessLogView,
  key: { name: string; publicKey: Uint8Array },
  crypto: LogCrypto,
): Promise<BusinessLogFinding> {
  const failure = await checkInclusion(view, key, crypto);
  if (failure) return failure;
  const difference = differenceFromBusinessLog(view.status, view.certificates, [...view.logged.map((r) => r.entry), ...view.pending]);
  return difference ? { ok: false, problem: 'different', difference } : { ok: true };
}
