import { Logger } from '@nestjs/common';
import type pg from 'pg';
import { EntityManager, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** A WAL position (`pg_lsn`), as a number that compares. */
export type WalPosition = bigint;

function walPosition(lsn: string): WalPosition {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** How long after a failure the replicas are asked again, doubling up to the last. */
const AWAY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** What TypeORM's driver keeps of replication, and lets us add to. */
type ReplicatingDriver = PostgresDriver & { createPool(options: unknown, credentials: { url: string }): Promise<pg.Pool> };

/**
 * The streaming replicas of the primary (decision record 0034), on TypeORM's replication pools.
 * TypeORM opens every replica's pool with the data source and refuses to open when one does not
 * answer; a replica being away must not stop the portal, so the data source opens with none and
 * each replica's pool joins when the replica first answers.
 *
 * Reads asked through `manager` go to a replica while the replicas answer; one that fails with
 * `failover(error)` true is asked of the primary instead, and the replicas are left alone until a
 * check, after a growing pause, finds them answering again.
 */
export class Replicas {
  private readonly logger = new Logger(Replicas.name);
  private readonly driver: ReplicatingDriver;
  /** Replicas whose pool has not joined yet: they have not answered. */
  private waiting: string[];
  private attached = 0;
  private away = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Reads through it go to a replica when one is usable, else (or when it fails) to the primary. */
  readonly manager: EntityManager;

  constructor(
    private readonly db: DataSource,
    urls: readonly string[],
    /** Whether a read that failed on a replica is asked of the primary (the replica is away), or the error stands. */
    readonly failover: (error: unknown) => boolean,
  ) {
    this.driver = db.driver as ReplicatingDriver;
    this.manager = new ReplicaManager(db, this);
    this.waiting = [...urls];
    if (urls.length) void this.attach();
  }

  /** Whether reads may go to a replica now: one is attached and the last read there did not fail. */
  get usable(): boolean {
    return this.attached > 0 && !this.away;
  }

  /** The primary's WAL position now: a change committed before this call is at or before it. */
  async primaryPosition(): Promise<WalPosition> {
    const rows = (await this.db.query(`SELECT pg_current_wal_lsn()::text AS lsn`)) as [{ lsn: string }];
    return walPosition(rows[0].lsn);
  }

  /** How far every replica has replayed the primary's WAL (the least of them), or null when they cannot say. */
  async replayedPosition(): Promise<WalPosition | null> {
    if (!this.usable) return null;
    try {
      const position = await this.positions();
      if (position === null) this.failed(new Error('a replica is no longer replaying the primary (promoted?)'));
      return position;
    } catch (error) {
      if (!this.failover(error)) throw error;
      this.failed(error);
      return null;
    }
  }

  /** A read on a replica failed: the replicas are left alone until they answer a check again. */
  failed(error: unknown): void {
    if (this.away || this.closed) return;
    this.away = true;
    this.logger.warn(`a read replica failed, reading from the primary meanwhile: ${(error as Error)?.message ?? String(error)}`);
    this.schedule(() => this.check());
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Adds each replica's pool as it first answers; TypeORM closes them with the data source. */
  private async attach(): Promise<void> {
    const waiting: string[] = [];
    for (const url of this.waiting) {
      try {
        const pool = await this.driver.createPool(this.driver.options, { url });
        this.driver.slaves.push(pool);
        this.attached += 1;
      } catch (error) {
        waiting.push(url);
        this.logger.warn(`a read replica does not answer yet, reading from the primary meanwhile: ${(error as Error).message}`);
      }
    }
    this.waiting = waiting;
    if (waiting.length) this.schedule(() => this.attach());
  }

  /** The least replayed position of the attached replicas; null when one is not a replica (any longer). */
  private async positions(): Promise<WalPosition | null> {
    const pools = this.driver.slaves as pg.Pool[];
    const answers = await Promise.all(
      pools.map((pool) => pool.query<{ lsn: string | null }>(`SELECT pg_last_wal_replay_lsn()::text AS lsn`)),
    );
    const replayed = answers.map(({ rows }) => rows[0]?.lsn ?? null);
    if (replayed.some((lsn) => lsn === null)) return null;
    return replayed.map((lsn) => walPosition(lsn!)).reduce((least, p) => (p < least ? p : least));
  }

  /** While away: are the replicas back (answering, and replicas still)? */
  private async check(): Promise<void> {
    const back = await this.positions().then(
      (position) => position !== null,
      (error: unknown) => (this.failover(error) ? false : Promise.reject(error)),
    );
    if (!back) return this.schedule(() => this.check());
    this.away = false;
    this.failures = 0;
    this.logger.log('the read replicas answer again');
  }

  private schedule(run: () => Promise<void>): void {
    if (this.closed) return;
    const delay = AWAY_MS[Math.min(this.failures++, AWAY_MS.length - 1)];
    this.timer = setTimeout(
      () => void (this.closed ? undefined : run())?.catch((bug: Error) => this.logger.error('replica check failed', bug.stack)),
      delay,
    );
    this.timer.unref();
  }
}

/**
 * An entity manager whose raw reads (the read side's `*.queries.ts`) go to a replica, each on a
 * pooled connection of its own as the primary's manager does, so reads asked together still run
 * in parallel. Anything else it is asked (transactions, repositories) goes to the primary.
 */
class ReplicaManager extends EntityManager {
  constructor(
    dataSource: DataSource,
    private readonly replicas: Replicas,
  ) {
    super(dataSource);
  }

  override async query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T> {
    if (!this.replicas.usable) return this.dataSource.query(sql, parameters);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T;
    } catch (error) {
      if (!this.replicas.failover(error)) throw error;
      this.replicas.failed(error);
      return this.dataSource.query(sql, parameters);
    } finally {
      await runner.release();
    }
  }
}
