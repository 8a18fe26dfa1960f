import { Injectable } from '@nestjs/common';
import { ERROR_CODES, type ImportJobView, type ImportKind, type LocalizedText } from '@nguon/shared';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { findBusinessStatus } from '../auth/business-status.queries.js';
import { jobActor, type Actor } from '../auth/principal.js';
import { BatchRegistration } from '../batches/batch-registration.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { JobRunnerContext, QueuedJobRunner, type RunProgress } from '../common/jobs/queued-job-runner.js';
import { LongWork } from '../database/long-work.js';
import { EventRecordingService } from '../events/event-recording.service.js';
import type { PlannedBatch } from './batch-rows.js';
import type { PlannedStage } from './event-rows.js';
import { ImportJobEntity, type CheckedRows } from './import-job.entity.js';
import { findBatchesOfLots, recordWritten } from './import-jobs.queries.js';

/** The queue import jobs wait on. */
export const IMPORT_QUEUE = 'imports';

/** Import jobs' table, as the queued-job runner reads it. */
const IMPORT_JOBS = { table: 'import_jobs', lock: 'import_job', progress: 'processed_rows' };

/** Rows of a checked file (from `row`, `rows` of them), ready to write inside the import's transaction. */
interface PlannedWrite {
  row: number;
  rows: number;
  /** Reads and checks the rows, writing nothing; answers their write. */
  check: (tx: EntityManager) => Promise<Write>;
  /** The same rows one by one, for naming the row that fails when the set is refused as a whole. */
  oneByOne?: PlannedWrite[];
  /** The only batches whose records the rows read or change: rows on other batches may be checked while these are written. */
  batchIds?: ReadonlySet<string>;
}

/** Writes rows checked already; answers the batches they registered. */
type Write = (tx: EntityManager) => Promise<{ id: string; lotCode: string }[]>;

/** Batch rows registered together: one set-based write each, and the progress moves by as many. */
const BATCH_ROWS_PER_WRITE = 1_000;

/** Stage rows on distinct batches captured together: one set-based write each (see `stageSets`). */
const STAGE_ROWS_PER_WRITE = 500;

/** On the embedded database each write is a step of its own: this few rows keep it to tens of milliseconds. */
const BATCH_ROWS_PER_STEP_EMBEDDED = 25;

/** What a run knows so far: the job once read, and the row being written or checked. */
interface RunState {
  started: Started | null;
  row: number | null;
}

/** The job and who sent it, once its run has read them. */
interface Started {
  kind: ImportKind;
  businessId: string;
  actor: Actor;
  rows: number;
}

/**
 * Runs import jobs from the queue, in any instance (decision record 0025; the claim, lock, sweep
 * and progress are QueuedJobRunner's). A run writes the file's checked rows through the same
 * recording use cases as the forms, as long work (decision record 0027):
 * - On PostgreSQL its steps share one transaction with the job's result: one refusal rolls back
 *   the whole file and the job says which row and why; a run cut off (its worker killed) stores
 *   nothing, and the job is run again from the start by another worker.
 * - On the embedded database each step commits, with the rows it wrote counted on the job, and
 *   nothing else writes until the run ends: batch rows are all checked before the first step,
 *   and a run cut off is run again from the row after the last step written.
 * A step holds the job's lock, so a second run of the same job waits and finds it done or goes
 * on where it stood: each row is stored once.
 */
@Injectable()
export class ImportJobRunner extends QueuedJobRunner {
  constructor(
    context: JobRunnerContext,
    private readonly registration: BatchRegistration,
    private readonly recording: EventRecordingService,
    private readonly audit: AuditTrail,
    private readonly longWork: LongWork,
  ) {
    super(context, { queue: IMPORT_QUEUE, jobs: IMPORT_JOBS, settings: context.config.importJobs, noun: 'import' });
  }

