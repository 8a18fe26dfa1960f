import type { TestApp } from './test-app.js';

/** Runs SQL on the app's own database, behind the API's back. */
export function sql<T = Record<string, unknown>>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return t.app.database.dataSource.query(query, params);
}

export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row!.n;
}

export const WRITE_TABLES = [
  'users', 'businesses', 'business_members', 'certificates', 'locations', 'products', 'batches', 'events', 'event_batches',
] as const;

/**
 * Row count and a digest of every row of each table: two equal snapshots mean no row was added,
 * changed or removed in between.
 */
export async function snapshotTables(t: TestApp, tables: readonly string[] = WRITE_TABLES): Promise<Record<string, { rows: number; digest: string | null }>> {
  const snapshot: Record<string, { rows: number; digest: string | null }> = {};
  for (const table of tables) {
    const [row] = await sql<{ rows: number; digest: string | null }>(
      t, `SELECT count(*)::int AS rows, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM ${table} x`,
    );
    snapshot[table] = row!;
  }
  return snapshot;
}
