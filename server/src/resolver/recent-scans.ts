/** A scan a client counted lately, and the token it was last handed for it. */
export interface RecentScan {
  readonly scanId: string;
  readonly at: number;
  token?: { text: string; renewAt: number };
}

/**
 * The token to hand a client for its scan: the one it was handed before while half of its life
 * remains, else a new one from `issue`. Signing anew for every answer was the largest cost of a
 * warm scan after sending it.
 */
export function tokenFor(scan: RecentScan, issue: () => string, lifeMs: number, now = Date.now()): string {
  if (scan.token === undefined || scan.token.renewAt <= now) scan.token = { text: issue(), renewAt: now + lifeMs / 2 };
  return scan.token.text;
}

/**
 * Which client counted a scan of which batch lately, in process memory only (never stored: a
 * client address is personal data). Entries live for one window; the oldest go first when full.
 */
export class RecentScans {
  private readonly entries = new Map<string, RecentScan>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity = 200_000,
  ) {}

  /** The scan this client counted for this batch within the window, or the one `count` makes now. */
  scanOf(key: string, count: () => string, now = Date.now()): { scan: RecentScan; counted: boolean } {
    const known = this.entries.get(key);
    if (known && known.at > now - this.windowMs) return { scan: known, counted: false };
    const scan: RecentScan = { scanId: count(), at: now };
    if (this.windowMs > 0) {
      this.forgetOld(now);
      this.entries.delete(key);
      this.entries.set(key, scan);
    }
    return { scan, counted: true };
  }

  /** Entries are in the order they were made: drop expired ones from the front, and the oldest when full. */
  private forgetOld(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.at > now - this.windowMs && this.entries.size < this.capacity) break;
      this.entries.delete(key);
    }
  }
}
