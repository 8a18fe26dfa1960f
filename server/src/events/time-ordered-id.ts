import { randomUUID } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): the time in milliseconds, a counter, then random bits. Ids made later in
 * this process sort after earlier ones, so the events of one document, which share a record time,
 * keep the document's order wherever rows are ordered by record time and id. The random bits are
 * a v4 UUID's (Node keeps a pool of them ready), its first half replaced.
 */
export function timeOrderedId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
    // 12 bits of counter per millisecond; beyond them borrow the next millisecond.
    if (sequence > 0xfff) {
      ms = ++lastMs;
      sequence = 0;
    }
  } else {
    lastMs = ms;
    sequence = 0;
  }
  const time = ms.toString(16).padStart(12, '0');
  // v4's fourth group already carries the RFC 9562 variant bits.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}${randomUUID().slice(18)}`;
}
