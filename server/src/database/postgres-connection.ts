import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';

/** How this process's connections are named in `pg_stat_activity`. */
export const APPLICATION_NAME = 'nguon';

/** How much longer than the statement timeout the client waits for an answer before it gives the connection up. */
const ANSWER_GRACE_MS = 2_000;

export type DatabaseTimeouts = Pick<AppConfig, 'databaseConnectTimeoutMs' | 'databaseStatementTimeoutMs' | 'databaseIdleInTransactionTimeoutMs'>;

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
    // Idle connections are probed, so a peer that vanished is noticed.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

const READ_TIMEOUT = 'Query read timeout';

/**
 * A pooled connection whose answer did not come in time is closed, not reused. node-postgres's
 * read timeout fails the query but keeps the connection, and one that leads to a server that
 * stopped answering (a black-holed network, a failed-over primary) would fail every later query
 * given to it until TCP gives up, many minutes later.
 */
export class DatabaseClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    const guarded = (...args: unknown[]): unknown => {
      const result = query(...args);
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
}
