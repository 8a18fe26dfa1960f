import { setImmediate } from 'node:timers/promises';

/** Items handled before letting other requests run (10,000 rows of DTO validation take a second or more). */
const ITEMS_PER_TURN = 50;

/** The items one by one, yielding to the event loop between turns, so long work on many never stalls other requests. */
export async function* inTurns<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const [n, item] of items.entries()) {
    if (n > 0 && n % ITEMS_PER_TURN === 0) await setImmediate();
    yield item;
  }
}

/** The items in slices of a turn's worth, yielding to the event loop between slices (an export's page of rows). */
export async function* slicesInTurns<T>(items: readonly T[]): AsyncGenerator<T[]> {
  for (let start = 0; start < items.length; start += ITEMS_PER_TURN) {
    if (start > 0) await setImmediate();
    yield items.slice(start, start + ITEMS_PER_TURN);
  }
}
