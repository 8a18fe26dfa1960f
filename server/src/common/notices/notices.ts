import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { backoffDelayMs } from '../backoff.js';
import type { EmbeddedPostgres } from '../../database/embedded-postgres.js';
import { APPLICATION_NAME, connectionSettings } from '../../database/postgres-connection.js';

/** What a listener does with a channel's notices. */
export interface NoticeListener {
  /** A notice, sent by this instance or another, once its transaction committed. */
  heard(payload: string): void;
  /** Notices may have been missed (the instance was not listening, or just started to again). */
  missed(): void;
}

/** A listening connection carries nothing for hours: it is asked a question now and then, so a dead one is noticed. */
const HEARTBEAT_MS = 30_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/**
 * PostgreSQL `LISTEN/NOTIFY` for the whole instance, on one connection of its own: what other
 * instances (or triggers) announce reaches every listener here. The connection can be lost (a
 * restart, a failover, an idle reaper): listeners are told they missed notices, and it reconnects
 * with backoff, telling them again once listening. On the embedded database the notices are
 * PGlite's own, in process.
 */
export class Notices implements OnApplicationShutdown {
  private readonly logger = new Logger(Notices.name);
  private readonly listeners = new Map<string, Set<NoticeListener>>();
  private client: pg.Client | null = null;
  /** Whether the listening connection is up and listening (always, on the embedded database). */
  private listeningNow = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  /** Whether notices reach this instance now: while not, what it holds may silently go stale. */
  get listening(): boolean {
    return this.embedded !== null || this.listeningNow;
  }

  /** Announces `payload` on `channel` to every listener, now (outside a transaction). */
  async notify(channel: string, payload: string): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  }

  /** Listens to `channel` from now on; returns how to stop. */
  async listen(channel: string, listener: NoticeListener): Promise<() => void> {
    const listeners = this.listeners.get(channel) ?? new Set();
    const first = listeners.size === 0;
    listeners.add(listener);
    this.listeners.set(channel, listeners);
    if (first) await this.startListening(channel);
    return () => listeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async startListening(channel: string): Promise<void> {
    const embedded = this.embedded;
    if (embedded) {
      // PGlite runs LISTEN on its one session: in a turn of its own, never inside another's transaction.
      const turn = {};
      await embedded.turns.take(turn, 'LISTEN');
      try {
        await embedded.pglite.listen(channel, (payload) => this.deliver(channel, (l) => l.heard(payload)));
      } finally {
        embedded.turns.release(turn);
      }
      return;
    }
    if (this.client)
      await this.client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch((error: Error) => this.lost(this.client!, error));
    else if (!this.retry) await this.connect();
  }

  /** Opens the listening connection; a failure is handled like a lost connection (never thrown). */
  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl ?? undefined,
      ...connectionSettings(this.config, `${APPLICATION_NAME}-listen`),
      query_timeout: HEARTBEAT_TIMEOUT_MS,
    });
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      this.deliver(message.channel, (listener) => listener.heard(payload));
    });
    try {
      await client.connect();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    this.listeningNow = true;
    if (this.failures > 0) this.logger.log('listening for notices again');
    this.failures = 0;
    this.deliverAll((listener) => listener.missed());
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => this.lost(client, error));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private lost(client: pg.Client, error: Error): void {
    if (client !== this.client) return; // already handled, or closed
    this.client = null;
    this.listeningNow = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.end().catch(() => undefined);
    this.deliverAll((listener) => listener.missed());
    if (this.closed) return;
    const delay = backoffDelayMs(this.failures++);
    this.logger.warn(`not listening for notices (${error.message}): retrying in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch((bug: Error) => this.logger.error('could not start listening again', bug.stack));
    }, delay);
    this.retry.unref();
  }

  private deliverAll(tell: (listener: NoticeListener) => void): void {
    for (const channel of this.listeners.keys()) this.deliver(channel, tell);
  }

  /** A listener that throws is a bug: logged, and the other listeners still hear the notice. */
  private deliver(channel: string, tell: (listener: NoticeListener) => void): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      try {
        tell(listener);
      } catch (error) {
        this.logger.error(`a listener of ${channel} failed`, (error as Error)?.stack ?? String(error));
      }
    }
  }
}
