import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { epcisDocumentEvents, eventHashId } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { JobQueue } from '../common/jobs/job-queue.js';
import type { AppConfig, CaptureJobSettings, JobTimings } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CaptureProblem, EventCapture } from '../events/event-capture.js';
import { CaptureJobEntity, type CaptureError, type CaptureWarning } from './capture-job.entity.js';
import {
  claimRun,
  findStartedRuns,
  loadRun,
  lockRun,
  releaseRun,
  tryLockRun,
  writeProgress,
  type RunInput,
} from './capture-jobs.queries.js';

/** The queue EPCIS capture jobs wait on. */
export const CAPTURE_QUEUE = 'epcis-capture';

/** Warnings a job lists; beyond them it says how many more there were (an item-level document may name thousands of unknown items). */
export const CAPTURE_WARNINGS_LISTED = 1_000;

/** Where in the document an event sits. */
const eventPointer = (index: number) => `/epcisBody/eventList/${index}`;

/**
 * Events captured together: a document's lookups and writes are set-based per chunk, and its
 * progress moves chunk by chunk.
 */
const CHUNK = 1_000;

/** Unwinds the document's chunks already written when one event fails and nothing may be kept; the job's result is still written. */
class RollBack extends Error {}

/** An event's refusal as the job lists it, with the eventID the event would have had: the document's, or its canonical hash. */
function problemAt(event: Record<string, unknown>, index: number, context: unknown, problem: CaptureProblem): CaptureError {
  return {
    eventIndex: index,
    eventId: typeof event.eventID === 'string' ? event.eventID : eventHashId(event, context),
    pointer: `${eventPointer(index)}${problem.pointer}`,
    code: problem.code,
    message: problem.text.en,
  };
}

/**
 * The actor a run captures as: who sent the document and from where, as its request had them.
 * Capture and the audit trail read only the principal's kind and id of it.
 */
function actorOf(job: RunInput): Actor {
  const principal: Actor['principal'] = job.api_key_id
    ? { kind: 'api_key', id: job.api_key_id, businessId: job.business_id, scopes: new Set(['capture']) }
    : { kind: 'user', id: job.user_id ?? '', email: '', displayName: '', role: 'member', memberships: new Map(), sessionId: '' };
  return {
    principal,
    businessId: job.business_id,
    clientAddress: job.request.clientAddress ?? '',
    requestId: job.request.requestId ?? '',
    clientRequestId: job.request.clientRequestId ?? null,
  };
}

/**
 * Runs capture jobs from the queue, in any instance (decision record 0025). A run is one
 * transaction: the events and the job's result commit together, so a run cut off stores nothing
 * and the job is run again from the start; a run holds the job's lock, so a second run of the
 * same job (the queue's expiry passed while the first was still at work) waits for the first
 * and then finds the job done. Either way each document is stored once.
 *
 * A run's worker that died (kill -9, a lost machine) leaves its job started and unlocked: the
 * sweep of any instance gives it back to the queue, and another worker runs it. The queue's own
 * expiry is the backstop, an hour by default.
 */
