import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionTurns } from './session-turns.js';
import { analyzeChangedTables, flushChangeCounts } from './table-statistics.queries.js';

/** One step of long work: a write in the step's transaction. */
export type Step = <R>(write: (tx: EntityManager) => Promise<R>) => Promise<R>;

/** Reads of long work outside its steps, which see what its steps so far wrote. */
export type Read = <R>(read: (reader: EntityManager) => Promise<R>) => Promise<R>;

/**
 * How long work (a job's run) meets the database (decision record 0027). On PostgreSQL its steps
 * share one transaction: other sessions read and write beside it. On the embedded database, whose
 * one session serves every request, each step commits on its own, so that a shopper's page gets
 * the session between two steps; other transactions wait until the work ends, so that nothing
 * changes under it between its steps.
 */
export class LongWork {
  /** Each step commits on its own: a run cut off has kept its steps so far. */
  readonly stepsCommit: boolean;
  private readonly logger = new Logger(LongWork.name);
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  constructor(private readonly turns: SessionTurns | null) {
    this.stepsCommit = turns !== null;
  }

  /**
   * Runs `work`. Its reads (`read`) are in its transaction on PostgreSQL; on the embedded database
   * they are single statements between its steps, each taking its turn at the session as a page's
   * does, so that work done in memory between them holds no one up.
   */
  async run<T>(db: DataSource, work: (step: Step, read: Read) => Promise<T>): Promise<T> {
    if (!this.turns) {
      try {
        return await db.transaction(async (tx) => {
          const result = await work(
            (write) => write(tx),
            (read) => read(tx),
          );
          await flushChangeCounts(tx);
          return result;
        });
      } finally {
        // Beside the next work: PostgreSQL analyzes without holding anyone up.
        void this.refreshStatistics(db);
      }
    }
    try {
      return await this.turns.exclusive(() =>
        work(
          (write) => db.transaction(write),
          (read) => read(db.manager),
        ),
      );
    } finally {
      await this.refreshStatistics(db);
    }
  }

  /**
   * Long work writes thousands of rows at once: the plans of the next queries need to know. One
   * refresh at a time; work that ends during one asks for another after it.
   */
  private refreshStatistics(db: DataSource): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await analyzeChangedTables(db).catch((error: Error) => this.logger.warn(`table statistics not refreshed: ${error.message}`));
      } while (this.refreshAgain && db.isInitialized);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}
