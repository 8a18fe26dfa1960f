import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionTurns } from './session-turns.js';
import { analyzeChangedTables, flushChangeCounts } from './table-statistics.queries.js';

/**
 * Statistics are taken at most this often: each round analyzes every changed table (the events'
 * partitioned table through all its partitions) and invalidates the plans of the work beside it.
 * After every 1,000-event document, rounds back to back cut capture from 7,000 to 2,200 events/s.
 */
const REFRESH_GAP_MS = 30_000;

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
  private lastRefresh = Number.NEGATIVE_INFINITY;
  private refreshLater: NodeJS.Timeout | null = null;

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
   * Runs a read of long work that is not a job's run (an export's): on the embedded database its
   * statements go after a page's, as a step's do, and before the steps of a job's run.
   */
  background<T>(read: () => Promise<T>): Promise<T> {
    return this.turns ? this.turns.background(read) : read();
  }

  /**
   * Long work writes thousands of rows at once: the plans of the next queries need to know. One
   * refresh at a time; work that ends during one asks for another after it; work that ends within
   * REFRESH_GAP_MS of the last one has its refresh when the gap is over (a backlog of documents
   * gets one round, not one each).
   */
  private refreshStatistics(db: DataSource): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const wait = this.lastRefresh + REFRESH_GAP_MS - Date.now();
    if (wait > 0) {
      this.refreshLater ??= setTimeout(() => {
        this.refreshLater = null;
        if (db.isInitialized) void this.refreshStatistics(db);
      }, wait).unref();
      return Promise.resolve();
    }
    this.lastRefresh = Date.now();
    // In the background: a shopper's page goes first (on the embedded database, ANALYZE events holds it 100-170 ms).
    this.refreshing = this.background(() => analyzeChangedTables(db))
      .then(
        () => undefined,
        (error: Error) => this.logger.warn(`table statistics not refreshed: ${error.message}`),
      )
      .finally(() => {
        this.refreshing = null;
        if (this.refreshAgain && db.isInitialized) {
          this.refreshAgain = false;
          void this.refreshStatistics(db);
        }
      });
    return this.refreshing;
  }
}
