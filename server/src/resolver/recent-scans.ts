/**
 * Which client counted a scan of which batch lately, in process memory only (never stored: a
 * client address is personal data). Entries live for one window; the oldest go first when full.
 */
export class RecentScans {
  private readonly entries = new Map<string, { scanId: string; at: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity = 200_000,
  ) {}

  /** The scan this client counted for this batch within the window, or the one `count` makes now. */
  scanOf(key: string, count: () => string, now = Date.now()): { scanId: string; counted: boolean } {
    const known = this.entries.get(key);
    if (known && known.at > now - this.windowMs) return { scanId: known.scanId, counted: false };
    const scanId = count();
    if (this.windowMs > 0) {
      this.forgetOld(now);
      this.entries.delete(key);
      this.entries.set(key, { scanId, at: now });
    }
    return { scanId, counted: true };
  }

  /** Entries are in the order they were made: drop expired ones from the front, and the oldest when full. */
  private forgetOld(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.at > now - this.windowMs && this.entries.size < this.capacity) break;
      this.entries.delete(key);
    }
  }
}
