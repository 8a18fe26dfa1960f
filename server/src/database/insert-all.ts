import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Rows of an entity in one INSERT, however many (a document's thousands of events, an import's
 * batches): they travel as one JSON parameter, each row an array in column order, and PostgreSQL
 * casts each column to its type. No statement building per row and no parameter limit, which is
 * what makes set-based writes fast; TypeORM's own insert costs more than the database's work here.
 * A column no row gives takes its default; one given for some rows is null for the others.
 */
export async function insertAll<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  rows: (T | QueryDeepPartialEntity<T>)[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = tx.connection.getMetadata(entity);
  const records = rows as Record<string, unknown>[];
  const columns = metadata.columns.filter((column) => records.some((record) => record[column.propertyName] !== undefined));
  const values = records.map((record) => columns.map((column) => record[column.propertyName] ?? null));
  const selects = columns.map((column, n) => {
    const type = tx.connection.driver.normalizeType(column);
    return type === 'jsonb' ? `r->${n}` : `(r->>${n})::${type}`;
  });
  await tx.query(
    `INSERT INTO ${quoted(metadata.tableName)} (${columns.map((c) => quoted(c.databaseName)).join(', ')})
     SELECT ${selects.join(', ')} FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(values)],
  );
}
