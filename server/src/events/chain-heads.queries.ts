import type { EntityManager } from 'typeorm';

/** The last link of a batch's hash chain. */
export interface ChainHeadRow {
  batch_id: string;
  seq: number;
  /** A late link's own hash where it is last; else the event's record hash. */
  record_hash: string | null;
}

export function findChainHeads(tx: EntityManager, batchIds: string[]): Promise<ChainHeadRow[]> {
  return tx.query(
    `SELECT DISTINCT ON (eb.batch_id) eb.batch_id, eb.seq, COALESCE(eb.link_hash, e.record_hash) AS record_hash
       FROM event_batches eb JOIN events e ON e.id = eb.event_id
      WHERE eb.batch_id = ANY($1::uuid[]) AND eb.seq IS NOT NULL
      ORDER BY eb.batch_id, eb.seq DESC`,
    [batchIds],
  );
}
