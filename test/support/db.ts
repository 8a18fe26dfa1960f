import { ScanLog } from '../../server/src/scans/scan-log.service.js';
import type { TestApp } from './test-app.js';

/** Writes the scans the app answered and holds in memory (it writes them in batches, every SCAN_FLUSH_MS). */
export function flushScans(t: TestApp): Promise<void> {
  return t.app.nest.get(ScanLog).flush();
}

/** Runs SQL on the app's own database, behind the API's back, once the scans it answered are written. */
export async function sql<T = Record<string, unknown>>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  await flushScans(t);
  return t.app.database.dataSource.query(query, params);
}

export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row!.n;
}

export const WRITE_TABLES = [
  'users',
  'businesses',
  'business_members',
  'certificates',
  'locations',
  'products',
  'batches',
  'events',
  'event_batches',
] as const;

/**
 * Tables "every table" leaves out, each with its reason. A refusal writes nowhere else today
 * (refusals are not audited); a refusal that rightly counts in a table (a wrong password in
 * `sign_in_failures`) is left out by the test that makes it, not here.
 */
const NOT_SNAPSHOT: readonly string[] = [
  // TypeORM's record of the migrations run: bookkeeping a deployment changes, no request.
  'migrations',
  // Requests counted for the rate limits, refused ones too, shared by the instances in the background.
  'rate_limit_hits',
  // The transparency log's tables, which its sequencer changes in the background (queued entries
  // moved into the tree, nodes and heads made from them): snapshotted as the entries they hold.
  'log_pending',
  'log_leaves',
  'log_nodes',
  'log_tree_heads',
];

/** Relations snapshotted in place of tables: the transparency log's entries, queued or in the tree. */
const RELATIONS: Record<string, string> = {
  transparency_log_entries: '(SELECT entry FROM log_pending UNION ALL SELECT entry FROM log_leaves)',
};

/**
 * Every table of the schema but those of NOT_SNAPSHOT, read from the database's catalog: a snapshot
 * of them covers a table added later without anyone listing it here.
 */
async function allTables(t: TestApp): Promise<string[]> {
  const rows = await sql<{ name: string }>(
    t,
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND NOT table_name = ANY($1::text[])
      ORDER BY table_name`,
    [NOT_SNAPSHOT],
  );
  return [...rows.map((row) => row.name), ...Object.keys(RELATIONS)];
}

/** Columns a mere use (not a write) changes, left out of snapshots: when a key was last used. */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = { api_keys: ['last_used_at'] };

/**
 * Row count and a digest of every row of each table: two equal snapshots mean no row was added,
 * changed or removed in between. One query for all the tables.
 */
export async function snapshotTables(
  t: TestApp,
  tables: readonly string[] = WRITE_TABLES,
): Promise<Record<string, { rows: number; digest: string | null }>> {
  const parts = tables.map((table) => {
    const volatile = VOLATILE_COLUMNS[table];
    const row = volatile ? `(to_jsonb(x) - ARRAY[${volatile.map((c) => `'${c}'`).join(', ')}]::text[])::text` : 'x::text';
    return `SELECT '${table}' AS name, count(*)::int AS rows, md5(string_agg(${row}, '|' ORDER BY ${row})) AS digest FROM ${RELATIONS[table] ?? table} x`;
  });
  const rows = await sql<{ name: string; rows: number; digest: string | null }>(t, parts.join(' UNION ALL '));
  const snapshot: Record<string, { rows: number; digest: string | null }> = {};
  for (const { name, rows: count, digest } of rows) snapshot[name] = { rows: count, digest };
  return snapshot;
}

/** A snapshot of every table (see allTables): what a refused request must leave as it was. */
export async function snapshotAllTables(t: TestApp): Promise<Record<string, { rows: number; digest: string | null }>> {
  return snapshotTables(t, await allTables(t));
}
