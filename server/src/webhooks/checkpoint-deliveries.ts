import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransparencyLog } from '../transparency/transparency-log.service.js';
import { insertCheckpointDeliveries } from './webhook-deliveries.queries.js';
import { WebhookOutbox } from './webhook-outbox.service.js';

/** How often each instance looks for a day closed since: a day's checkpoint leaves within this of midnight. */
const LOOK_MS = 5 * 60_000;

/**
 * Pushes the transparency log's daily checkpoints (decision record 0037) to the webhooks that hear
 * of them, so that others keep copies a rewritten history would contradict. Every instance looks
 * every few minutes; a day's checkpoint is queued once per webhook (a unique index), and sent,
 * signed and retried, as any delivery.
 */
@Injectable()
export class CheckpointDeliveries implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointDeliveries.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: TransparencyLog,
    private readonly outbox: WebhookOutbox,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.queue(), LOOK_MS);
    this.timer.unref();
    void this.queue();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * Queues the checkpoint of the last day closed by `now` for the webhooks that have not had it;
   * how many. Runs at once (here or in other instances) queue it once between them.
   */
  queue(now = new Date()): Promise<number> {
    this.running = this.queueClosedDay(now).catch((error: Error) => {
      this.logger.warn(`daily checkpoints not queued (tried again later): ${error.message}`);
      return 0;
    });
    return this.running;
  }

  private async queueClosedDay(now: Date): Promise<number> {
    const closed = await this.log.lastClosedDay(now);
    if (!closed) return 0;
    const queued = await insertCheckpointDeliveries(this.db.manager, {
      type: 'log.checkpoint',
      ...closed,
      verifierKey: await this.log.verifierKey(),
    });
    if (queued > 0) this.outbox.send();
    return queued;
  }
}
