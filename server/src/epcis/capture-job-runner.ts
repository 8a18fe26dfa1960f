import { epcisDocumentEvents, eventHashId } from '@nguon/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { jobActor, type Actor } from '../auth/principal.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { JobRunnerContext, QueuedJobRunner, type RunProgress } from '../common/jobs/queued-job-runner.js';
import { LongWork } from '../database/long-work.js';
import { CaptureProblem, EventCapture } from '../events/event-capture.js';
import { CaptureJobEntity, type CaptureError, type CaptureWarning } from './capture-job.entity.js';
import { loadRun } from './capture-jobs.queries.js';

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

/** Capture jobs' table, as the queued-job runner reads it. */
const CAPTURE_JOBS = { table: 'capture_jobs', lock: 'capture_job', progress: 'processed_count' };

/**
 * Runs capture jobs from the queue, in any instance (decision record 0025; the claim, lock, sweep
 * and progress are QueuedJobRunner's). A run is one transaction: the events and the job's result
 * commit together, so a run cut off stores nothing and the job is run again from the start; a
 * run holds the job's lock, so a second run of the same job waits for the first and then finds
 * the job done. Either way each document is stored once.
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
   * Captures the job's document as its error behaviour says, and writes the job's result, in one
   * transaction: `rollback` stops at the first error and stores nothing; `proceed` stores every
   * good event; `all` checks every event and reports every error, then stores nothing if there
   * was one.
   */
  protected async run(id: string, running: RunProgress): Promise<string[]> {
    const touched = new Set<string>();
    // One step: the document's events are checked against one another as they are written.
    await this.longWork.run(this.db, (step) =>
      step(async (tx) => {
        await this.lock(tx, id);
        const job = await loadRun(tx, id);
        if (!job || job.status !== 'running') return;
        const actor = jobActor({ businessId: job.business_id, userId: job.user_id, apiKeyId: job.api_key_id, request: job.request });
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
      }),
    );
    return [...touched];
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
  protected async stop(tx: EntityManager, id: string, attempts: number): Promise<void> {
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
}
