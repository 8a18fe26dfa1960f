import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig, JobTimings, QueuedJobSettings } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { BatchChanges } from '../cache/batch-changes.js';
import { JobQueue } from './job-queue.js';
import { claimRun, findStartedRuns, lockRun, releaseRun, tryLockRun, writeProgress, type JobTable } from './job-runs.queries.js';

/** What a run on this instance has done so far. */
export interface RunProgress {
  processed: number;
}

/**
 * What every runner takes of the app, as one provider: the database, the settings, the queue,
 * and the cached pages of batches, which a run refreshes for the batches it changed.
 */
@Injectable()
export class JobRunnerContext {
  constructor(
    @InjectDataSource() readonly db: DataSource,
    @Inject(APP_CONFIG) readonly config: AppConfig,
    readonly queue: JobQueue,
    readonly changes: BatchChanges,
  ) {}
}

/** One kind of queued job: its queue, its table, and how often it may be run. */
export interface QueuedJobKind {
  queue: string;
  jobs: JobTable;
  settings: QueuedJobSettings;
  /** What the log calls one of them. */
  noun: string;
  /** Runs of this instance at once on PostgreSQL (one on the embedded database, whose runs take turns); one unless said. */
  runsAtOnce?: number;
}

/**
 * Runs one kind of job from the job queue, in any instance (decision record 0025): EPCIS capture
 * and imports. The job's row is the record (`running` until its run ends, with what the run
 * needs); the queue's job has the same id and only says when to run it.
 *
 * A run is long work (decision record 0027): one transaction on PostgreSQL, short steps on the
 * embedded database. Each of its transactions first takes the job's lock (`lock`) and reads its
 * status, so a second run of the same job (the queue's expiry passed while the first was still at
 * work) waits for the first and then finds the job done: what it stores is stored once. A run
 * that throws is retried by the queue while it has attempts left, then failed (`stop`).
 *
 * A run's worker that died (kill -9, a lost machine) leaves its job started and unlocked: the
 * sweep of any instance gives it back to the queue, and another worker runs it. The queue's own
 * expiry is the backstop, an hour by default.
 */
