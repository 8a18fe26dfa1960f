import { describe, expect, it } from '@jest/globals';
import { WindowCounter, type WindowHits } from './window-counter.js';

const MINUTE = 60_000;
/** A moment `seconds` into the 1,000th minute since the epoch. */
const at = (seconds: number) => 1000 * MINUTE + seconds * 1000;

/** The shared counts as PostgreSQL keeps them (rate_limit_hits), for counters standing for instances. */
function sharedCounts() {
  const rows = new Map<string, number>();
  return (counter: WindowCounter, now: number) => {
    const hits: WindowHits = counter.unshared(now);
    hits.keys.forEach((key, n) => rows.set(`${hits.windowStart} ${key}`, (rows.get(`${hits.windowStart} ${key}`) ?? 0) + hits.added[n]!));
    counter.learn(
      hits.windowStart,
      hits.keys.map((key) => ({ key, hits: rows.get(`${hits.windowStart} ${key}`) ?? 0 })),
    );
  };
}

describe('WindowCounter', () => {
  it('lets a client make `limit` requests a minute, then says how many seconds to wait', () => {
    const counter = new WindowCounter();
    const answers = Array.from({ length: 6 }, (_, n) => counter.hit('public:1.2.3.4', 5, at(10 + n)));
    expect(answers).toEqual([0, 0, 0, 0, 0, 45]);
    // Another client has its own count.
    expect(counter.hit('public:5.6.7.8', 5, at(16))).toBe(0);
  });

  it("counts the minute before as far as it is still within the last 60 seconds: no double burst across a minute's end", () => {
    const counter = new WindowCounter();
    for (let n = 0; n < 5; n++) expect(counter.hit('login:1.2.3.4', 5, at(59.5))).toBe(0);
    expect(counter.hit('login:1.2.3.4', 5, at(60.2))).toBeGreaterThan(0);
    // Half a minute later half of those five still count, with the refused one (refused requests count too): one more fits.
    const later = [at(90), at(90)].map((now) => counter.hit('login:1.2.3.4', 5, now));
    expect(later).toEqual([0, 30]);
    // After a quiet minute nothing is left of them.
    expect(counter.hit('login:1.2.3.4', 5, at(200))).toBe(0);
  });

  it('gives back a refunded hit', () => {
    const counter = new WindowCounter();
    for (let n = 0; n < 5; n++) counter.hit('report:1.2.3.4', 5, at(1));
    counter.refund('report:1.2.3.4');
    expect(counter.hit('report:1.2.3.4', 5, at(2))).toBe(0);
    expect(counter.hit('report:1.2.3.4', 5, at(3))).toBeGreaterThan(0);
  });

  it('holds the limit across instances once they shared their counts, refunds and hits made while sharing included', () => {
    const share = sharedCounts();
    const [a, b] = [new WindowCounter(), new WindowCounter()];
    for (let n = 0; n < 3; n++) expect(a.hit('login:1.2.3.4', 5, at(1))).toBe(0);
    share(a, at(1.5));
    // B has not told anyone yet, and has not heard from A: it counts alone.
    expect(b.hit('login:1.2.3.4', 5, at(2))).toBe(0);
    share(b, at(2.5));
    // B now knows of A's three: one more fits, then the client is refused on B...
    expect(b.hit('login:1.2.3.4', 5, at(3))).toBe(0);
    expect(b.hit('login:1.2.3.4', 5, at(3))).toBeGreaterThan(0);
    b.refund('login:1.2.3.4');
    share(b, at(3.5));
    share(a, at(3.5));
    // ...and on A, which learnt B's two that counted.
    expect(a.hit('login:1.2.3.4', 5, at(4))).toBeGreaterThan(0);
  });

  it('shares again what it could not share', () => {
    const [a, b] = [new WindowCounter(), new WindowCounter()];
    const share = sharedCounts();
    for (let n = 0; n < 4; n++) a.hit('login:1.2.3.4', 5, at(1));
    // The database was unreachable: the hits go with the next sharing.
    a.unsent(a.unshared(at(1.5)));
    share(a, at(2));
    expect(b.hit('login:1.2.3.4', 5, at(2.5))).toBe(0);
    share(b, at(3));
    expect(b.hit('login:1.2.3.4', 5, at(3.5))).toBeGreaterThan(0);
  });
});
