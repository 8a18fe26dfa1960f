/**
 * Counts hits per key in fixed one-minute windows, in process memory. Each instance counts on
 * its own: behind a load balancer the effective limit is per instance, which is enough to stop
 * one client hammering the portal without a shared store.
 */
export class FixedWindowCounter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(private readonly windowMs = 60_000) {}

  /** Counts a hit; returns the seconds until the window resets when the limit is exceeded, else 0. */
  hit(key: string, limit: number, now = Date.now()): number {
    if (now - this.windowStart >= this.windowMs) {
      // A new window forgets every key, so memory never grows past one window's clients.
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count > limit ? Math.ceil((this.windowStart + this.windowMs - now) / 1000) : 0;
  }

  /** Takes back one hit of the current window (a request that turned out not to count). */
  refund(key: string): void {
    const count = this.counts.get(key);
    if (count) this.counts.set(key, count - 1);
  }
}
