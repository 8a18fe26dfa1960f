import type { EntityManager } from 'typeorm';
import type { WindowHits } from './window-counter.js';

/**
 * Adds an instance's new hits to the window's shared counts and reads every instance's totals for
 * the keys it saw, and for any key with `busy` hits or more (a client it may see next), in one
 * statement.
 */
export function shareHits(db: EntityManager, hits: WindowHits, busy: number): Promise<{ key: string; hits: number }[]> {
  return db.query(
    `WITH added AS (
       INSERT INTO rate_limit_hits (key, window_start, hits)
       SELECT key, to_timestamp($1 / 1000.0), n FROM unnest($2::text[], $3::int[]) AS a (key, n) WHERE n <> 0
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + excluded.hits
       RETURNING key, hits
     )
     SELECT key, hits FROM added
     UNION ALL
     SELECT key, hits FROM rate_limit_hits
      WHERE window_start = to_timestamp($1 / 1000.0) AND (key = ANY($2::text[]) OR hits >= $4)
        AND key NOT IN (SELECT key FROM added)`,
    [hits.windowStart, hits.keys, hits.added, busy],
  );
}

/** Drops the counts of the windows before this one. */
export async function forgetWindowsBefore(db: EntityManager, windowStart: number): Promise<void> {
  await db.query(`DELETE FROM rate_limit_hits WHERE window_start < to_timestamp($1 / 1000.0)`, [windowStart]);
}
