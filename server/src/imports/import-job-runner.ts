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
import { EventRecordingService } from '../events/event-recording.service.js';
import type { PlannedBatch } from './batch-rows.js';
import type { PlannedStage } from './event-rows.js';
import { ImportJobEntity, type CheckedRows } from './import-job.entity.js';

/** The queue import jobs wait on. */
export const IMPORT_QUEUE = 'imports';

/** Import jobs' table, as the queued-job runner reads it. */
const IMPORT_JOBS = { table: 'import_jobs', lock: 'import_job', progress: 'processed_rows' };

/** Rows of a checked file (from `row`, `rows` of them), ready to write inside the import's transaction. */
interface PlannedWrite {
  row: number;
  rows: number;
  write: (tx: EntityManager) => Promise<{ id: string; lotCode: string }[]>;
  /** The same rows one by one, for naming the row that fails when the set is refused as a whole. */
  oneByOne?: PlannedWrite[];
}

/** Batch rows registered together: one set-based write each, and the progress moves by as many. */
const BATCH_ROWS_PER_WRITE = 1_000;

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
 * recording use cases as the forms, all in one transaction with the job's result: one refusal
 * rolls back the whole file and the job says which row and why; a run cut off (its worker
 * killed) stores nothing, and the job is run again from the start by another worker. A run holds
 * the job's lock, so a second run of the same job waits for the first and finds it done: each
 * file is stored once.
 */
@Injectable()
export class ImportJobRunner extends QueuedJobRunner {
  constructor(
    context: JobRunnerContext,
    private readonly registration: BatchRegistration,
    private readonly recording: EventRecordingService,
    private readonly audit: AuditTrail,
  ) {
    super(context, { queue: IMPORT_QUEUE, jobs: IMPORT_JOBS, settings: context.config.importJobs, noun: 'import' });
  }

  protected async run(id: string, running: RunProgress): Promise<string[]> {
    // Set inside the transaction's callback, read after it: typed so, not narrowed to null here.
    let started = null as Started | null;
    let current = null as number | null;
    try {
      return await this.db.transaction(async (tx) => {
        await this.lock(tx, id);
        // What the run needs, read after taking the lock: a run that waited finds the job done.
        const job = await tx.getRepository(ImportJobEntity).findOne({
          where: { id },
          select: {
            status: true,
            kind: true,
            businessId: true,
            checkedRows: true,
            createdByUserId: true,
            createdByApiKeyId: true,
            request: true,
          },
        });
        if (!job || job.status !== 'running') return [];
        if (!job.checkedRows) throw new Error('a running import job without its rows');
        const { businessId, kind, checkedRows } = job;
        const actor = jobActor({ businessId, userId: job.createdByUserId, apiKeyId: job.createdByApiKeyId, request: job.request });
        started = { kind, businessId, actor, rows: checkedRows.length };
        // Checked again: the business may have been suspended while the job waited.
        if ((await findBusinessStatus(tx, businessId)) !== 'verified') throw new DomainError('BUSINESS_NOT_VERIFIED');
        const touched = new Map<string, { id: string; lotCode: string }>();
        for (const write of this.writesOf(actor, kind, checkedRows)) {
          current = write.row;
          for (const batch of await written(tx, write, (row) => (current = row)))
            touched.set(batch.id, { id: batch.id, lotCode: batch.lotCode });
          running.processed += write.rows;
        }
        await this.audit.record(tx, actor, {
          action: 'import.run',
          targetType: 'import_job',
          targetId: id,
          businessId,
          details: { kind, rows: started.rows, batches: touched.size },
        });
        const done = [...touched.values()];
        // In the same transaction: the job says "done" exactly when its rows are stored, and its rows are dropped.
        await tx
          .getRepository(ImportJobEntity)
          .update(id, { status: 'done', processedRows: started.rows, batches: done, checkedRows: () => 'NULL', finishedAt: new Date() });
        return done.map((batch) => batch.id);
      });
    } catch (error) {
      // Before the job was read (its lock, its row): nothing to say about a row; the queue runs it again.
      if (!started) throw error;
      if (!(error instanceof DomainError) && !(error instanceof QueryFailedError))
        this.logger.error(`import ${id} failed at row ${current}`, (error as Error)?.stack ?? String(error));
      await this.fail(id, started, { row: current, message: failureText(error) });
      return [];
    }
  }

  /** Each checked row as its write through the recording use case the forms use. */
  private writesOf(actor: Actor, kind: ImportKind, checked: CheckedRows): PlannedWrite[] {
    if (kind === 'batches') {
      const all = checked as PlannedBatch[];
      const writes: PlannedWrite[] = [];
      for (let start = 0; start < all.length; start += BATCH_ROWS_PER_WRITE) {
        const rows = all.slice(start, start + BATCH_ROWS_PER_WRITE);
        const register = (some: PlannedBatch[]): PlannedWrite => ({
          row: some[0]!.row,
          rows: some.length,
          write: (tx) =>
            this.registration.registerBatches(
              actor,
              some.map((r) => r.dto),
              tx,
            ),
        });
        writes.push({ ...register(rows), oneByOne: rows.map((r) => register([r])) });
      }
      return writes;
    }
    return (checked as PlannedStage[]).map(({ row, batch, dto }) => ({
      row,
      rows: 1,
      write: async (tx) => {
        await this.recording.recordStage(actor, batch.id, dto, tx);
        return [batch];
      },
    }));
  }

  /** The run's refusal, with its audit entry, unless another run of the job ended it meanwhile; nothing else was kept. */
  private async fail(id: string, job: Started, failure: NonNullable<ImportJobView['failure']>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.lock(tx, id);
      const { affected } = await tx
        .getRepository(ImportJobEntity)
        .update(
          { id, status: 'running' },
          { status: 'failed', processedRows: 0, failure, checkedRows: () => 'NULL', finishedAt: new Date() },
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

  /** Fails a job whose runs keep stopping: nothing of it was stored, and it is not run again. */
  protected async stop(tx: EntityManager, id: string, attempts: number): Promise<void> {
    const repository = tx.getRepository(ImportJobEntity);
    const job = await repository.findOneBy({ id });
    if (!job || job.status !== 'running') return;
    const failure = { row: null, message: RULE_MESSAGES.imports.stopped(attempts) };
    await repository.update(id, { status: 'failed', processedRows: 0, failure, checkedRows: () => 'NULL', finishedAt: new Date() });
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
 * Writes a set of rows in a savepoint. When the set is refused as a whole (by the database, say),
 * its rows are written again one by one, each in a savepoint, so that the job names the row that
 * fails (`at`); the import fails either way.
 */
async function written(tx: EntityManager, write: PlannedWrite, at: (row: number) => void): Promise<{ id: string; lotCode: string }[]> {
  if (!write.oneByOne) return write.write(tx);
  try {
    return await tx.transaction((set) => write.write(set));
  } catch (error) {
    for (const one of write.oneByOne) {
      at(one.row);
      await tx.transaction((alone) => one.write(alone));
    }
    throw error;
  }
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