@Injectable()
export class CaptureJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly owner = randomUUID();
  private readonly logger = new Logger(CaptureJobRunner.name);
  private readonly runs = new Map<string, { processed: number }>();
  private readonly settings: CaptureJobSettings;
  private readonly timings: JobTimings;
  private readonly embedded: boolean;
  private workerId: string | null = null;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly queue: JobQueue,
    private readonly capture: EventCapture,
    private readonly changes: BatchChanges,
    private readonly audit: AuditTrail,
  ) {
    this.settings = config.captureJobs;
    this.timings = config.jobs;
    this.embedded = !config.databaseUrl;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.queue(CAPTURE_QUEUE);
    await this.sweep();
    this.workerId = await this.queue.work<object>(CAPTURE_QUEUE, this.settings.pollingSeconds, (job) => this.handle(job.id));
    this.timers = [
      setInterval(() => void this.beat(), this.timings.heartbeatMs).unref(),
      setInterval(() => void this.sweep(), this.timings.sweepMs).unref(),
    ];
  }

  onApplicationShutdown(): void {
    this.timers.forEach(clearInterval);
  }

  /** The options a capture job is enqueued with. */
  get sendOptions() {
    return {
      // The queue retries a run that threw; `attempts` on the job decides when to stop.
      retryLimit: this.settings.maxAttempts,
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: this.settings.expireSeconds,
    };
  }

  /** A job was just enqueued here: this instance's worker takes it now rather than at its next poll. */
  wake(): void {
    if (this.workerId) this.queue.wake(this.workerId);
  }

  /**
   * Events checked so far by a run on this instance, fresher than the database's count. On the
   * embedded database it is the only live count: the run's transaction holds the one connection.
   */
  processed(jobId: string): number | undefined {
    return this.runs.get(jobId)?.processed;
  }

  /** One run of a job the queue gave this instance. */
  async handle(id: string): Promise<void> {
    const attempts = await claimRun(this.db.manager, id, this.owner);
    if (attempts === null) return;
    const running = { processed: 0 };
    this.runs.set(id, running);
    try {
      await this.run(id, running);
    } catch (error) {
      if (attempts < this.settings.maxAttempts) throw error;
      this.logger.error(`capture ${id}: run ${attempts} failed, the last allowed: ${(error as Error).stack ?? String(error)}`);
      await this.db.transaction((tx) => this.stop(tx, id, attempts));
    } finally {
      this.runs.delete(id);
    }
  }

  /**
   * Captures the job's document as its error behaviour says, and writes the job's result, in one
   * transaction: `rollback` stops at the first error and stores nothing; `proceed` stores every
   * good event; `all` checks every event and reports every error, then stores nothing if there
   * was one.
   */
  private async run(id: string, running: { processed: number }): Promise<void> {
    const touched = new Set<string>();
    await this.db.transaction(async (tx) => {
      await lockRun(tx, id);
      const job = await loadRun(tx, id);
      if (!job || job.status !== 'running') return;
      const actor = actorOf(job);
      const businessId = job.business_id;
      const behaviour = job.error_behaviour;
      const { events, context } = epcisDocumentEvents(job.document);
      const errors: CaptureError[] = [];
      const warnings: CaptureWarning[] = [];
      let unlisted = 0;
      let captured = 0;
      try {
        // In a savepoint, so that a rollback undoes the chunks written but not the job's result.
        await tx.transaction(async (documentTx) => {
          // Checked again: the business may have been suspended while the job waited.
          await this.capture.assertVerified(documentTx, businessId).catch((error: unknown) => {
            if (error instanceof CaptureProblem)
              errors.push({ eventIndex: null, eventId: null, pointer: '', code: error.code, message: error.text.en });
            throw error instanceof CaptureProblem ? new RollBack() : error;
          });
          for (let start = 0; start < events.length; start += CHUNK) {
            // `all` stores the good events too, so that later events are checked as they would be stored, then rolls back.
            const results = await this.capture.captureAll(documentTx, actor, businessId, events.slice(start, start + CHUNK), {
              context,
              audit: false,
              checkedBusiness: true,
              onProblem: behaviour === 'rollback' ? 'stop' : 'skip',
            });
            for (const [n, result] of results.entries()) {
              const index = start + n;
              if ('problem' in result) errors.push(problemAt(events[index]!, index, context, result.problem));
              if (!('stored' in result)) continue;
              captured++;
              result.batchIds.forEach((batchId) => touched.add(batchId));
              for (const note of result.notes) {
                if (warnings.length >= CAPTURE_WARNINGS_LISTED) {
                  unlisted++;
                  continue;
                }
                const pointer = `${eventPointer(index)}${note.pointer}`;
                warnings.push({ eventIndex: index, eventId: result.stored.eventId, pointer, code: note.code, message: note.text.en });
              }
            }
            running.processed = start + results.length;
            if (behaviour === 'rollback' && errors.length) throw new RollBack();
          }
          if (behaviour === 'all' && errors.length) throw new RollBack();
        });
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
        captured = 0;
        touched.clear();
        warnings.length = 0;
        unlisted = 0;
      }
      if (unlisted) {
        const message = RULE_MESSAGES.epcis.warningsNotListed(unlisted).en;
        warnings.push({ eventIndex: null, eventId: null, pointer: '', code: 'WARNINGS_NOT_LISTED', message });
      }
      const status = errors.length === 0 ? 'success' : captured > 0 ? 'partial' : 'failed';
      await this.finish(tx, id, businessId, actor, { status, eventCount: events.length, captured, errors, warnings });
    });
    await this.changes.publish([...touched]);
  }

  /** The job's result, its document dropped (the events keep what was stored), and one audit entry for the document. */
  private async finish(
    tx: EntityManager,
    id: string,
    businessId: string | null,
    actor: Actor | null,
    result: {
      status: CaptureJobEntity['status'];
      eventCount: number;
      captured: number;
      errors: CaptureError[];
      warnings: CaptureWarning[];
    },
  ): Promise<void> {
    const { status, eventCount, captured, errors, warnings } = result;
    await tx
      .getRepository(CaptureJobEntity)
      .update(
        { id },
        { status, capturedCount: captured, processedCount: eventCount, errors, warnings, document: () => 'NULL', finishedAt: new Date() },
      );
    await this.audit.record(tx, actor, {
      action: 'epcis.capture',
      targetType: 'capture_job',
      targetId: id,
      businessId,
      details: { status, eventCount, capturedCount: captured },
    });
  }

  /** Fails a job whose runs keep stopping: nothing of it was stored, and it is not run again. */
  private async stop(tx: EntityManager, id: string, attempts: number): Promise<void> {
    const job = await tx.getRepository(CaptureJobEntity).findOneBy({ id });
    if (!job || job.status !== 'running') return;
    const message = RULE_MESSAGES.epcis.captureStopped(attempts).en;
    const error: CaptureError = { eventIndex: null, eventId: null, pointer: '', code: 'CAPTURE_INTERRUPTED', message };
    await this.finish(tx, id, job.businessId, null, {
      status: 'failed',
      eventCount: job.eventCount,
      captured: 0,
      errors: [error],
      warnings: [],
    });
  }

  /** Progress of this instance's runs, written where every instance reads it. */
  async beat(): Promise<void> {
    // On the embedded database the write would only wait for the run it reports on.
    if (this.runs.size === 0 || this.embedded) return;
    const runs = [...this.runs.entries()].map(([id, run]) => ({ id, processed: run.processed }));
    await writeProgress(this.db.manager, runs).catch((error: Error) => this.logger.warn(`capture progress not written: ${error.message}`));
  }

  /**
   * Gives back to the queue the jobs whose worker is gone: started by another instance a while
   * ago, still running, and not locked by any run. One with no attempts left is failed instead.
   * On the embedded database only one process has the data folder open, so every other owner is
   * gone already and nothing needs to go stale first. Their ids.
   */
  async sweep(): Promise<string[]> {
    const staleSeconds = this.embedded ? 0 : this.timings.staleMs / 1000;
    try {
      return await this.db.transaction(async (tx) => {
        const taken: string[] = [];
        for (const job of await findStartedRuns(tx, this.owner, staleSeconds)) {
          if (!(await tryLockRun(tx, job.id))) continue;
          const last = job.attempts >= this.settings.maxAttempts;
          this.logger.warn(
            `capture ${job.id}: the worker of run ${job.attempts} (${job.owner_instance ?? 'unknown'}) is gone; ${last ? 'failed' : 'run again'}`,
          );
          if (last) await this.stop(tx, job.id, job.attempts);
          else await releaseRun(tx, job.id);
          await this.queue.fail(tx, CAPTURE_QUEUE, job.id, 'its worker is gone');
          taken.push(job.id);
        }
        return taken;
      });
    } catch (error) {
      this.logger.warn(`capture job sweep failed: ${(error as Error).message}`);
      return [];
    }
  }
}
