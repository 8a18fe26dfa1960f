/** What this instance counted in the current window since it last told the others. */
export interface WindowHits {
  windowStart: number;
  /** Keys this instance saw in the window, each with its hits not yet shared (0 when shared). */
  keys: string[];
  added: number[];
}

/**
 * Counts hits per key over the last minute, in process memory: the hot path never waits for the
 * database. Hits are kept per clock-aligned minute, the same ones on every instance, and the
 * last minute is estimated from this one and the one before, weighed by how much of it is still
 * within the last 60 seconds: no burst of twice the limit across a minute's end. With several
 * instances, each shares its new hits and learns the others' (`unshared`, `learn`) twice a second
 * (RateLimitGuard): a client's limit holds across instances, give or take what it sends in one
 * such interval.
 */
export class WindowCounter {
  private windowStart = 0;
  private counts = new Map<string, number>();
  /** Hits counted here and not yet shared. */
  private unsharedHits = new Map<string, number>();
  /** Hits other instances counted in this window, as last learnt. */
  private elsewhere = new Map<string, number>();
  /** Every instance's hits in the window before this one, as known when it ended. */
  private previous = new Map<string, number>();

  constructor(private readonly windowMs = 60_000) {}

  /** Counts a hit; returns the seconds until the window resets when the limit is exceeded, else 0. */
  hit(key: string, limit: number, now = Date.now()): number {
    this.roll(now);
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    this.unsharedHits.set(key, (this.unsharedHits.get(key) ?? 0) + 1);
    const stillWithin = 1 - (now - this.windowStart) / this.windowMs;
    const lastMinute = count + (this.elsewhere.get(key) ?? 0) + (this.previous.get(key) ?? 0) * stillWithin;
    return lastMinute > limit ? Math.ceil((this.windowStart + this.windowMs - now) / 1000) : 0;
  }

  /** Takes back one hit of the current window (a request that turned out not to count). */
  refund(key: string): void {
    const count = this.counts.get(key);
    if (!count) return;
    this.counts.set(key, count - 1);
    this.unsharedHits.set(key, (this.unsharedHits.get(key) ?? 0) - 1);
  }

  /** The window's keys and their hits not yet shared, which are then counted as shared. */
  unshared(now = Date.now()): WindowHits {
    this.roll(now);
    const keys = [...this.counts.keys()];
    const added = keys.map((key) => this.unsharedHits.get(key) ?? 0);
    this.unsharedHits = new Map();
    return { windowStart: this.windowStart, keys, added };
  }

  /** Hits `unshared` gave that could not be shared: they are shared with the next ones. */
  unsent(hits: WindowHits): void {
    if (hits.windowStart !== this.windowStart) return;
    hits.keys.forEach((key, n) => this.unsharedHits.set(key, (this.unsharedHits.get(key) ?? 0) + hits.added[n]!));
  }

  /** Every instance's hits of these keys in the window, as the shared count has them (keys not seen here too). */
  learn(windowStart: number, totals: { key: string; hits: number }[]): void {
    if (windowStart !== this.windowStart) return;
    for (const { key, hits } of totals) {
      // Hits counted here since the counts were read are in neither side yet.
      const here = (this.counts.get(key) ?? 0) - (this.unsharedHits.get(key) ?? 0);
      this.elsewhere.set(key, Math.max(0, hits - here));
    }
  }

  /** Moves to the window `now` is in: the one that ended becomes the previous one; older ones are forgotten. */
  private roll(now: number): void {
    const start = now - (now % this.windowMs);
    if (start === this.windowStart) return;
    const next = start === this.windowStart + this.windowMs;
    this.previous = next ? new Map([...this.counts].map(([key, count]) => [key, count + (this.elsewhere.get(key) ?? 0)])) : new Map();
    this.windowStart = start;
    this.counts = new Map();
    this.unsharedHits = new Map();
    this.elsewhere = new Map();
  }
}
