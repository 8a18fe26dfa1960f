/**
 * How long to wait before retry number `attempt` (from 0): doubling from `firstMs` up to `maxMs`,
 * then a random half of it taken off, so instances that lost the same server do not all come
 * back in the same instant.
 */
export function backoffDelayMs(attempt: number, { firstMs = 500, maxMs = 30_000 } = {}, random: () => number = Math.random): number {
  const ceiling = Math.min(firstMs * 2 ** Math.min(attempt, 30), maxMs);
  return Math.round(ceiling * (0.5 + random() / 2));
}
