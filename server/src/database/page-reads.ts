import type { DataSource, EntityManager } from 'typeorm';
import type { SessionTurns } from './session-turns.js';

/**
 * How the reads of one page (a consumer view built on a miss) meet the database (decision record
 * 0027). On the embedded database they run in one read-only transaction: SessionTurns lets it in
 * between a long work's steps, as it does a single statement (it cannot change what the work has
 * checked), and it keeps the session from its first read to its last, so the page waits for its
 * turn once rather than once per read. On PostgreSQL each read takes a pooled connection of its
 * own, and reads asked together run in parallel: one transaction there cost a shopper 5 ms more
 * at the median under load.
 */
export class PageReads {
  constructor(
    private readonly db: DataSource,
    private readonly turns: SessionTurns | null,
  ) {}

  /** On PostgreSQL, the reads go through `manager`: the primary's, or a replica's (ReplicaReads). */
  run<T>(read: (manager: EntityManager) => Promise<T>, manager: EntityManager = this.db.manager): Promise<T> {
    return this.turns ? this.readOnly(read) : read(manager);
  }

  private async readOnly<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    try {
      await runner.query('START TRANSACTION READ ONLY');
      try {
        const result = await read(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (error) {
        // The reads' error is the one to report, as TypeORM's own transactions do.
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}
