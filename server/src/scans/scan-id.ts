import { randomUUID } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of milliseconds, then a 12-bit counter within the
 * millisecond, then random bits. Made in process, so a scan has its id (and its token) before its
 * row is written; time-ordered, so `ORDER BY id` stays the order of the scans, and the index takes
 * new rows at its end.
 */
export function newScanId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4,096 ids in one millisecond (or the clock went back): borrow the next millisecond.
    lastMs += 1;
    sequence = 0;
  }
  // A version-4 UUID's variant and random tail, from Node's pooled entropy: cheaper than fresh random bytes per id.
  const randomTail = randomUUID().slice(19);
  const time = lastMs.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-${(0x7000 | sequence).toString(16)}-${randomTail}`;
}
