import type { EntityManager } from 'typeorm';

/** The last link of a batch's hash chain. */
export interface ChainHeadRow {
  batch_id: string;
  seq: number;
  /** A late link's own hash where it is last; else the event's record hash. */
  record_hash: string | null;
}

/** The head of each batch's chain: one index probe per batch (event_batches_chain_key), however long the chains. */
export function findChainHeads(tx: EntityManager, batchIds: string[]): Promise<ChainHeadRow[]> {
  return tx.query(
    `SELECT b.id AS batch_id, h.seq, h.record_hash
       FROM unnest($1::uuid[]) AS b (id)
       CROSS JOIN LATERAL (
         SELECT eb.seq, COALESCE(eb.link_hash, e.record_hash) AS record_hash
           FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
          WHERE eb.batch_id = b.id AND eb.seq IS NOT NULL
          ORDER BY eb.seq DESC LIMIT 1
       ) h`,
    [batchIds],
  );
}
