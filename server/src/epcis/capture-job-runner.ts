import { epcisDocumentEvents } from '@nguon/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { jobActor, type Actor } from '../auth/principal.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { JobRunnerContext, QueuedJobRunner, type RunProgress } from '../common/jobs/queued-job-runner.js';
import { LongWork, type Read, type Step } from '../database/long-work.js';
import { CaptureProblem, EventCapture, isPlanned, type CaptureOptions, type PlannedEvent } from '../events/event-capture.js';
import { CaptureJobEntity } from './capture-job.entity.js';
import { loadRun, recordStep, type RunInput } from './capture-jobs.queries.js';
import { CaptureTally, type CaptureCounts } from './capture-tally.js';

/** The queue EPCIS capture jobs wait on. */
export const CAPTURE_QUEUE = 'epcis-capture';

/** Events checked, then written, together on PostgreSQL: the database stores one slice while the next is checked. */
const EVENTS_PER_SLICE = 250;

/** On the embedded database each slice is a step of its own: this few events keep it to tens of milliseconds. */
const EVENTS_PER_STEP_EMBEDDED = 100;

/**
 * Documents this instance accepted and has not begun to run, kept so that a run here need not
 * read back and parse what the POST parsed. The oldest go first past this many (another
 * instance may run them; a run without its document here reads it from the job's row).
 */
const ACCEPTED_KEPT = 20;

/** Capture jobs' table, as the queued-job runner reads it. */
const CAPTURE_JOBS = { table: 'capture_jobs', lock: 'capture_job', progress: 'processed_count' };

/** A run's place in the order runs of this instance check their documents (`checkingTurn`). */
interface CheckingTurn {
  /** Resolves once the run before it has checked its document. */
  ready: Promise<void>;
  checked: () => void;
}

/** A job's run, once its row is read. */
interface Run {
  id: string;
  job: RunInput;
  actor: Actor;
  events: Record<string, unknown>[];
  context: unknown;
  /** Events that earlier runs' committed steps stored or refused (on the embedded database). */
  done: number;
  tally: CaptureTally;
  running: RunProgress;
}

/** A refused document's run: what it wrote goes with its transaction, and its result is recorded in one of its own. */
class Withdrawn extends Error {
  constructor(readonly run: Run) {
    super('refused document withdrawn');
  }
}

/**
 * Runs capture jobs from the queue, in any instance (decision record 0025; the claim, lock, sweep
 * and progress are QueuedJobRunner's). What a document names is read in a few queries (its
 * batches locked), the rules are checked in memory, and the events it may store are stored
 * set-based, as long work (decision record 0027):
 * - On PostgreSQL the run is one transaction: slices of events are written as their checks pass,
 *   the next slice checked while the database stores this one. A refusal that stores nothing
 *   (`rollback`, `all`) rolls the run back and records the result in a transaction of its own;
 *   a run cut off stores nothing, and the job is run again from the start. Two runs go at once
 *   in an instance, the second checking as soon as the first has checked (`checkingTurn`).
 * - On the embedded database the whole document is checked first; then each slice is a step
 *   that commits with the job's result so far, and nothing else writes until the run ends; a run
 *   cut off is run again from the event after the last step written.
 * Every transaction holds the job's lock, so a second run of the same job waits for the first and
 * then finds the job done or goes on where it stood: each event is stored once.
 */
@Injectable()
export class CaptureJobRunner extends QueuedJobRunner {
  private readonly accepted = new Map<string, unknown>();
  /** When the run that began last here has checked its document: the next run's checks wait for it. */
  private lastChecked: Promise<void> = Promise.resolve();

  constructor(
    context: JobRunnerContext,
    private readonly capture: EventCapture,
    private readonly audit: AuditTrail,
    private readonly longWork: LongWork,
  ) {
    super(context, { queue: CAPTURE_QUEUE, jobs: CAPTURE_JOBS, settings: context.config.captureJobs, noun: 'capture', runsAtOnce: 2 });
  }

  /** The document of a job whose row committed just now, for a run of it on this instance. */
  accept(id: string, document: unknown): void {
    this.accepted.set(id, document);
    for (const oldest of this.accepted.keys()) {
      if (this.accepted.size <= ACCEPTED_KEPT) break;
      this.accepted.delete(oldest);
    }
  }

  /**
   * Captures the job's document as its error behaviour says: `rollback` stops at the first
   * refused event and stores nothing; `proceed` stores every good event; `all` checks every event
   * and reports every refusal, then stores nothing if there was one.
   */
  protected async run(id: string, running: RunProgress): Promise<string[]> {
    const turn = this.checkingTurn();
    try {
      return await this.longWork.run(this.db, async (step, read) => {
        const run = await step(async (tx) => this.begin(tx, id, running));
        if (!run) return [];
        if (this.longWork.stepsCommit) await this.storeInSteps(run, step, read);
        else await step((tx) => this.storeAsChecked(tx, run, turn));
        await step((tx) => this.end(tx, run));
        return [...run.tally.touched];
      });
    } catch (error) {
      if (!(error instanceof Withdrawn)) throw error;
      await this.longWork.run(this.db, (step) =>
        step(async (tx) => {
          await this.lock(tx, id);
          // Unless another run of the job ended it meanwhile.
          const job = await tx.getRepository(CaptureJobEntity).findOneBy({ id });
          if (job?.status === 'running') await this.end(tx, error.run);
        }),
      );
      return [];
    } finally {
      turn.checked();
    }
  }

