import type { IntegrityReport } from '../api/event.js';
import type { BatchLogView, LogEntry, LoggedRecordView, TreeHeadView } from '../api/transparency.js';
import { canonicalJson } from '../text/canonical-json.js';
import { fromBase64, openCheckpoint, utf8 } from './checkpoint.js';
import { leafHash, verifyInclusion, type Sha256 } from './merkle.js';

/** A record of a batch's chain with its hash recomputed from what is stored now. */
export interface ChainRecord {
  seq: number;
  kind: 'event' | 'batch_link';
  id: string;
  eventId: string;
  hash: string;
}

const CHAINED: LogEntry['kind'][] = ['event', 'batch_link'];

/**
 * Whether a batch's chain and recall state are as the transparency log holds them (decision record
 * 0037), given its logged records (and those queued), in log order: every record in the chain
 * logged with the hash of its content now, every logged record still in the chain, and the batch
 * recalled exactly when its last logged recall decision was a recall. The first difference, or null.
 */
export function differenceFromLog(records: ChainRecord[], logged: LogEntry[], recalled: boolean): IntegrityReport['firstBroken'] {
  const chained = logged.filter((entry) => CHAINED.includes(entry.kind));
  const loggedHashes = new Set(chained.map((entry) => entry.hash));
  const changed = records.find((record) => !loggedHashes.has(record.hash));
  if (changed) return { seq: changed.seq, eventId: changed.eventId, problem: 'not_as_logged' };
  const held = new Set(records.map((record) => record.hash));
  if (chained.some((entry) => !held.has(entry.hash!))) return { seq: records.length + 1, eventId: null, problem: 'record_missing' };
  const decisions = logged.filter((entry) => entry.kind === 'recall' || entry.kind === 'recall_lift');
  if ((decisions.at(-1)?.kind === 'recall') !== recalled) return { seq: 0, eventId: null, problem: 'recall_not_as_logged' };
  return null;
}

/** The leaf of a log entry: its canonical JSON in UTF-8, hashed as RFC 9162 says. */
export const entryLeaf = (sha256: Sha256, entry: LogEntry): Promise<Uint8Array> => leafHash(sha256, utf8(canonicalJson(entry)));

/** How a view's logged records can fail to be in the log: its tree head not signed by the key, or a record not in it. */
export type InclusionFailure = { ok: false; problem: 'unsigned' } | { ok: false; problem: 'not_included'; position: number };

/** The hash and the signature check a verifier brings (Web Crypto in a browser, node:crypto in the CLI). */
export type LogCrypto = {
  sha256: Sha256;
  verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean>;
};

/**
 * A view's tree head signed by `key` (`verify` is Ed25519 over a message), and each of its logged
 * records included in it: the first failure, or null.
 */
export async function checkInclusion(
  view: { treeHead: TreeHeadView; logged: LoggedRecordView[] },
  key: { name: string; publicKey: Uint8Array },
  crypto: LogCrypto,
): Promise<InclusionFailure | null> {
  const head = await openCheckpoint(crypto.sha256, view.treeHead.checkpoint, key, crypto.verify);
  if (!head) return { ok: false, problem: 'unsigned' };
  for (const record of view.logged) {
    const proof = {
      index: record.position,
      size: head.size,
      leaf: await entryLeaf(crypto.sha256, record.entry),
      path: record.inclusionPath.map(fromBase64),
    };
    if (!(await verifyInclusion(crypto.sha256, proof, head.root))) return { ok: false, problem: 'not_included', position: record.position };
  }
  return null;
}

/** What checking a batch against the log found: the first problem, or none. */
export type BatchLogFinding =
  { ok: true } | InclusionFailure | { ok: false; problem: 'different'; difference: NonNullable<IntegrityReport['firstBroken']> };

/**
 * A batch held to the log by whoever checks it (the consumer's browser, the CLI): its logged
 * records in the signed tree head (`checkInclusion`), and the batch's chain and recall state as
 * they were logged.
 */
export async function checkBatchLog(
  view: BatchLogView,
  key: { name: string; publicKey: Uint8Array },
  crypto: LogCrypto,
): Promise<BatchLogFinding> {
  const failure = await checkInclusion(view, key, crypto);
  if (failure) return failure;
  const difference = differenceFromLog(view.chain, [...view.logged.map((r) => r.entry), ...view.pending], view.recalled);
  return difference ? { ok: false, problem: 'different', difference } : { ok: true };
}
