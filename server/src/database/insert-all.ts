import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/** PostgreSQL takes at most 65,535 parameters a statement: many rows go in several. */
const PARAMETERS_PER_STATEMENT = 65_000;

/** Multi-row INSERTs of the rows, as few as the parameter limit allows. */
export async function insertAll<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  rows: (T | QueryDeepPartialEntity<T>)[],
): Promise<void> {
  if (!rows.length) return;
  const size = Math.floor(PARAMETERS_PER_STATEMENT / tx.connection.getMetadata(entity).columns.length);
  for (let start = 0; start < rows.length; start += size)
    // Whole entities too: TypeORM's partial type does not take their jsonb columns' plain objects.
    await tx.getRepository(entity).insert(rows.slice(start, start + size) as QueryDeepPartialEntity<T>[]);
}
