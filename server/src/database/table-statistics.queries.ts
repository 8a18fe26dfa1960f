import type { DataSource, EntityManager } from 'typeorm';

/**
 * Tables changed by a tenth of their rows (and at least 50) since their statistics were taken:
 * autovacuum's rule for analyzing a table, applied here because the embedded database has no
 * autovacuum and a PostgreSQL may run without it. Plans made on a table's statistics from when it
 * was small (a hash of every event rather than an index probe per batch) grow slower with every
 * import. A changed partition is analyzed through its partitioned table, whose own statistics
 * (which the planner uses for joins on it) autovacuum never takes.
 *
 * A sample of 3,000 rows rather than 30,000 (the default target) tells the plans the sizes they
 * need, in a tenth of the time: the embedded database's one session is held while a table is analyzed.
 */
export async function analyzeChangedTables(db: DataSource): Promise<string[]> {
  // The counts of changes are flushed at the end of a statement after this one.
  await db.query(`SELECT pg_stat_force_next_flush()`);
  const tables: { name: string }[] = await db.query(
    `SELECT DISTINCT quote_ident(coalesce(root.relname, t.relname)) AS name
       FROM pg_stat_user_tables t
       LEFT JOIN pg_class root ON root.oid = pg_partition_root(t.relid) AND root.oid <> t.relid
      WHERE t.schemaname = 'public' AND t.n_mod_since_analyze >= greatest(50, 0.1 * t.n_live_tup)
      ORDER BY name`,
  );
  // One table a transaction, so that other requests get the session in between.
  for (const { name } of tables) {
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL default_statistics_target = 10`);
      await tx.query(`ANALYZE ${name}`);
    });
  }
  return tables.map((t) => t.name);
}

/**
 * Makes this session's counts of changed rows visible to others as soon as its transaction ends,
 * not up to a second later: `analyzeChangedTables` asks for them on another connection.
 */
export async function flushChangeCounts(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_stat_force_next_flush()`);
}
