import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

const CHANNEL = 'nguon_batch_changes';
const NOTIFY_BATCH = 200;
type Listener = (batchIds: string[]) => void;

/**
 * Tells every instance that batches changed (an event was recorded, a recall happened), so
 * in-process caches drop what they hold for them. Other instances hear it through PostgreSQL
 * LISTEN/NOTIFY; the embedded database serves one process, so there it stays local.
 */
@Injectable()
export class BatchChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(BatchChanges.name);
  private readonly listeners = new Set<Listener>();
  private listenClient: pg.Client | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after the transaction that changed the batches has committed. */
  async publish(batchIds: string[]): Promise<void> {
    if (batchIds.length === 0) return;
    this.deliver(batchIds);
    if (!this.listenClient) return;
    // A NOTIFY payload holds under 8000 bytes: about 200 ids.
    for (let start = 0; start < batchIds.length; start += NOTIFY_BATCH) {
      const payload = batchIds.slice(start, start + NOTIFY_BATCH).join(',');
      await this.db.query(`SELECT pg_notify($1, $2)`, [CHANNEL, payload]).catch((error: Error) => {
        this.logger.warn(`NOTIFY failed, other instances may serve stale pages: ${error.message}`);
      });
    }
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.databaseUrl) return;
    this.listenClient = new pg.Client({ connectionString: this.config.databaseUrl });
    await this.listenClient.connect();
    this.listenClient.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.deliver(message.payload.split(','));
    });
    await this.listenClient.query(`LISTEN ${CHANNEL}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listenClient?.end();
    this.listenClient = null;
  }

  private deliver(batchIds: string[]): void {
    for (const listener of this.listeners) listener(batchIds);
  }
}
