import type { EntityManager } from 'typeorm';

/** Whose a named query is: a business's (made with its API key) or one person's. */
export type QueryOwner = { column: 'business_id'; id: string } | { column: 'user_id'; id: string };

export interface NamedQueryRow {
  id: string;
  name: string;
  query: Record<string, unknown>;
  created_at: Date;
}

/** How many queries the owner keeps. */
export async function countNamedQueries(db: EntityManager, owner: QueryOwner): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM named_queries WHERE ${owner.column} = $1`, [
    owner.id,
  ]);
  return row!.count;
}

/** Stores the query; false when its owner already has one of that name. */
export async function insertNamedQuery(
  tx: EntityManager,
  owner: QueryOwner,
  name: string,
  query: Record<string, unknown>,
): Promise<NamedQueryRow | null> {
  const rows: NamedQueryRow[] = await tx.query(
    `INSERT INTO named_queries (${owner.column}, name, query) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING id, name, query, created_at`,
    [owner.id, name, JSON.stringify(query)],
  );
  return rows[0] ?? null;
}

export async function findNamedQuery(db: EntityManager, owner: QueryOwner, name: string): Promise<NamedQueryRow | null> {
  const [row]: NamedQueryRow[] = await db.query(
    `SELECT id, name, query, created_at FROM named_queries WHERE ${owner.column} = $1 AND name = $2`,
    [owner.id, name],
  );
  return row ?? null;
}

/** The owner's queries by name, after `after`. */
export function listNamedQueries(db: EntityManager, owner: QueryOwner, after: string | null, limit: number): Promise<NamedQueryRow[]> {
  return db.query(
    `SELECT id, name, query, created_at FROM named_queries
      WHERE ${owner.column} = $1 AND ($2::text IS NULL OR name > $2) ORDER BY name LIMIT $3`,
    [owner.id, after, limit],
  );
}

/** Whom a deleted query's notice reaches: every instance, which closes the sockets streaming it. */
export const QUERY_DELETED_CHANNEL = 'nguon_query_deleted';

/**
 * Deletes the query and, by cascade, its subscriptions and their undelivered documents, and
 * announces it at commit; the id, or null.
 */
export async function deleteNamedQuery(tx: EntityManager, owner: QueryOwner, name: string): Promise<string | null> {
  const rows: { id: string }[] = await tx.query(
    `WITH gone AS (DELETE FROM named_queries WHERE ${owner.column} = $1 AND name = $2 RETURNING id)
     SELECT id, pg_notify('${QUERY_DELETED_CHANNEL}', id::text) FROM gone`,
    [owner.id, name],
  );
  return rows[0]?.id ?? null;
}

/** Which of these queries still exist. */
export async function findExistingQueries(db: EntityManager, ids: string[]): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM named_queries WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map((row) => row.id);
}
