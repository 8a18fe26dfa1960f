import type { DataSource } from 'typeorm';

/**
 * Tables changed by a tenth of their rows (and at least 50) since their statistics were taken:
 * autovacuum's rule for analyzing a table. The embedded database has no autovacuum, and plans made
 * on a table's statistics from when it was small (an index skipped for a hash of every row) grow
 * slower with every import.
 */
export async function analyzeChangedTables(db: DataSource): Promise<string[]> {
  // The counts of changes are flushed at the end of a statement after this one.
  await db.query(`SELECT pg_stat_force_next_flush()`);
  const tables: { name: string }[] = await db.query(
    `SELECT quote_ident(relname) AS name FROM pg_stat_user_tables
      WHERE schemaname = 'public' AND n_mod_since_analyze >= greatest(50, 0.1 * n_live_tup)`,
  );
  // One table a transaction, so that other requests get the session in between; a sample of
  // 3,000 rows rather than 30,000 (the default target), since a large table's would hold it long.
  for (const { name } of tables) {
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL default_statistics_target = 10`);
      await tx.query(`ANALYZE ${name}`);
    });
  }
  return tables.map((t) => t.name);
}