  protected async run(id: string, running: RunProgress): Promise<string[]> {
    // What the run knows so far, for naming the row a refusal stopped at.
    const state: RunState = { started: null, row: null };
    try {
      return await this.longWork.run(this.db, async (step) => {
        const begun = await step((tx) => this.begin(tx, id, state));
        if (!begun) return [];
        running.processed = begun.written;
        const touched = new Map(begun.earlier.map((batch) => [batch.id, batch]));
        for (const writes of this.stepsOf(begun.started, begun.rows)) {
          await step(async (tx) => {
            await this.lock(tx, id);
            // The embedded database works on this thread: nothing to check while it writes.
            const overlap = !this.longWork.stepsCommit;
            await writeInOrder(
              tx,
              writes,
              overlap,
              (row) => (state.row = row),
              (write, batches) => {
                for (const batch of batches) touched.set(batch.id, { id: batch.id, lotCode: batch.lotCode });
                running.processed += write.rows;
              },
            );
            // Where steps commit, the count says where a rerun goes on; in one transaction it would
            // only lock the job's row against the heartbeat that reports the progress.
            if (this.longWork.stepsCommit) await recordWritten(tx, id, running.processed);
          });
        }
        return step((tx) => this.finish(tx, id, begun.started, [...touched.values()]));
      });
    } catch (error) {
      const { started, row } = state;
      // Before the job was read (its lock, its row): nothing to say about a row; the queue runs it again.
      if (!started) throw error;
      if (!(error instanceof DomainError) && !(error instanceof QueryFailedError))
        this.logger.error(`import ${id} failed at row ${row}`, (error as Error)?.stack ?? String(error));
      await this.fail(id, started, { row, message: failureText(error) });
      return [];
    }
  }

  /**
   * The run's first step: the job read under its lock (a run that waited finds it done: null),
   * and its rows still to write checked. Where steps commit one by one, a rerun goes on after the
   * rows already written, and every batch row is checked before the first is written.
   */
  private async begin(
    tx: EntityManager,
    id: string,
    state: RunState,
  ): Promise<{ started: Started; rows: CheckedRows; written: number; earlier: { id: string; lotCode: string }[] } | null> {
    await this.lock(tx, id);
    const job = await tx.getRepository(ImportJobEntity).findOne({
      where: { id },
      select: {
        status: true,
        kind: true,
        businessId: true,
        checkedRows: true,
        processedRows: true,
        createdByUserId: true,
        createdByApiKeyId: true,
        request: true,
      },
    });
    if (!job || job.status !== 'running') return null;
    if (!job.checkedRows) throw new Error('a running import job without its rows');
    const { businessId, kind, checkedRows } = job;
    const actor = jobActor({ businessId, userId: job.createdByUserId, apiKeyId: job.createdByApiKeyId, request: job.request });
    const started: Started = { kind, businessId, actor, rows: checkedRows.length };
    state.started = started;
    // Checked again: the business may have been suspended while the job waited.
    if ((await findBusinessStatus(tx, businessId)) !== 'verified') throw new DomainError('BUSINESS_NOT_VERIFIED');
    const written = this.longWork.stepsCommit ? job.processedRows : 0;
    const rows = checkedRows.slice(written) as CheckedRows;
    // Only batch files are written in several steps: their rows written before are lots registered.
    const earlier = written
      ? await findBatchesOfLots(
          tx,
          (checkedRows.slice(0, written) as PlannedBatch[]).map((r) => r.dto),
        )
      : [];
    if (kind === 'batches' && this.longWork.stepsCommit) {
      // A lot code taken since the file was checked: refused before any step is written.
      await this.registration
        .checkBatches(
          tx,
          (rows as PlannedBatch[]).map((r) => r.dto),
        )
        .catch(async (error: unknown) => {
          for (const row of rows as PlannedBatch[]) {
            state.row = row.row;
            await this.registration.checkBatches(tx, [row.dto]);
          }
          state.row = null;
          throw error;
        });
    }
    return { started, rows, written, earlier };
  }

  /** The run's last step: its audit entry, and the job done with the batches its steps touched. */
  private async finish(tx: EntityManager, id: string, started: Started, batches: { id: string; lotCode: string }[]): Promise<string[]> {
    await this.lock(tx, id);
    await this.audit.record(tx, started.actor, {
      action: 'import.run',
      targetType: 'import_job',
      targetId: id,
      businessId: started.businessId,
      details: { kind: started.kind, rows: started.rows, batches: batches.length },
    });
    // The job says "done" in the step that ends its writes, and its rows are dropped.
    await tx
      .getRepository(ImportJobEntity)
      .update(id, { status: 'done', processedRows: started.rows, batches, checkedRows: () => 'NULL', finishedAt: new Date() });
    return batches.map((batch) => batch.id);
  }

