import type { PGlite } from '@electric-sql/pglite';
import { PglitePgConnection } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import type { SessionTurns } from './session-turns.js';

type Query = (text: string | { text: string }, values?: unknown[]) => Promise<unknown>;

/** Inside a transaction, how long statements may follow one another before the event loop turns. */
const TURN_EVERY_MS = 10;

/**
 * A node-postgres client of the embedded database that takes turns at its one session, so that
 * the pool can hand out several (decision record 0027): a statement waits for its turn, and a
 * transaction keeps the session from its first statement to its last.
 */
export function embeddedClient(pglite: PGlite, turns: SessionTurns): typeof pg.Client {
  return class EmbeddedClient extends pg.Client {
    constructor(config: pg.ClientConfig) {
      const connection = new PglitePgConnection({ pglite });
      super({ ...config, connection } as pg.ClientConfig);
      // The server says after each statement whether a transaction is still open ('I': idle).
      let inTransaction = false;
      let turnedAt = performance.now();
      connection.on('readyForQuery', (message?: { status: string }) => (inTransaction = (message?.status ?? 'I') !== 'I'));
      this.on('end', () => turns.release(this));
      // TypeORM and pg-boss (through TypeORM) send promise-style queries only.
      const send = this.query.bind(this) as Query;
      const run: Query = async (text, values) => {
        await turns.take(this, typeof text === 'string' ? text : text.text);
        try {
          return await send(text, values);
        } finally {
          if (!inTransaction) turns.release(this);
          // PGlite runs on this thread and answers through promises only: without a turn of the
          // event loop, a run's statements would follow one another and no request would be read.
          // Inside a transaction no one else may use the session anyway: its statements follow one
          // another for a while, so that it lets go of the session sooner, but the loop still
          // turns (for pages served from memory) every few milliseconds.
          if (!inTransaction || performance.now() - turnedAt >= TURN_EVERY_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            turnedAt = performance.now();
          }
        }
      };
      // One statement at a time on a client, as node-postgres 9 requires: reads asked together
      // inside one transaction (a page's, Promise.all) follow one another here.
      let last: Promise<unknown> = Promise.resolve();
      const query: Query = (text, values) => {
        const next = last.then(() => run(text, values));
        last = next.catch(() => undefined);
        return next;
      };
      Object.assign(this, { query });
    }
  };
}
