import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportJobView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig, JobTimings } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { failAbandonedJobs, writeHeartbeats } from './import-jobs.queries.js';

/** A run in progress on this instance. */
export interface Running {
  processed: number;
  finished: Promise<void>;
}

/** What an interrupted job says: nothing of it was stored, since its transaction died with its process. */
export const INTERRUPTED: NonNullable<ImportJobView['failure']> = { row: null, message: RULE_MESSAGES.imports.interrupted };

/**
 * Keeps import jobs honest across processes. Each instance owns the jobs it starts (a random id
 * per instance, so a restarted process is another owner) and beats for them: every few seconds it
 * writes their heartbeat and progress, so other instances see both. At start and then
 * periodically, a running job of another owner whose heartbeat is stale is marked failed.
 *
 * Failed, not resumed: a run writes all its rows in one transaction, which PostgreSQL rolls back
 * when the process dies, so nothing half-written remains, and the file itself is not kept to
 * start again from. The person sees the failure and imports the file again.
 *
 * The sweep is one conditional UPDATE, so instances sweeping at once never fail a job twice, and
 * it skips a job whose run transaction still holds its row (a live owner merely late to beat).
 */
@Injectable()
export class ImportJobLiveness implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly owner = randomUUID();
  private readonly logger = new Logger(ImportJobLiveness.name);
  private readonly runs = new Map<string, Running>();
  private readonly timings: JobTimings;
  private readonly embedded: boolean;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditTrail,
  ) {
    this.timings = config.jobs;
    this.embedded = !config.databaseUrl;
  }

  /** Follows a run on this instance until `work` settles. */
  follow(jobId: string, work: (running: Running) => Promise<void>): Running {
    const running: Running = { processed: 0, finished: Promise.resolve() };
    this.runs.set(jobId, running);
    running.finished = work(running).finally(() => this.runs.delete(jobId));
    return running;
  }

  /**
   * The live count of a run on this instance, fresher than its last heartbeat. On the embedded
   * database it is the only live count: the run's transaction holds the one connection, so the
   * heartbeat waits until the run ends.
   */
  processed(jobId: string): number | undefined {
    return this.runs.get(jobId)?.processed;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timers = [
      setInterval(() => void this.beat(), this.timings.heartbeatMs).unref(),
      setInterval(() => void this.sweep(), this.timings.sweepMs).unref(),
    ];
  }

  /** Lets runs in progress finish before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach(clearInterval);
    await Promise.all([...this.runs.values()].map((r) => r.finished));
  }

  /** Heartbeat and progress of this instance's runs, in one statement. */
  async beat(): Promise<void> {
    if (this.runs.size === 0) return;
    const runs = [...this.runs.entries()].map(([id, run]) => ({ id, processed: run.processed }));
    await writeHeartbeats(this.db.manager, runs).catch((error: Error) => this.logger.warn(`job heartbeat not written: ${error.message}`));
  }

  /**
   * Fails the running jobs whose owner is gone; their ids. On the embedded database only one
   * process can have the data folder open (it is locked), so every other owner is gone already
   * and no heartbeat needs to go stale first.
   */
  async sweep(): Promise<string[]> {
    const staleMs = this.embedded ? 0 : this.timings.staleMs;
    try {
      return await this.db.transaction(async (tx) => {
        const rows = await failAbandonedJobs(tx, this.owner, staleMs / 1000, INTERRUPTED);
        for (const job of rows) {
          this.logger.warn(
            `import ${job.id}: its process (${job.owner_instance ?? 'unknown'}) is gone; marked failed, nothing of it was stored`,
          );
          await this.audit.record(tx, null, {
            action: 'import.interrupt',
            targetType: 'import_job',
            targetId: job.id,
            businessId: job.business_id,
            details: { kind: job.kind, rows: job.total_rows, owner: job.owner_instance },
          });
        }
        return rows.map((job) => job.id);
      });
    } catch (error) {
      this.logger.warn(`job sweep failed: ${(error as Error).message}`);
      return [];
    }
  }
}
