import { epcisDocumentEvents } from '@nguon/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { jobActor, type Actor } from '../auth/principal.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { JobRunnerContext, QueuedJobRunner, type RunProgress } from '../common/jobs/queued-job-runner.js';
import { LongWork } from '../database/long-work.js';
import { CaptureProblem, EventCapture, isPlanned, type CheckedEvent } from '../events/event-capture.js';
import { CaptureJobEntity } from './capture-job.entity.js';
import { loadRun, recordStep, type RunInput } from './capture-jobs.queries.js';
import { CaptureTally, type CaptureCounts } from './capture-tally.js';

/** The queue EPCIS capture jobs wait on. */
export const CAPTURE_QUEUE = 'epcis-capture';

/** Events stored together: set-based writes, and the job's progress moves by as many. */
const EVENTS_PER_STEP = 1_000;

/** On the embedded database each slice is a step of its own: this few events keep it to tens of milliseconds. */
const EVENTS_PER_STEP_EMBEDDED = 100;

/** Capture jobs' table, as the queued-job runner reads it. */
const CAPTURE_JOBS = { table: 'capture_jobs', lock: 'capture_job', progress: 'processed_count' };

/**
 * Runs capture jobs from the queue, in any instance (decision record 0025; the claim, lock, sweep
 * and progress are QueuedJobRunner's). A run checks the whole document first (what it names is
 * read in a few queries, the rules checked in memory), then stores the events it may store, in
 * slices, as long work (decision record 0027):
 * - On PostgreSQL the slices and the job's result are one transaction: a run cut off stores
 *   nothing, and the job is run again from the start. Its first step locks every batch the
 *   document links, so that two large documents on the same batches never deadlock between steps.
 * - On the embedded database each slice is a step that commits with the job's result so far, and
 *   nothing else writes until the run ends; a run cut off is run again from the event after the
 *   last step written.
 * Every step holds the job's lock, so a second run of the same job waits for the first and then
 * finds the job done or goes on where it stood: each event is stored once.
 */
@Injectable()
export class CaptureJobRunner extends QueuedJobRunner {
  constructor(
    context: JobRunnerContext,
    private readonly capture: EventCapture,
    private readonly audit: AuditTrail,
    private readonly longWork: LongWork,
  ) {
    super(context, { queue: CAPTURE_QUEUE, jobs: CAPTURE_JOBS, settings: context.config.captureJobs, noun: 'capture' });
  }

  /**
   * Captures the job's document as its error behaviour says: `rollback` stops at the first
   * refused event and stores nothing; `proceed` stores every good event; `all` checks every event
   * and reports every refusal, then stores nothing if there was one.
   */
  protected async run(id: string, running: RunProgress): Promise<string[]> {
    const stepsCommit = this.longWork.stepsCommit;
    return this.longWork.run(this.db, async (step, read) => {
      const job = await step(async (tx) => {
        await this.lock(tx, id);
        return loadRun(tx, id);
      });
      if (!job || job.status !== 'running') return [];
      const actor = jobActor({ businessId: job.business_id, userId: job.user_id, apiKeyId: job.api_key_id, request: job.request });
      // Where steps commit, a run goes on after the events the steps of an earlier one stored.
      const done = stepsCommit ? job.processed_count : 0;
      const tally = new CaptureTally(done ? earlierResult(job) : undefined);
      running.processed = done;
      const { events, context } = epcisDocumentEvents(job.document);
      const checked = await read((reader) => this.check(reader, actor, job, events.slice(done), context, tally));
      const refused = job.error_behaviour !== 'proceed' && checked.some((event) => 'problem' in event);
      const size = stepsCommit ? EVENTS_PER_STEP_EMBEDDED : EVENTS_PER_STEP;
      for (let start = 0; start < checked.length; start += size) {
        const slice = checked.slice(start, start + size);
        const first = done + start;
        if (refused) {
          slice.forEach((event, n) => 'problem' in event && tally.refuse(events[first + n]!, first + n, context, event.problem));
          continue;
        }
        await step(async (tx) => {
          await this.lock(tx, id);
          if (start === 0) await this.capture.lockBatches(tx, linkedBatches(checked));
          const stored = await this.capture.write(tx, actor, job.business_id, slice.filter(isPlanned), false);
          let next = 0;
          slice.forEach((event, n) => {
            if ('problem' in event) tally.refuse(events[first + n]!, first + n, context, event.problem);
            else if (isPlanned(event)) tally.stored(first + n, stored[next++]!);
          });
          running.processed = first + slice.length;
          if (stepsCommit) await recordStep(tx, id, running.processed, tally.record());
        });
      }
      await step(async (tx) => {
        await this.lock(tx, id);
        await this.finish(tx, id, job.business_id, actor, events.length, tally);
      });
      return [...tally.touched];
    });
  }

  /** The document's events still to capture, checked; none when its business may no longer write (the tally says why). */
  private async check(
    reader: EntityManager,
    actor: Actor,
    job: RunInput,
    events: Record<string, unknown>[],
    context: unknown,
    tally: CaptureTally,
  ): Promise<CheckedEvent[]> {
    try {
      // Checked again: the business may have been suspended while the job waited.
      await this.capture.assertVerified(reader, job.business_id);
    } catch (error) {
      if (!(error instanceof CaptureProblem)) throw error;
      tally.refuseDocument(error);
      return [];
    }
    const onProblem = job.error_behaviour === 'rollback' ? 'stop' : 'skip';
    return this.capture.check(reader, actor, job.business_id, events, { context, checkedBusiness: true, onProblem });
  }

  /** The job's result, its document dropped (the events keep what was stored), and one audit entry for the document. */
  private async finish(
    tx: EntityManager,
    id: string,
    businessId: string | null,
    actor: Actor | null,
    eventCount: number,
    tally: CaptureTally,
  ): Promise<void> {
    const { status, capturedCount, errors, warnings } = tally.result();
    await tx
      .getRepository(CaptureJobEntity)
      .update(
        { id },
        { status, capturedCount, processedCount: eventCount, errors, warnings, document: () => 'NULL', finishedAt: new Date() },
      );
    await this.audit.record(tx, actor, {
      action: 'epcis.capture',
      targetType: 'capture_job',
      targetId: id,
      businessId,
      details: { status, eventCount, capturedCount },
    });
  }

  /** Fails a job whose runs keep stopping, and it is not run again; what its committed steps stored (if any) stays, and it says so. */
  protected async stop(tx: EntityManager, id: string, attempts: number): Promise<void> {
    const job = await tx.getRepository(CaptureJobEntity).findOneBy({ id });
    if (!job || job.status !== 'running') return;
    const tally = new CaptureTally(this.longWork.stepsCommit ? job : undefined);
    const message = RULE_MESSAGES.epcis.captureStopped(attempts, tally.captured);
    tally.refuseDocument({ code: 'CAPTURE_INTERRUPTED', text: message });
    await this.finish(tx, id, job.businessId, null, job.eventCount, tally);
  }
}

/** The batches the events to store link. */
function linkedBatches(checked: CheckedEvent[]): string[] {
  return checked.filter(isPlanned).flatMap((plan) => plan.append.links.map((link) => link.batchId));
}

/** The job's result as the committed steps of earlier runs recorded it. */
function earlierResult(job: RunInput): CaptureCounts {
  return { capturedCount: job.captured_count, errors: job.errors, warnings: job.warnings, unlistedWarnings: job.unlisted_warnings };
}
