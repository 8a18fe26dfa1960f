import type { DataSource, EntityManager } from 'typeorm';
import type PgBoss from 'pg-boss';

/**
 * pg-boss runs its own SQL through these (its `db` option): on the app's pool, so that on the
 * embedded database, which is one connection, its statements wait their turn behind a
 * transaction instead of running inside it; or on a transaction, so that a job is enqueued (or
 * failed) together with the rows that go with it.
 */
export function poolExecutor(db: DataSource): PgBoss.Db & { idle(): Promise<void> } {
  const running = new Set<Promise<unknown>>();
  const run = async (text: string, values?: unknown[]) => {
    const runner = db.createQueryRunner();
    try {
      const result = await runner.query(text, values, true);
      return { rows: result.records ?? [] };
    } finally {
      await runner.release();
    }
  };
  return {
    executeSql: (text, values) => {
      const statement = run(text, values);
      const done = () => running.delete(statement);
      statement.then(done, done);
      running.add(statement);
      return statement;
    },
    /**
     * Resolves once no statement is running. pg-boss records a job's completion without awaiting
     * it, after its worker counts as idle: its stop can resolve with that statement on its way.
     */
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}

export function transactionExecutor(tx: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await tx.queryRunner!.query(text, values, true);
      return { rows: result.records ?? [] };
    },
  };
}
