import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { Notices } from '../notices/notices.js';

const CHANNEL = 'nguon_batch_changes';
const NOTIFY_BATCH = 200;

/** What an in-process cache does when batches change. */
export interface BatchChangeListener {
  /** These batches changed: drop whatever shows them. */
  batchesChanged(batchIds: readonly string[]): void;
  /** Changes may have been missed (the instance was not listening): drop everything. */
  everythingChanged(): void;
}

/**
 * Tells every instance that batches changed (an event was recorded, a recall happened), so
 * in-process caches drop what they hold for them. Other instances hear it through PostgreSQL
 * LISTEN/NOTIFY; the embedded database serves one process, so there it stays local.
 *
 * While the instance cannot listen (its listening connection was lost), it drops every cache, since
 * it cannot keep them fresh while deaf, and again once listening, since what was cached meanwhile
 * may be stale.
 */
@Injectable()
export class BatchChanges implements OnModuleInit {
  private readonly logger = new Logger(BatchChanges.name);
  private readonly listeners = new Set<BatchChangeListener>();
  /** Names this instance in its NOTIFY payloads (`<instance> <id>,<id>…`). */
  private readonly instance = randomUUID();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notices: Notices,
  ) {}

  subscribe(listener: BatchChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after the transaction that changed the batches has committed. */
  async publish(batchIds: string[]): Promise<void> {
    if (batchIds.length === 0) return;
    this.deliver((listener) => listener.batchesChanged(batchIds));
    if (!this.config.databaseUrl) return;
    // A NOTIFY payload holds under 8000 bytes: about 200 ids.
    for (let start = 0; start < batchIds.length; start += NOTIFY_BATCH) {
      const payload = `${this.instance} ${batchIds.slice(start, start + NOTIFY_BATCH).join(',')}`;
      await this.notices.notify(CHANNEL, payload).catch((error: Error) => {
        this.logger.warn(`NOTIFY failed, other instances may serve stale pages: ${error.message}`);
      });
    }
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.databaseUrl) return;
    await this.notices.listen(CHANNEL, {
      heard: (payload) => {
        const [sender, ids] = payload.split(' ');
        // This instance's own news was delivered when it was published: hearing it again would drop
        // pages rebuilt since, and the next shopper would wait for them to be built once more.
        if (sender === this.instance || !ids) return;
        const batchIds = ids.split(',');
        this.deliver((listener) => listener.batchesChanged(batchIds));
      },
      missed: () => this.deliver((listener) => listener.everythingChanged()),
    });
  }

  /** A listener that throws is a bug: logged, and the other listeners still hear the news. */
  private deliver(tell: (listener: BatchChangeListener) => void): void {
    for (const listener of this.listeners) {
      try {
        tell(listener);
      } catch (error) {
        this.logger.error('a batch change listener failed', (error as Error)?.stack ?? String(error));
      }
    }
  }
}
