import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { APPLICATION_NAME, connectionSettings } from '../../database/postgres-connection.js';
import { backoffDelayMs } from '../backoff.js';

const CHANNEL = 'nguon_batch_changes';
const NOTIFY_BATCH = 200;
/** A listening connection carries nothing for hours: it is asked a question now and then, so a dead one is noticed. */
const HEARTBEAT_MS = 30_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

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
 * The listening connection can be lost (a restart, a failover, an idle reaper): the instance then
 * logs it, drops every cache (it cannot keep them fresh while deaf), reconnects with backoff, and
 * drops them again once listening, since what was cached meanwhile may be stale.
 */
@Injectable()
export class BatchChanges implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(BatchChanges.name);
  private readonly listeners = new Set<BatchChangeListener>();
  private listenClient: pg.Client | null = null;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Names this instance in its NOTIFY payloads (`<instance> <id>,<id>…`). */
  private readonly instance = randomUUID();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      await this.db.query(`SELECT pg_notify($1, $2)`, [CHANNEL, payload]).catch((error: Error) => {
        this.logger.warn(`NOTIFY failed, other instances may serve stale pages: ${error.message}`);
      });
    }
  }

  async onModuleInit(): Promise<void> {
    if (this.config.databaseUrl) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.listenClient;
    this.listenClient = null;
    await client?.end();
  }

  /** Opens the listening connection; a failure is handled like a lost connection (never thrown). */
  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl ?? undefined,
      ...connectionSettings(this.config, `${APPLICATION_NAME}-listen`),
      query_timeout: HEARTBEAT_TIMEOUT_MS,
    });
    this.listenClient = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const [sender, ids] = message.payload.split(' ');
      // This instance's own news was delivered when it was published: hearing it again would drop
      // pages rebuilt since, and the next shopper would wait for them to be built once more.
      if (sender === this.instance || !ids) return;
      const batchIds = ids.split(',');
      this.deliver((listener) => listener.batchesChanged(batchIds));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.listenClient !== client) return;
    if (this.failures > 0) this.logger.log('listening for batch changes again');
    this.failures = 0;
    this.deliver((listener) => listener.everythingChanged());
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => this.lost(client, error));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private lost(client: pg.Client, error: Error): void {
    if (client !== this.listenClient) return; // already handled, or shut down
    this.listenClient = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.end().catch(() => undefined);
    this.deliver((listener) => listener.everythingChanged());
    const delay = backoffDelayMs(this.failures++);
    this.logger.warn(`not listening for batch changes (${error.message}): caches dropped, retrying in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen().catch((bug: Error) => this.logger.error('could not start listening again', bug.stack));
    }, delay);
    this.retry.unref();
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
