import { setImmediate } from 'node:timers/promises';

/** Rows a check handles before letting other requests run (10,000 rows of DTO validation take a second or more). */
const ROWS_PER_TURN = 50;

/** The rows one by one, yielding to the event loop between turns, so a long check never stalls other requests. */
export async function* inTurns<T>(rows: readonly T[]): AsyncGenerator<T> {
  for (const [n, row] of rows.entries()) {
    if (n > 0 && n % ROWS_PER_TURN === 0) await setImmediate();
    yield row;
  }
}
