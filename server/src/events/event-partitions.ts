import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyzeEvents, ensureEventPartitions } from './event-partitions.queries.js';

/** How far ahead the months are made, and how often that is checked. */
const MONTHS_AHEAD = 3;
const CHECK_MS = 24 * 3600_000;

/**
 * Keeps the monthly partitions of `events` made ahead of time (decision record 0035): on start and
 * once a day, every instance, each month once (the function takes a lock). A month not made in
 * time is not lost: its events go to the default partition. Once a day it also takes the
 * statistics of `events` as a whole, which autovacuum never does for a partitioned table.
 */
@Injectable()
export class EventPartitions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventPartitions.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.makeAhead();
    this.timer = setInterval(() => void this.makeAhead().then(() => this.analyze()), CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async makeAhead(now = new Date()): Promise<void> {
    const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + MONTHS_AHEAD, 1));
    try {
      const made = await ensureEventPartitions(this.db.manager, now, until);
      if (made) this.logger.log(`made ${made} monthly partition(s) of the events ahead`);
    } catch (error) {
      this.logger.warn(
        `could not make the coming months' event partitions (events go to the default one meanwhile): ${(error as Error).message}`,
      );
    }
  }

  private async analyze(): Promise<void> {
    await analyzeEvents(this.db.manager).catch((error: Error) =>
      this.logger.warn(`could not take the statistics of the events: ${error.message}`),
    );
  }
}
