import type { EntityManager } from 'typeorm';
import { lastEventAtSql } from '../records/records.sql.js';

/** A batch and when it last had an event (null before any). */
export interface LastEventRow {
  id: string;
  at: Date | null;
}

/** When each of the batches last had an event. */
export function loadLastEventTimes(db: EntityManager, batchIds: string[]): Promise<LastEventRow[]> {
  return db.query(`SELECT b.id, ${lastEventAtSql('b')} AS at FROM batches b WHERE b.id = ANY($1::uuid[])`, [batchIds]);
}