export abstract class QueuedJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly owner = randomUUID();
  protected readonly logger = new Logger(this.constructor.name);
  private readonly runs = new Map<string, RunProgress>();
  protected readonly db: DataSource;
  private readonly queue: JobQueue;
  private readonly changes: BatchChanges;
  private readonly timings: JobTimings;
  private readonly embedded: boolean;
  private workerIds: string[] = [];
  private timers: NodeJS.Timeout[] = [];
  private sweeping: Promise<string[]> | null = null;

  protected constructor(
    context: JobRunnerContext,
    private readonly kind: QueuedJobKind,
  ) {
    this.db = context.db;
    this.queue = context.queue;
    this.changes = context.changes;
    this.timings = context.config.jobs;
    this.embedded = !context.config.databaseUrl;
  }

  /**
   * Runs the job as long work whose transactions start with `lock`; `running.processed` is its
   * progress. The batches whose pages it changed, to refresh once it committed.
   */
  protected abstract run(id: string, running: RunProgress): Promise<string[]>;

  /** Fails a job whose runs keep stopping (`attempts` of them): nothing of it was stored, and it is not run again. */
  protected abstract stop(tx: EntityManager, id: string, attempts: number): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.queue(this.kind.queue);
    await this.sweep();
    const workers = this.embedded ? 1 : (this.kind.runsAtOnce ?? 1);
    for (let n = 0; n < workers; n++) {
      this.workerIds.push(await this.queue.work<object>(this.kind.queue, this.kind.settings.pollingSeconds, (job) => this.handle(job.id)));
    }
    this.timers = [
      setInterval(() => void this.beat(), this.timings.heartbeatMs).unref(),
      // One sweep at a time: on the embedded database a sweep waits for a run's steps to end.
      setInterval(() => (this.sweeping ??= this.sweep().finally(() => (this.sweeping = null))), this.timings.sweepMs).unref(),
    ];
  }

  onApplicationShutdown(): void {
    this.timers.forEach(clearInterval);
  }

  /**
   * Enqueues the job whose row the caller's transaction just wrote (the queue's job has its id),
   * so that the job exists exactly when its row does. `wake` once the transaction committed.
   */
  async enqueue(tx: EntityManager, id: string): Promise<void> {
    const { maxAttempts, expireSeconds } = this.kind.settings;
    await this.queue.send(
      tx,
      this.kind.queue,
      {},
      {
        id,
        // The queue retries a run that threw; `attempts` on the job decides when to stop.
        retryLimit: maxAttempts,
        retryDelay: 1,
        retryBackoff: true,
        expireInSeconds: expireSeconds,
      },
    );
  }

  /** A job was just enqueued here: this instance's workers take it now rather than at their next poll. */
  wake(): void {
    for (const id of this.workerIds) this.queue.wake(id);
  }

  /** Progress of a run on this instance, fresher than the database's count. */
  processed(jobId: string): number | undefined {
    return this.runs.get(jobId)?.processed;
  }

  /** The run's lock, taken first in its transaction: a second run of the job waits here for the first. */
  protected lock(tx: EntityManager, id: string): Promise<void> {
    return lockRun(tx, this.kind.jobs, id);
  }

  /** One run of a job the queue gave this instance. */
  async handle(id: string): Promise<void> {
    const attempts = await claimRun(this.db.manager, this.kind.jobs, id, this.owner);
    if (attempts === null) return;
    // For the operator: which instance took which job, and how many runs it has had.
    this.logger.log(`${this.kind.noun} ${id}: run ${attempts} started`);
    const running: RunProgress = { processed: 0 };
    this.runs.set(id, running);
    try {
      const touched = await this.run(id, running);
      await this.changes
        .publish(touched)
        .catch((error: Error) => this.logger.warn(`${this.kind.noun} ${id}: cached pages not refreshed: ${error.message}`));
    } catch (error) {
      if (attempts < this.kind.settings.maxAttempts) {
        // The queue runs it again; the operator still learns why this run ended.
        this.logger.warn(`${this.kind.noun} ${id}: run ${attempts} failed, to be run again: ${(error as Error).message ?? String(error)}`);
        throw error;
      }
      this.logger.error(`${this.kind.noun} ${id}: run ${attempts} failed, the last allowed: ${(error as Error).stack ?? String(error)}`);
      await this.db.transaction((tx) => this.stop(tx, id, attempts));
    } finally {
      this.runs.delete(id);
    }
  }

  /** Progress of this instance's runs, written where every instance reads it. */
  async beat(): Promise<void> {
    // On the embedded database the write would only wait for the run it reports on.
    if (this.runs.size === 0 || this.embedded) return;
    const runs = [...this.runs.entries()].map(([id, run]) => ({ id, processed: run.processed }));
    await writeProgress(this.db.manager, this.kind.jobs, runs).catch((error: Error) =>
      this.logger.warn(`${this.kind.noun} progress not written: ${error.message}`),
    );
  }

  /**
   * Gives back to the queue the jobs whose worker is gone: started by another instance a while
   * ago, still running, and not locked by any run. One with no attempts left is failed instead.
   * On the embedded database only one process has the data folder open, so every other owner is
   * gone already and nothing needs to go stale first. Their ids.
   */
  async sweep(): Promise<string[]> {
    const staleSeconds = this.embedded ? 0 : this.timings.staleMs / 1000;
    const { jobs, noun, queue, settings } = this.kind;
    try {
      return await this.db.transaction(async (tx) => {
        const taken: string[] = [];
        for (const job of await findStartedRuns(tx, jobs, this.owner, staleSeconds)) {
          if (!(await tryLockRun(tx, jobs, job.id))) continue;
          const last = job.attempts >= settings.maxAttempts;
          this.logger.warn(
            `${noun} ${job.id}: the worker of run ${job.attempts} (${job.owner_instance ?? 'unknown'}) is gone; ${last ? 'failed' : 'run again'}`,
          );
          if (last) await this.stop(tx, job.id, job.attempts);
          else await releaseRun(tx, jobs, job.id);
          await this.queue.fail(tx, queue, job.id, 'its worker is gone');
          taken.push(job.id);
        }
        return taken;
      });
    } catch (error) {
      this.logger.warn(`${noun} job sweep failed: ${(error as Error).message}`);
      return [];
    }
  }
}
