import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows of one entity, for `insertStatement`. */
export interface RowsOf<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  rows: (T | QueryDeepPartialEntity<T>)[];
}

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
  const statement = insertStatement(tx, [{ entity, rows }]);
  if (statement) await send(tx, statement);
}

/** Sends a statement made ready by `insertStatement`. */
export async function send(tx: EntityManager, statement: Statement): Promise<void> {
  await tx.query(statement.sql, statement.parameters);
}

/** A statement and its parameters, made ready before it is sent. */
export interface Statement {
  sql: string;
  parameters: string[];
}

/**
 * Rows of several entities, as `insertAll` writes each, in one statement to send when the caller
 * is ready (its JSON is built meanwhile), or null when there is no row. Each table's INSERT is a
 * step of it, in the order given; constraints are checked once the statement is done, so rows
 * may refer to rows of an earlier step.
 */
export function insertStatement(tx: EntityManager, sets: RowsOf<ObjectLiteral>[]): Statement | null {
  const written = sets.filter((set) => set.rows.length).map((set) => ({ ...set, columns: columnsOf(tx, set) }));
  if (!written.length) return null;
  const steps = written.map((set, n) => insertStep(tx, set.entity, set.columns, n + 1));
  const last = steps.pop()!;
  return {
    sql: steps.length ? `WITH ${steps.map((step, n) => `step${n} AS (${step})`).join(', ')} ${last}` : last,
    parameters: written.map(({ rows, columns }) => {
      const cell = cellsAsJson();
      return JSON.stringify((rows as Record<string, unknown>[]).map((row) => columns.map((column) => cell(row[column.propertyName]))));
    }),
  };
}

/**
 * A cell as JSON.stringify writes it, a Date's text kept for the cells after it: a set's rows
 * share their record time, and its text made for every row took half the time of a document's
 * links and identifiers.
 */
function cellsAsJson(): (value: unknown) => unknown {
  let date: Date | null = null;
  let text: string | null = null;
  return (value) => {
    if (!(value instanceof Date)) return value ?? null;
    if (value !== date) {
      date = value;
      text = value.toJSON();
    }
    return text;
  };
}

/** The columns some row of the set gives. */
function columnsOf(tx: EntityManager, set: RowsOf<ObjectLiteral>): ColumnMetadata[] {
  const records = set.rows as Record<string, unknown>[];
  return tx.connection
    .getMetadata(set.entity)
    .columns.filter((column) => records.some((record) => record[column.propertyName] !== undefined));
}

/** One table's INSERT of these columns, from the JSON rows in parameter `$param`. */
function insertStep(tx: EntityManager, entity: EntityTarget<ObjectLiteral>, columns: ColumnMetadata[], param: number): string {
  const selects = columns.map((column, n) => {
    const type = tx.connection.driver.normalizeType(column);
    return type === 'jsonb' ? `r->${n}` : `(r->>${n})::${type}`;
  });
  return `INSERT INTO ${quoted(tx.connection.getMetadata(entity).tableName)} (${columns.map((c) => quoted(c.databaseName)).join(', ')})
     SELECT ${selects.join(', ')} FROM jsonb_array_elements($${param}::jsonb) AS r`;
}
