import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { PageReads } from '../../database/page-reads.js';
import { Replicas, type WalPosition } from '../../database/replicas.js';
import { DomainError } from '../errors/domain-error.js';
import { isDatabaseUnavailable } from '../errors/database-unavailable.js';
import { Notices } from '../notices/notices.js';
import { BatchChanges } from './batch-changes.js';

/** A change this instance heard of, and the primary's WAL position that holds it (null until read). */
interface Wait {
  position: WalPosition | null;
}

/** How long a replica's replayed position, once read, answers for: a position read earlier is only lower, never wrong. */
const REPLAYED_FRESH_MS = 20;

/** On a replica, a statement cancelled for a conflict with the WAL it replays: the primary has no such conflict. */
const RECOVERY_CONFLICT = '40001';

function failover(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown })?.driverError?.code ?? (error as { code?: unknown })?.code;
  return isDatabaseUnavailable(error) || code === RECOVERY_CONFLICT;
}

/**
 * Where the read side reads (decision record 0034): a streaming replica when one is configured and
 * has replayed every change this instance has heard of that the read could show, else the primary.
 *
 * Every batch change (an event, a recall) is announced to every instance after it commits
 * (BatchChanges); on hearing one, the instance reads the primary's WAL position, which is at or
 * after the change's commit, and reads the batches it names from the primary until the replica
 * has replayed that position. On starting, and on listening again after notices were missed, it
 * waits the same way for everything up to the primary's position then; while it is not listening,
 * it reads everything from the primary. So a shopper never sees a batch older than its recall
 * once an instance has heard of the recall, and the instance that recorded it hears at once.
 */
@Injectable()
export class ReplicaReads implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReplicaReads.name);
  private readonly replicas: Replicas;
  /** Per batch, the latest change not yet known to be on the replica. */
  private readonly waits = new Map<string, Wait>();
  /** Everything up to a position: on start, and after notices were missed. */
  private everything: Wait | null = null;
  private replayed: { position: WalPosition; readAt: number } | null = null;
  private replaying: Promise<WalPosition | null> | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly configured: boolean;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly notices: Notices,
    private readonly changes: BatchChanges,
    private readonly pageReads: PageReads,
  ) {
    this.configured = config.databaseReplicaUrls.length > 0;
    this.replicas = new Replicas(db, config.databaseReplicaUrls, failover);
  }

  onModuleInit(): void {
    if (!this.configured) return;
    this.everything = this.waitForPrimary();
    this.unsubscribe = this.changes.subscribe({
      batchesChanged: (ids) => {
        const wait = this.waitForPrimary();
        for (const id of ids) this.waits.set(id, wait);
      },
      everythingChanged: () => {
        this.everything = this.waitForPrimary();
      },
    });
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.replicas.close();
  }

  /**
   * A consumer's page about `batchIds` (a batch's view, a product's, lots found by code), read as
   * one page (PageReads): from the replica when it holds every change heard of to those batches,
   * and again from the primary when what it read shows other batches the replica was behind on
   * (raw materials, a product's lots) or found nothing (a batch registered a moment ago).
   */
  async page<T>(
    batchIds: readonly string[],
    read: (manager: EntityManager) => Promise<T>,
    shows: (page: T) => readonly string[],
  ): Promise<T> {
    const fromPrimary = () => this.pageReads.run(read);
    if (!(await this.caughtUp(batchIds))) return fromPrimary();
    let page: T;
    try {
      page = await this.pageReads.run(read, this.replicas.manager);
    } catch (error) {
      if (error instanceof DomainError) return fromPrimary();
      throw error;
    }
    return this.behindOn(shows(page)) ? fromPrimary() : page;
  }

  /** Rows found by a code that never changes once given (a GTIN and lot, a short code): from the replica, or the primary when it has none yet. */
  async lookup<T>(read: (manager: EntityManager) => Promise<T[]>): Promise<T[]> {
    if (!this.replicas.usable) return read(this.db.manager);
    const rows = await read(this.replicas.manager);
    return rows.length ? rows : read(this.db.manager);
  }

  /** The manager for reads across the portal (search, trace, exports, EPCIS queries): the replica's when it holds every change heard of. */
  async forEverything(): Promise<EntityManager> {
    return (await this.caughtUp(null)) ? this.replicas.manager : this.db.manager;
  }

  /** Whether any of these batches has a change the replica had not replayed when last asked. */
  private behindOn(batchIds: readonly string[]): boolean {
    const replayed = this.replayed?.position ?? -1n;
    return batchIds.some((id) => {
      const wait = this.waits.get(id);
      return wait !== undefined && (wait.position === null || wait.position > replayed);
    });
  }

  private async caughtUp(batchIds: readonly string[] | null): Promise<boolean> {
    if (!this.replicas.usable || !this.notices.listening) return false;
    const needed = this.needed(batchIds);
    if (needed === null) return false;
    if (needed === 0n) return true;
    const replayed = await this.replayedPosition();
    if (replayed === null || replayed < needed) return false;
    this.forgetReplayed(replayed);
    return true;
  }

  /** The position the replica must have replayed for the read (0: none), or null when one is not known yet. */
  private needed(batchIds: readonly string[] | null): WalPosition | null {
    const waits = batchIds === null ? [...new Set(this.waits.values())] : batchIds.map((id) => this.waits.get(id));
    let needed = 0n;
    for (const wait of [this.everything, ...waits]) {
      if (!wait) continue;
      if (wait.position === null) return null;
      if (wait.position > needed) needed = wait.position;
    }
    return needed;
  }

  /** The replica's replayed position, read at most once per REPLAYED_FRESH_MS, however many reads ask. */
  private async replayedPosition(): Promise<WalPosition | null> {
    if (this.replayed && Date.now() - this.replayed.readAt < REPLAYED_FRESH_MS) return this.replayed.position;
    this.replaying ??= this.replicas.replayedPosition().finally(() => (this.replaying = null));
    const position = await this.replaying;
    if (position !== null) this.replayed = { position, readAt: Date.now() };
    return position;
  }

  private forgetReplayed(replayed: WalPosition): void {
    const everything = this.everything?.position;
    if (everything !== null && everything !== undefined && everything <= replayed) this.everything = null;
    for (const [id, wait] of this.waits) if (wait.position !== null && wait.position <= replayed) this.waits.delete(id);
  }

  /** A wait for the primary's position now; until it is read, reads it covers go to the primary. */
  private waitForPrimary(): Wait {
    const wait: Wait = { position: null };
    const read = (attempt: number): void => {
      this.replicas.primaryPosition().then(
        (position) => (wait.position = position),
        (error: Error) => {
          if (attempt === 0) this.logger.warn(`could not read the primary's WAL position, reading from it meanwhile: ${error.message}`);
          if (!this.closed) setTimeout(() => read(attempt + 1), 1_000).unref();
        },
      );
    };
    read(0);
    return wait;
  }
}
