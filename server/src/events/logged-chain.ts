import type { IntegrityReport, LogEntry } from '@nguon/shared';
import type { ChainRecord } from './hash-chains.js';

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
