import type { EntityManager } from 'typeorm';

/** Makes the monthly partitions of `events` from `from` to `to` that are missing (see the migration's `ensure_event_partitions`); how many it made. */
export async function ensureEventPartitions(db: EntityManager, from: Date, to: Date): Promise<number> {
  const rows: { made: number }[] = await db.query(`SELECT ensure_event_partitions($1::date, $2::date) AS made`, [
    from.toISOString().slice(0, 10),
    to.toISOString().slice(0, 10),
  ]);
  return rows[0]?.made ?? 0;
}

/** Takes the statistics of `events` across its partitions, which the planner uses for joins on it. */
export async function analyzeEvents(db: EntityManager): Promise<void> {
  await db.query(`ANALYZE events`);
}