  /**
   * This run's turn at checking, taken as it begins. On PostgreSQL two runs go at once: the second
   * has begun (its job read) and checks as soon as the first has checked, while the first's last
   * events are stored and committed. Documents are checked in the order their runs began, and a
   * document's batches are locked by its checks, so one naming the same batches then waits for the
   * one before it: they are stored in the order sent.
   */
  private checkingTurn(): CheckingTurn {
    const ready = this.lastChecked;
    let checked!: () => void;
    this.lastChecked = new Promise((resolve) => (checked = resolve));
    return { ready, checked };
  }

  /** The job's run, under its lock; none when the job is no longer running. */
  private async begin(tx: EntityManager, id: string, running: RunProgress): Promise<Run | null> {
    await this.lock(tx, id);
    // Taken once: a later run of the job (a retry, or after steps committed) reads the stored one.
    const accepted = this.accepted.get(id);
    this.accepted.delete(id);
    const job = await loadRun(tx, id, accepted === undefined);
    if (!job || job.status !== 'running') return null;
    const actor = jobActor({ businessId: job.business_id, userId: job.user_id, apiKeyId: job.api_key_id, request: job.request });
    // Where steps commit, a run goes on after the events the steps of an earlier one stored.
    const done = this.longWork.stepsCommit ? job.processed_count : 0;
    running.processed = done;
    const { events, context } = epcisDocumentEvents(accepted ?? job.document);
    return { id, job, actor, events, context, done, tally: new CaptureTally(done ? earlierResult(job) : undefined), running };
  }

  /**
   * PostgreSQL: checks the events slice by slice in the run's transaction, once the run before has
   * checked its own, and writes each slice that passed while the next is checked. A refusal that
   * stores nothing withdraws what was written.
   */
  private async storeAsChecked(tx: EntityManager, run: Run, turn: CheckingTurn): Promise<void> {
    const { job, actor, events, context, tally, running } = run;
    const withdraws = job.error_behaviour !== 'proceed';
    const positions: number[] = [];
    const capture = this.capture;
    async function* passed(): AsyncGenerator<PlannedEvent[]> {
      let refused = false;
      let next = 0;
      for await (const slice of capture.checkInSlices(tx, actor, job.business_id, read, checkOptions(job, context), EVENTS_PER_SLICE)) {
        const planned: PlannedEvent[] = [];
        for (const event of slice) {
          const at = next++;
          if ('problem' in event) tally.refuse(events[at]!, at, context, event.problem);
          else if (isPlanned(event)) {
            planned.push(event);
            positions.push(at);
          }
        }
        refused ||= withdraws && slice.some((event) => 'problem' in event);
        running.processed = next;
        if (!refused) yield planned;
      }
      turn.checked();
      if (refused) throw new Withdrawn(run);
    }
    if (!(await this.businessMayWrite(tx, run))) return;
    // What reads nothing is checked before the run's turn: meanwhile the run before checks and writes.
    const read = await this.capture.readEach(events, context);
    await turn.ready;
    const stored = await this.capture.write(tx, actor, job.business_id, passed(), false);
    stored.forEach((outcome, n) => tally.stored(positions[n]!, outcome));
  }

  /**
   * The embedded database: checks the whole document first, between steps (a refusal found after
   * a committed step could not be undone), then writes it in steps that commit one by one.
   */
  private async storeInSteps(run: Run, step: Step, read: Read): Promise<void> {
    const { id, job, actor, events, context, done, tally, running } = run;
    const todo = events.slice(done);
    const checked = await read(async (reader) =>
      (await this.businessMayWrite(reader, run))
        ? this.capture.check(reader, actor, job.business_id, todo, checkOptions(job, context))
        : [],
    );
    const refused = job.error_behaviour !== 'proceed' && checked.some((event) => 'problem' in event);
    for (let start = 0; start < checked.length; start += EVENTS_PER_STEP_EMBEDDED) {
      const slice = checked.slice(start, start + EVENTS_PER_STEP_EMBEDDED);
      const first = done + start;
      if (refused) {
        slice.forEach((event, n) => 'problem' in event && tally.refuse(events[first + n]!, first + n, context, event.problem));
        continue;
      }
      await step(async (tx) => {
        await this.lock(tx, id);
        const stored = await this.capture.write(tx, actor, job.business_id, slice.filter(isPlanned), false);
        let next = 0;
        slice.forEach((event, n) => {
          if ('problem' in event) tally.refuse(events[first + n]!, first + n, context, event.problem);
          else if (isPlanned(event)) tally.stored(first + n, stored[next++]!);
        });
        running.processed = first + slice.length;
        await recordStep(tx, id, running.processed, tally.record());
      });
    }
  }

  /** Whether the job's business may still write (it may have been suspended while the job waited); when not, the tally says why. */
  private async businessMayWrite(reader: EntityManager, { job, tally }: Run): Promise<boolean> {
    try {
      await this.capture.assertVerified(reader, job.business_id);
      return true;
    } catch (error) {
      if (!(error instanceof CaptureProblem)) throw error;
      tally.refuseDocument(error);
      return false;
    }
  }

  /** The run's result, under the job's lock. */
  private async end(tx: EntityManager, { id, job, actor, events, tally }: Run): Promise<void> {
    await this.lock(tx, id);
    await this.finish(tx, id, job.business_id, actor, events.length, tally);
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

/** How a job's events are checked: what a refusal does, as its error behaviour says. */
function checkOptions(job: RunInput, context: unknown): CaptureOptions {
  return { context, checkedBusiness: true, onProblem: job.error_behaviour === 'rollback' ? 'stop' : 'skip' };
}

/** The job's result as the committed steps of earlier runs recorded it. */
function earlierResult(job: RunInput): CaptureCounts {
  return { capturedCount: job.captured_count, errors: job.errors, warnings: job.warnings, unlistedWarnings: job.unlisted_warnings };
}