  /**
   * The checked rows as the run's steps, each a list of writes through the recording use cases
   * the forms use. Batch rows go a slice at a time, set-based; stage rows are all one step, since
   * only writing them finds a refusal (mass balance, the batch's other events), written in sets of
   * rows on distinct batches (`stageSets`).
   */
  private stepsOf({ actor, kind }: Started, checked: CheckedRows): PlannedWrite[][] {
    if (kind === 'batches') {
      const all = checked as PlannedBatch[];
      const size = this.longWork.stepsCommit ? BATCH_ROWS_PER_STEP_EMBEDDED : BATCH_ROWS_PER_WRITE;
      const steps: PlannedWrite[][] = [];
      for (let start = 0; start < all.length; start += size) {
        const rows = all.slice(start, start + size);
        const register = (some: PlannedBatch[]): PlannedWrite => ({
          row: some[0]!.row,
          rows: some.length,
          // Registering checks as it writes.
          check: async () => (tx) =>
            this.registration.registerBatches(
              actor,
              some.map((r) => r.dto),
              tx,
            ),
        });
        steps.push([{ ...register(rows), oneByOne: rows.map((r) => register([r])) }]);
      }
      return steps;
    }
    const planned = checked as PlannedStage[];
    if (!planned.length) return [];
    const record = (stages: PlannedStage[]): PlannedWrite => ({
      row: stages[0]!.row,
      rows: stages.length,
      batchIds: new Set(stages.map((stage) => stage.batch.id)),
      check: async (tx) => {
        const checked = await this.recording.checkStages(
          actor,
          stages.map(({ batch, dto }) => ({ batchId: batch.id, dto })),
          tx,
        );
        return async (set) => {
          await this.recording.writeStages(set, checked);
          return stages.map((stage) => stage.batch);
        };
      },
    });
    // Every row's batch before the first row: two imports on the same batches queue up rather than deadlock.
    const lock: PlannedWrite = {
      row: planned[0]!.row,
      rows: 0,
      check: async () => async (tx) => {
        await this.recording.lockBatches(tx, [...new Set(planned.map((stage) => stage.batch.id))]);
        return [];
      },
    };
    return [[lock, ...stageSets(planned).map((set) => ({ ...record(set), oneByOne: set.map((stage) => record([stage])) }))]];
  }

  /** The run's refusal, with its audit entry, unless another run of the job ended it meanwhile; nothing else was kept. */
  private async fail(id: string, job: Started, failure: NonNullable<ImportJobView['failure']>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.lock(tx, id);
      const { affected } = await tx
        .getRepository(ImportJobEntity)
        .update(
          { id, status: 'running' },
          { status: 'failed', ...this.nothingWritten(), failure, checkedRows: () => 'NULL', finishedAt: new Date() },
        );
      if (!affected) return;
      await this.audit.record(tx, job.actor, {
        action: 'import.fail',
        targetType: 'import_job',
        targetId: id,
        businessId: job.businessId,
        details: { kind: job.kind, rows: job.rows, failedRow: failure.row },
      });
    });
  }

  /**
   * A failed job's rows written: none where the run was one transaction (the count was only
   * progress); where steps committed, those they wrote stay, with their count and batches.
   */
  private nothingWritten(): { processedRows?: number } {
    return this.longWork.stepsCommit ? {} : { processedRows: 0 };
  }

  /** Fails a job whose runs keep stopping, and it is not run again. */
  protected async stop(tx: EntityManager, id: string, attempts: number): Promise<void> {
    const repository = tx.getRepository(ImportJobEntity);
    const job = await repository.findOneBy({ id });
    if (!job || job.status !== 'running') return;
    const failure = { row: null, message: RULE_MESSAGES.imports.stopped(attempts, this.longWork.stepsCommit ? job.processedRows : 0) };
    await repository.update(id, { status: 'failed', ...this.nothingWritten(), failure, checkedRows: () => 'NULL', finishedAt: new Date() });
    await this.audit.record(tx, null, {
      action: 'import.interrupt',
      targetType: 'import_job',
      targetId: id,
      businessId: job.businessId,
      details: { kind: job.kind, rows: job.totalRows, attempts },
    });
  }
}

