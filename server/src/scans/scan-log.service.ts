import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { backoffDelayMs } from '../common/backoff.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PendingScans } from './pending-scans.js';
import { loadScanCounts, writeScans } from './scan-log.queries.js';
import type { ClientClass } from './scan.entity.js';
import { newScanId } from './scan-id.js';

/** The class of device a scan is recorded with (see `record`). */
export type { ClientClass };

/** A write starts at once when this many scans wait, without waiting for the interval. */
const ROWS_PER_WRITE = 500;
/** How often counts shown here are read again, so other instances' scans show too. */
export const COUNT_REFRESH_MS = 5_000;

/**
 * Scans are answered from memory and written in multi-row batches: every SCAN_FLUSH_MS, at once
 * when ROWS_PER_WRITE wait, and at shutdown before the database closes. One statement per batch
 * inserts the rows and adds them to `batches.scan_count`, returning the new counts. A failed write
 * keeps its scans for the next one (logged); ids are made here, so a write that committed but
 * whose answer was lost is not counted twice. A crash loses at most the scans of the last
 * interval (decision record 0015).
 */
@Injectable()
export class ScanLog implements OnApplicationShutdown {
  private readonly logger = new Logger(ScanLog.name);
  private readonly pending = new PendingScans();
  /** Batches whose count was shown since the last refresh. */
  private readonly shown = new Set<string>();
  /** Writes run one after the other. */
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly refresher: NodeJS.Timeout;
  private closed = false;
  /** A write was started because ROWS_PER_WRITE waited: more scans meanwhile do not start another. */
  private full = false;
  /** Scans dropped since the last report: beyond PendingScans' capacity while writes failed. */
  private dropped = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.refresher = setInterval(() => void this.refreshCounts(), COUNT_REFRESH_MS);
    this.refresher.unref();
  }

  /** Records a scan of a batch that exists; its id is known at once, its row is written soon. */
  record(batchId: string, clientClass: ClientClass, at = Date.now()): string {
    const id = newScanId(at);
    this.dropped += this.pending.add({ id, batchId, at, clientClass });
    // While writes fail, the backoff decides when to try again, however many scans wait.
    if (this.pending.waiting >= ROWS_PER_WRITE && !this.full && this.failures === 0) {
      this.full = true;
      void this.flushLogged().finally(() => {
        this.full = false;
      });
    } else {
      this.schedule(this.config.scanFlushMs);
    }
    return id;
  }

  /** The batch's count including scans not yet written here; undefined if this instance never read it. */
  countOf(batchId: string): number | undefined {
    const count = this.pending.countOf(batchId);
    if (count !== undefined) this.shown.add(batchId);
    return count;
  }

  /** A count read from the database with a batch's view. */
  remember(batchId: string, count: number): void {
    this.pending.remember(batchId, count);
  }

  /** Whether this scan waits to be written here. */
  holds(scanId: string): boolean {
    return this.pending.holds(scanId);
  }

  /** Writes every scan recorded so far; rejects if a write fails (the scans are kept for the next). */
  flush(): Promise<void> {
    const run = this.writing.then(() => this.writeAll());
    this.writing = run.catch(() => undefined);
    return run;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    clearInterval(this.refresher);
    const waiting = this.pending.waiting;
    await this.flush().catch((error: Error) => {
      this.logger.error(`${waiting} scans could not be written at shutdown and are lost: ${error.message}`);
    });
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flushLogged();
    }, delayMs);
    this.timer.unref();
  }

  /** A write from the timer: a failure is logged and retried with backoff, its scans kept. */
  private async flushLogged(): Promise<void> {
    try {
      await this.flush();
      if (this.failures > 0) this.logger.log('scans are written again');
      this.failures = 0;
    } catch (error) {
      const delay = Math.max(this.config.scanFlushMs, backoffDelayMs(this.failures++));
      this.logger.warn(`could not write ${this.pending.waiting} scans (${(error as Error).message}): kept, retrying in ${delay} ms`);
      if (this.dropped > 0) this.logger.error(`${this.dropped} unwritten scans dropped: the database has refused writes for too long`);
      this.dropped = 0;
      // The backoff replaces a retry that a scan recorded meanwhile planned at the usual interval.
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.schedule(delay);
    }
  }

  private async writeAll(): Promise<void> {
    // Only what waits now: scans recorded meanwhile go in the next write.
    for (let left = this.pending.waiting; left > 0; left -= ROWS_PER_WRITE) {
      const scans = this.pending.take(Math.min(left, ROWS_PER_WRITE));
      try {
        const counts = await writeScans(this.db.manager, scans);
        this.pending.written(counts);
      } catch (error) {
        this.pending.failed();
        throw error;
      }
    }
  }

  /** Reads again the counts shown lately: other instances' scans show here within COUNT_REFRESH_MS of their write. */
  private async refreshCounts(): Promise<void> {
    if (this.shown.size === 0 || this.closed) return;
    const ids = [...this.shown];
    this.shown.clear();
    try {
      const rows = await loadScanCounts(this.db.manager, ids);
      for (const row of rows) this.pending.remember(row.id, row.scan_count);
    } catch {
      // The database is away: the counts shown stay as they are, and the next round tries again.
    }
  }
}
