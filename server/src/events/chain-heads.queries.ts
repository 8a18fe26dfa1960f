import type { EntityManager } from 'typeorm';

/** The last link of a batch's hash chain. */
export interface ChainHeadRow {
  batch_id: string;
  seq: number;
  /** A late link's own hash where it is last; else the event's record hash. */
  record_hash: string | null;
}

/**
 * The head of each batch's chain: one index probe per batch (event_batches_chain_key), however long
 * the chains, then its event by id and record time (one partition). Joined inside the LIMIT, the
 * events were hashed whole once the planner had statistics: capture slowed as they grew (2,200
 * events/s, a second a document).
 */
export function findChainHeads(tx: EntityManager, batchIds: string[]): Promise<ChainHeadRow[]> {
  return tx.query(
    `SELECT b.id AS batch_id, h.seq, COALESCE(h.link_hash, e.record_hash) AS record_hash
       FROM unnest($1::uuid[]) AS b (id)
       CROSS JOIN LATERAL (
         SELECT eb.seq, eb.link_hash, eb.event_id, eb.record_time
           FROM event_batches eb
          WHERE eb.batch_id = b.id AND eb.seq IS NOT NULL
          ORDER BY eb.seq DESC LIMIT 1
       ) h
       CROSS JOIN LATERAL (
         SELECT e.record_hash FROM events e WHERE e.id = h.event_id AND e.record_time = h.record_time LIMIT 1
       ) e`,
    [batchIds],
  );
}
