import type { ClientClass } from './scan.entity.js';

export interface PendingScan {
  id: string;
  batchId: string;
  /** When it was made, in epoch milliseconds. */
  at: number;
  clientClass: ClientClass;
}

/**
 * The scans this instance answered and has not written yet, and each batch's scan count as this
 * instance knows it: the count the database last gave (never lowered: counts only grow) plus the
 * scans recorded here and not yet written. Pure bookkeeping; ScanLog does the writing.
 */
export class PendingScans {
  /** Recorded, not yet handed to a write. */
  private queue: PendingScan[] = [];
  /** Handed to the write under way. */
  private inFlight: PendingScan[] = [];
  private readonly unwritten = new Map<string, number>();
  private readonly stored = new Map<string, number>();

  constructor(
    /** Beyond this many unwritten scans (a long outage), the oldest are dropped: memory is bounded. */
    private readonly capacity = 100_000,
    /** Batches whose count is remembered; past it, all are forgotten and read again when asked. */
    private readonly countCapacity = 200_000,
  ) {}

  get waiting(): number {
    return this.queue.length;
  }

  /** Records a scan; answers how many older scans were dropped to make room (0 but in a long outage). */
  add(scan: PendingScan): number {
    this.queue.push(scan);
    this.unwritten.set(scan.batchId, (this.unwritten.get(scan.batchId) ?? 0) + 1);
    const over = this.queue.length + this.inFlight.length - this.capacity;
    if (over <= 0) return 0;
    this.forget(this.queue.splice(0, over));
    return over;
  }

  /** Hands up to `max` of the oldest recorded scans to a write. */
  take(max: number): PendingScan[] {
    this.inFlight = this.queue.splice(0, max);
    return this.inFlight;
  }

  /** The write committed: these scans are in the database, and the counts it returned are current. */
  written(counts: readonly { id: string; scan_count: number }[]): void {
    this.forget(this.inFlight);
    this.inFlight = [];
    for (const { id, scan_count } of counts) this.remember(id, scan_count);
  }

  /** The write failed: the scans wait for the next one, first in line. */
  failed(): void {
    this.queue = [...this.inFlight, ...this.queue];
    this.inFlight = [];
  }

  holds(scanId: string): boolean {
    return this.queue.some((scan) => scan.id === scanId) || this.inFlight.some((scan) => scan.id === scanId);
  }

  /** The batch's count as far as this instance knows, or undefined if it never read it. */
  countOf(batchId: string): number | undefined {
    const stored = this.stored.get(batchId);
    return stored === undefined ? undefined : stored + (this.unwritten.get(batchId) ?? 0);
  }

  remember(batchId: string, count: number): void {
    if (!this.stored.has(batchId) && this.stored.size >= this.countCapacity) this.stored.clear();
    this.stored.set(batchId, Math.max(count, this.stored.get(batchId) ?? 0));
  }

  private forget(scans: readonly PendingScan[]): void {
    for (const { batchId } of scans) {
      const left = (this.unwritten.get(batchId) ?? 1) - 1;
      if (left > 0) this.unwritten.set(batchId, left);
      else this.unwritten.delete(batchId);
    }
  }
}
