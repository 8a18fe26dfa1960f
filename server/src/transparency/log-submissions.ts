import { Injectable } from '@nestjs/common';
import type { LogEntry } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import type { RowsOf } from '../database/insert-all.js';
import { LogPendingEntity } from './log-pending.entity.js';
import { queueEntries } from './transparency-log.queries.js';

const once = (ids: string[]) => [...new Set(ids)].sort();
/** Each batch and business once, in order: the same record always makes the same leaf. */
const inLogForm = (entry: LogEntry): LogEntry => ({
  ...entry,
  batches: once(entry.batches),
  ...(entry.businesses ? { businesses: once(entry.businesses) } : {}),
});

/**
 * How writers put their records in the transparency log: queued in their own transaction, so a
 * record and its place in the queue commit together; the sequencer appends them within a second.
 * Only the portal's own writes are queued: a row written behind its back is never logged, and a
 * verifier finds it missing from the log.
 */
@Injectable()
export class LogSubmissions {
  async submit(tx: EntityManager, entries: LogEntry[]): Promise<void> {
    await queueEntries(tx, entries.map(inLogForm));
  }

  /** The rows that queue these records, for a writer that puts them in a statement of its own (`insertStatement`). */
  rows(entries: LogEntry[]): RowsOf<LogPendingEntity> {
    return { entity: LogPendingEntity, rows: entries.map((entry) => ({ entry: inLogForm(entry) })) };
  }
}
