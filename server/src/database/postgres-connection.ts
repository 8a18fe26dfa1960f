import pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';

/** How this process's connections are named in `pg_stat_activity`. */
export const APPLICATION_NAME = 'nguon';

/** How much longer than the statement timeout the client waits for an answer before it gives the connection up. */
const ANSWER_GRACE_MS = 2_000;

export type DatabaseTimeouts = Pick<
  AppConfig,
  'databaseConnectTimeoutMs' | 'databaseStatementTimeoutMs' | 'databaseIdleInTransactionTimeoutMs'
>;

/**
 * node-postgres settings for every connection the app opens: named, and bounded in time, so a
 * database that is away or not answering costs a request seconds, never a hang. PostgreSQL
 * cancels a statement at the statement timeout; the client's own read timeout, a little later,
 * covers the network that answers nothing at all.
 */
export function connectionSettings(config: DatabaseTimeouts, applicationName = APPLICATION_NAME): pg.ClientConfig {
  const statementTimeout = config.databaseStatementTimeoutMs;
  return {
    application_name: applicationName,
    connectionTimeoutMillis: config.databaseConnectTimeoutMs,
    // 0 sends nothing, which leaves the server's own setting (off by default).
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: config.databaseIdleInTransactionTimeoutMs,
    ...(statementTimeout > 0 ? { query_timeout: statementTimeout + ANSWER_GRACE_MS } : {}),
    // No JIT compiling: the app's statements are short, and a plan whose estimate ran high (a
    // lookup per lot of an import's thousand) paid 100 to 300 ms of compiling to run in 5.
    options: '-c jit=off',
    // Idle connections are probed, so a peer that vanished is noticed.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

const READ_TIMEOUT = 'Query read timeout';
/** setTimeout's longest delay: what "no read timeout" means for one query (0 would fall back to the default). */
const NO_READ_TIMEOUT_MS = 2_147_483_647;
const LIFT_STATEMENT_TIMEOUT = /^SET LOCAL statement_timeout = (\d+)$/;

/**
 * Lets the rest of the transaction run statements up to `ms` long (0: no limit): a background job
 * over much data. PostgreSQL's statement timeout and the client's read timeout are both lifted,
 * until the transaction ends.
 */
export async function allowLongStatements(tx: EntityManager, ms: number): Promise<void> {
  await tx.query(`SET LOCAL statement_timeout = ${Math.max(0, Math.floor(ms))}`);
}

/**
 * A connection of the pool, with two duties node-postgres leaves to us:
 * - one whose answer did not come in time is closed, not reused. The read timeout fails the query
 *   but keeps the connection, and one that leads to a server that stopped answering (a
 *   black-holed network, a failed-over primary) would fail every later query given to it until
 *   TCP gives up, many minutes later;
 * - `allowLongStatements` lifts the read timeout with the statement timeout, for its transaction.
 */
export class DatabaseClient extends pg.Client {
  /** The read timeout for the current transaction, when `allowLongStatements` changed it. */
  private transactionReadTimeoutMs: number | null = null;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    const guarded = (...args: unknown[]): unknown => {
      const result = query(...this.withReadTimeout(args));
      // The caller still gets the rejection; this branch only closes the connection, before the pool takes it back.
      if (result instanceof Promise) {
        result.catch((error: unknown) => {
          if (error instanceof Error && error.message === READ_TIMEOUT) void this.end();
        });
      }
      return result;
    };
    this.query = guarded as pg.Client['query'];
  }

  private withReadTimeout(args: unknown[]): unknown[] {
    const [text, values, ...rest] = args;
    if (typeof text !== 'string') return args;
    const lifted = LIFT_STATEMENT_TIMEOUT.exec(text);
    if (lifted) {
      const ms = Number(lifted[1]);
      this.transactionReadTimeoutMs = ms === 0 ? NO_READ_TIMEOUT_MS : Math.min(ms + ANSWER_GRACE_MS, NO_READ_TIMEOUT_MS);
    } else if (this.getTransactionStatus() === 'I') {
      this.transactionReadTimeoutMs = null; // the transaction that lifted it has ended
    }
    if (this.transactionReadTimeoutMs === null) return args;
    return [{ text, values, query_timeout: this.transactionReadTimeoutMs }, ...rest];
  }
}
