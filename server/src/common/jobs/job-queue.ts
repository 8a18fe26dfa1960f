import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { JOB_QUEUE_SCHEMA } from '../../database/migrations/1766600000000-queue-capture-jobs.js';
import { poolExecutor, transactionExecutor } from './job-queue.queries.js';

export type QueuedJob<T> = PgBoss.JobWithMetadata<T>;

/**
 * The job queue shared by every instance: pg-boss on the app's own database, PostgreSQL or the
 * embedded one alike (decision record 0025). Workers take jobs with `FOR UPDATE SKIP LOCKED`, so
 * each job runs in one instance at a time; its schema is installed by a migration.
 */
@Injectable()
export class JobQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly boss: PgBoss;
  private readonly pool: ReturnType<typeof poolExecutor>;
  private started: Promise<unknown> | null = null;

  constructor(@InjectDataSource() db: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.pool = poolExecutor(db);
    this.boss = new PgBoss({
      db: this.pool,
      schema: JOB_QUEUE_SCHEMA,
      // The schema is the migrations' business; a version mismatch stops the start.
      migrate: false,
      // No cron jobs: nothing to keep time for.
      schedule: false,
      maintenanceIntervalSeconds: config.captureJobs.maintenanceSeconds,
    });
    // A failed poll or maintenance round is tried again on the next one.
    this.boss.on('error', (error: Error) => this.logger.warn(`job queue: ${error.message}`));
  }

  /** Starts the queue once, and makes the named queue (idempotent, also across instances). */
  async queue(name: string): Promise<void> {
    this.started ??= this.boss.start();
    await this.started;
    await this.boss.createQueue(name);
  }

  /** Enqueues a job in the caller's transaction: it exists exactly when the rows written with it do. */
  async send<T extends object>(tx: EntityManager, name: string, data: T, options: PgBoss.SendOptions): Promise<void> {
    await this.boss.send(name, data, { ...options, db: transactionExecutor(tx) });
  }

  /**
   * Runs `handler` for each job of the queue, one at a time for this worker; the worker's id. A
   * backlog is worked through without pause: after a job the worker looks for the next at once,
   * where pg-boss would wait out its polling interval (2 s a document for an integrator's queue).
   */
  async work<T>(name: string, pollingSeconds: number, handler: (job: QueuedJob<T>) => Promise<void>): Promise<string> {
    // Known once pg-boss has started the worker, before it can have fetched a job.
    const worker: { id?: string } = {};
    worker.id = await this.boss.work<T>(
      name,
      { batchSize: 1, pollingIntervalSeconds: pollingSeconds, includeMetadata: true },
      async ([job]) => {
        if (!job) return;
        try {
          await handler(job);
        } finally {
          if (worker.id) this.boss.notifyWorker(worker.id);
        }
      },
    );
    return worker.id;
  }

  /** Makes an idle worker of this instance look for work now rather than at its next poll. */
  wake(workerId: string): void {
    this.boss.notifyWorker(workerId);
  }

  /** Gives a job back to the queue as failed, in the caller's transaction: retried while it has attempts left. */
  async fail(tx: EntityManager, name: string, id: string, reason: string): Promise<void> {
    await this.boss.fail(name, id, { reason }, { db: transactionExecutor(tx) });
  }

  /**
   * Lets jobs in progress here finish (up to 30 s), and the queue's last statements, while the
   * database is still open: before any module's shutdown, TypeORM's (which closes it) included.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    await this.pool.idle();
  }
}
