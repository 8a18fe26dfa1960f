import type { EntityManager } from 'typeorm';
import type { LogEntry } from '@nguon/shared';
import type { NodeKey } from './merkle-tree.js';

/** Queues records for the log, in the writer's transaction: one statement whatever their number. */
export async function queueEntries(db: EntityManager, entries: LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(`INSERT INTO log_pending (entry) SELECT value FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY ORDER BY ordinality`, [
    JSON.stringify(entries),
  ]);
}

/** Only one sequencer at a time appends, whichever instance. */
export async function takeSequencerLock(db: EntityManager): Promise<boolean> {
  const [row] = await db.query<{ taken: boolean }[]>(`SELECT pg_try_advisory_xact_lock(hashtext('nguon_transparency_log')) AS taken`);
  return row!.taken;
}

/** The log's size: its leaves so far. */
export async function logSize(db: EntityManager): Promise<number> {
  const [row] = await db.query<{ size: string | null }[]>(`SELECT max(position) + 1 AS size FROM log_leaves`);
  return Number(row?.size ?? 0);
}

/**
 * The oldest queued records, moved from the queue into the log's leaves from position `start`
 * on, in one statement (the records do not travel to the server and back). Their ids are gathered
 * once, as an array: as `id IN (SELECT … LIMIT)`, statistics taken while the queue was empty made
 * the planner rescan the queue for every row (13 s for 5,000 embedded).
 */
export async function moveIntoLog(db: EntityManager, start: number, limit: number): Promise<{ id: string; entry: LogEntry }[]> {
  return db.query(
    `WITH taken AS (DELETE FROM log_pending WHERE id = ANY (ARRAY(SELECT id FROM log_pending ORDER BY id LIMIT $2)) RETURNING id, entry),
          leaves AS (
            INSERT INTO log_leaves (position, entry, subject_ids)
            SELECT $1::bigint + row_number() OVER (ORDER BY t.id) - 1, t.entry,
                   ARRAY(SELECT jsonb_array_elements_text((t.entry -> 'batches') || coalesce(t.entry -> 'businesses', '[]')))::uuid[]
              FROM taken t)
     SELECT t.id::text, t.entry FROM taken t ORDER BY t.id`,
    [start, limit],
  );
}

export async function readNodes(db: EntityManager, keys: NodeKey[]): Promise<Map<string, Buffer>> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<{ level: number; index: string; hash: Buffer }[]>(
    `SELECT n.level, n.index::text, n.hash FROM log_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS k(level, index) ON n.level = k.level AND n.index = k.index`,
    [keys.map(([level]) => level), keys.map(([, index]) => index)],
  );
  return new Map(rows.map((row) => [`${row.level}/${row.index}`, row.hash]));
}

/** The new nodes; their hashes travel as one binary value, 32 bytes each, in the nodes' order. */
export async function insertNodes(db: EntityManager, nodes: { level: number; index: number; hash: Buffer }[]): Promise<void> {
  await db.query(
    `INSERT INTO log_nodes (level, index, hash)
     SELECT k.level, k.index, substring($3::bytea FROM (k.n - 1)::int * 32 + 1 FOR 32)
       FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS k(level, index, n)`,
    [nodes.map((n) => n.level), nodes.map((n) => n.index), Buffer.concat(nodes.map((n) => n.hash))],
  );
}

export interface TreeHeadRow {
  size: string;
  root: Buffer;
  checkpoint: string;
  signed_at: Date;
}

export async function insertTreeHead(db: EntityManager, head: { size: number; root: Buffer; checkpoint: string }): Promise<void> {
  await db.query(`INSERT INTO log_tree_heads (size, root, checkpoint) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING`, [
    head.size,
    head.root,
    head.checkpoint,
  ]);
}

export async function latestTreeHead(db: EntityManager): Promise<TreeHeadRow | null> {
  const [row] = await db.query<TreeHeadRow[]>(
    `SELECT h.size::text, h.root, h.checkpoint, h.signed_at FROM log_tree_heads h ORDER BY h.size DESC LIMIT 1`,
  );
  return row ?? null;
}

/** The last tree head signed before `before`: what the log published by then. */
export async function treeHeadBefore(db: EntityManager, before: Date): Promise<TreeHeadRow | null> {
  const [row] = await db.query<TreeHeadRow[]>(
    `SELECT h.size::text, h.root, h.checkpoint, h.signed_at FROM log_tree_heads h WHERE h.signed_at < $1 ORDER BY h.size DESC LIMIT 1`,
    [before],
  );
  return row ?? null;
}

export interface LeafRow {
  position: string;
  entry: LogEntry;
  logged_at: Date;
}

/** The logged records of any of the batches or businesses within the first `size` leaves, in log order. */
export async function subjectLeaves(db: EntityManager, subjectIds: string[], size: number): Promise<LeafRow[]> {
  return db.query(
    `SELECT l.position::text, l.entry, l.logged_at FROM log_leaves l WHERE l.subject_ids && $1::uuid[] AND l.position < $2 ORDER BY l.position`,
    [subjectIds, size],
  );
}

/** The records of any of the batches or businesses still queued, in order. */
export async function subjectPending(db: EntityManager, subjectIds: string[]): Promise<LogEntry[]> {
  const rows = await db.query<{ entry: LogEntry }[]>(
    `SELECT entry FROM log_pending WHERE entry -> 'batches' ?| $1::text[] OR entry -> 'businesses' ?| $1::text[] ORDER BY id`,
    [subjectIds],
  );
  return rows.map((row) => row.entry);
}

export async function leavesFrom(db: EntityManager, start: number, end: number): Promise<LeafRow[]> {
  return db.query(
    `SELECT l.position::text, l.entry, l.logged_at FROM log_leaves l WHERE l.position >= $1 AND l.position < $2 ORDER BY l.position`,
    [start, end],
  );
}
