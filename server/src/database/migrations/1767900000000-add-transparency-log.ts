import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transparency log (decision record 0037): records wait in `log_pending` (written in their own
 * transaction) until the sequencer appends them to the Merkle tree: `log_leaves` in order,
 * `log_nodes` every complete subtree's hash (level 0 the leaves), and `log_tree_heads` the signed
 * checkpoints. Every record already stored is queued, in the order it was recorded.
 */
export class AddTransparencyLog1767900000000 implements MigrationInterface {
  name = 'AddTransparencyLog1767900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE log_pending (id bigserial PRIMARY KEY, entry jsonb NOT NULL)`);
    await db.query(
      `CREATE TABLE log_leaves (
         position bigint PRIMARY KEY,
         entry jsonb NOT NULL,
         batch_ids uuid[] NOT NULL,
         logged_at timestamptz NOT NULL DEFAULT now())`,
    );
    await db.query(`CREATE INDEX log_leaves_batches_idx ON log_leaves USING gin (batch_ids)`);
    await db.query(
      `CREATE TABLE log_nodes (level smallint NOT NULL, index bigint NOT NULL, hash bytea NOT NULL, PRIMARY KEY (level, index))`,
    );
    await db.query(
      `CREATE TABLE log_tree_heads (size bigint PRIMARY KEY, root bytea NOT NULL, checkpoint text NOT NULL, signed_at timestamptz NOT NULL DEFAULT now())`,
    );
    await db.query(
      `INSERT INTO log_pending (entry)
       SELECT entry FROM (
         SELECT e.record_time AS at, 0 AS step, e.id::text AS tie,
                jsonb_build_object('kind', 'event', 'id', e.id, 'hash', e.record_hash,
                  'batches', coalesce((SELECT jsonb_agg(DISTINCT eb.batch_id) FROM event_batches eb
                                        WHERE eb.event_id = e.id AND eb.link_hash IS NULL), '[]'::jsonb)) AS entry
           FROM events e
         UNION ALL
         SELECT l.linked_at, 1, l.event_id::text || l.batch_id::text,
                jsonb_build_object('kind', 'batch_link', 'id', l.event_id, 'hash', l.link_hash, 'batches', jsonb_build_array(l.batch_id))
           FROM (SELECT DISTINCT event_id, batch_id, link_hash, linked_at FROM event_batches WHERE link_hash IS NOT NULL) l
         UNION ALL
         SELECT p.linked_at, 2, p.event_id::text || p.field,
                jsonb_build_object('kind', 'place_link', 'id', p.event_id, 'hash', p.link_hash, 'batches', '[]'::jsonb)
           FROM event_place_links p
         UNION ALL
         SELECT r.recalled_at, 3, r.id::text, jsonb_build_object('kind', 'recall', 'id', r.id, 'batches', jsonb_build_array(r.batch_id))
           FROM recalls r
         UNION ALL
         SELECT r.lifted_at, 4, r.id::text, jsonb_build_object('kind', 'recall_lift', 'id', r.id, 'batches', jsonb_build_array(r.batch_id))
           FROM recalls r WHERE r.lifted_at IS NOT NULL
       ) queued
       ORDER BY at, step, tie`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE log_tree_heads, log_nodes, log_leaves, log_pending`);
  }
}
