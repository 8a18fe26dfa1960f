import type { ChainRecord } from '../transparency/batch-log-check.js';
import type { BusinessRecord } from '../transparency/business-log-check.js';

/**
 * One record as the transparency log holds it (decision record 0037): what kind of record, which
 * (the event's id for events and their late links, the business's for its status, the
 * certificate's), the batches and the businesses it concerns, and its hash where the record has
 * one (an event's record hash, a late link's hash, the hash of a status's or certificate's
 * content). A leaf of the log's Merkle tree is the UTF-8 of its canonical JSON.
 */
export interface LogEntry {
  kind: LogEntryKind;
  id: string;
  batches: string[];
  /** Absent from the records of batches, which were logged before businesses were. */
  businesses?: string[];
  hash?: string;
}

/**
 * `event`: an event as stored; `batch_link`, `place_link`: a batch, place or party linked to it
 * later; `recall`, `recall_lift`: a batch recalled, or its recall lifted (the decision's own event
 * is logged as an event too); `business_status`: a business's status as registered or decided
 * (verified, rejected, suspended); `certificate`, `certificate_removal`: a certificate of a
 * business or of its product added or changed (its content then), or removed.
 */
export type LogEntryKind =
  'event' | 'batch_link' | 'place_link' | 'recall' | 'recall_lift' | 'business_status' | 'certificate' | 'certificate_removal';

/** The latest signed tree head. */
export interface TreeHeadView {
  origin: string;
  size: number;
  /** Base64, as in the checkpoint. */
  rootHash: string;
  /** The C2SP checkpoint as a signed note: what a verifier checks and keeps. */
  checkpoint: string;
  signedAt: string;
  /** The note verifier key the checkpoint is signed with (also at /.well-known/nguon-log-key). */
  verifierKey: string;
}

/** A logged record and the path from its leaf to the root of the tree head it was proved against. */
export interface LoggedRecordView {
  position: number;
  entry: LogEntry;
  loggedAt: string;
  /** Base64 hashes, RFC 9162's inclusion path. */
  inclusionPath: string[];
}

export interface ConsistencyProofView {
  from: number;
  to: number;
  /** Base64 hashes, RFC 9162's consistency path. */
  path: string[];
}

/** A page of the log's records, in order, for a verifier checking the whole log. */
export interface LogEntriesView {
  start: number;
  entries: { position: number; entry: LogEntry; loggedAt: string }[];
}

/**
 * What a verifier of one batch needs: the tree head, the batch's logged records each with its
 * inclusion proof, and the batch's records and recall state as the portal holds them now (each
 * record's hash recomputed from its stored content).
 */
export interface BatchLogView {
  batchId: string;
  treeHead: TreeHeadView;
  logged: LoggedRecordView[];
  /** Records written but not yet in a signed tree head (they are within a few seconds). */
  pending: LogEntry[];
  chain: ChainRecord[];
  recalled: boolean;
}

/**
 * What a verifier of one business needs: the tree head, the business's logged records (its status
 * decisions, its certificates' changes) each with its inclusion proof, its status and certificates
 * as the portal holds them now (each one's hash recomputed from its stored content), and its
 * batches, each checked at `/api/batches/{id}/log`.
 */
export interface BusinessLogView {
  businessId: string;
  treeHead: TreeHeadView;
  logged: LoggedRecordView[];
  pending: LogEntry[];
  status: BusinessRecord;
  certificates: BusinessRecord[];
  batchIds: string[];
}