/**
 * Stage rows in their order, in sets of consecutive rows on distinct batches: a row on a batch
 * already in the set starts the next one, so each row's rules still see the rows before it on its
 * batch written.
 */
function stageSets(rows: PlannedStage[]): PlannedStage[][] {
  const sets: PlannedStage[][] = [];
  let batches = new Set<string>();
  for (const row of rows) {
    const set = sets.at(-1);
    if (!set || batches.has(row.batch.id) || set.length === STAGE_ROWS_PER_WRITE) {
      sets.push([row]);
      batches = new Set([row.batch.id]);
    } else {
      set.push(row);
      batches.add(row.batch.id);
    }
  }
  return sets;
}

/**
 * Writes a step's rows in order, each set checked before it is written. With `overlap` the next
 * set is checked while the database stores this one, when the two concern different batches (its
 * reads then need nothing this one writes): the portal's work and the database's then go on
 * at once. A set refused as a whole is tried again row by row (`oneByOne`), so that the job names
 * the row that fails (`at`); the import fails either way.
 */
async function writeInOrder(
  tx: EntityManager,
  writes: PlannedWrite[],
  overlap: boolean,
  at: (row: number) => void,
  done: (write: PlannedWrite, batches: { id: string; lotCode: string }[]) => void,
): Promise<void> {
  let ahead: Promise<Write> | null = null;
  for (const [n, write] of writes.entries()) {
    at(write.row);
    const checked: Promise<Write> = ahead ?? write.check(tx);
    ahead = null;
    let store: Write;
    try {
      store = await checked;
    } catch (error) {
      // A refusal leaves the transaction usable for the rows one by one; a database error does not.
      if (!(error instanceof DomainError)) throw error;
      return oneByOne(tx, write, at, error);
    }
    const next = writes[n + 1];
    if (overlap && next && apart(write, next)) {
      ahead = next.check(tx);
      // Awaited on the next turn; until then its refusal must not count as unhandled.
      ahead.catch(() => undefined);
    }
    try {
      done(write, write.oneByOne ? await tx.transaction((set) => store(set)) : await store(tx));
    } catch (error) {
      // The next set's reads may still be on the connection: they end before the rows are tried again.
      await ahead?.catch(() => undefined);
      return oneByOne(tx, write, at, error);
    }
  }
}

/** Whether two sets of rows concern different batches only. */
function apart(a: PlannedWrite, b: PlannedWrite): boolean {
  return a.batchIds !== undefined && b.batchIds !== undefined && ![...b.batchIds].some((id) => a.batchIds!.has(id));
}

/** Tries a refused set's rows again one by one, each checked and written in a savepoint and named as it goes; then throws the set's error. */
async function oneByOne(tx: EntityManager, write: PlannedWrite, at: (row: number) => void, error: unknown): Promise<never> {
  for (const one of write.oneByOne ?? []) {
    at(one.row);
    await tx.transaction(async (alone) => (await one.check(alone))(alone));
  }
  throw error;
}

/** What a row's refusal says to the person: the field's own message when there is one, else the error's. */
function failureText(error: unknown): LocalizedText {
  // The same lot imported meanwhile by another file of the business: the unique key says so.
  const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
  if (constraint === 'batches_product_id_lot_code_key') return ERROR_CODES.LOT_CODE_TAKEN.message;
  if (!(error instanceof DomainError)) return ERROR_CODES.INTERNAL.message;
  const [field, messages] = Object.entries(error.fieldErrors ?? {})[0] ?? [];
  const first = messages?.[0];
  if (first && typeof first !== 'string') return first;
  if (first) return { vi: `${field}: ${first}`, en: `${field}: ${first}` };
  return error.detail ?? ERROR_CODES[error.code].message;
}
