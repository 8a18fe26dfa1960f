import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ERROR_CODES,
  type ImportCheckResult,
  type ImportFormat,
  type ImportJobView,
  type ImportKind,
  type LocalizedText,
} from '@nguon/shared';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { findBusinessStatus } from '../auth/business-status.queries.js';
import type { Actor } from '../auth/principal.js';
import { BatchRegistration } from '../batches/batch-registration.service.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { EventRecordingService } from '../events/event-recording.service.js';
import { checkBatchRows, type PlannedBatch } from './batch-rows.js';
import { checkEventRows, type PlannedStage } from './event-rows.js';
import { readImportFile } from './import-file.js';
import { ImportJobEntity } from './import-job.entity.js';
import { ImportJobLiveness, type Running } from './import-job-liveness.js';
import { holdJob } from './import-jobs.queries.js';
import { mapImportJob } from './import-job.mapper.js';
import { SheetReader } from './sheet-reader.js';

type CheckedFile = { kind: 'batches'; rows: PlannedBatch[] } | { kind: 'events'; rows: PlannedStage[] };

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

/**
 * Bulk import of batches or stage events from a spreadsheet: every row is checked before anything
 * is written, then the rows go through the same recording use cases as the forms, all in one
 * transaction, as a job the client follows.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registration: BatchRegistration,
    private readonly recording: EventRecordingService,
    private readonly changes: BatchChanges,
    private readonly audit: AuditTrail,
    private readonly sheets: SheetReader,
    private readonly liveness: ImportJobLiveness,
  ) {}

  /** Checks a file and stores nothing: what the web's "Check" button asks. */
  async check(businessId: string, kind: ImportKind, format: ImportFormat, body: Buffer): Promise<ImportCheckResult> {
    const checked = await this.checkFile(businessId, kind, format, body);
    return { kind, rows: checked.rows.length };
  }

  /** Checks a file, then starts its run as a job; answers at once with the job. */
  async start(actor: Actor, businessId: string, kind: ImportKind, format: ImportFormat, body: Buffer): Promise<ImportJobView> {
    const planned = this.writesOf(actor, await this.checkFile(businessId, kind, format, body));
    const repository = this.db.getRepository(ImportJobEntity);
    const job = await repository.save(
      repository.create({
        businessId,
        kind,
        status: 'running',
        totalRows: rowsOf(planned),
        ownerInstance: this.liveness.owner,
        createdByUserId: actor.principal.kind === 'user' ? actor.principal.id : null,
        createdByApiKeyId: actor.principal.kind === 'api_key' ? actor.principal.id : null,
      }),
    );
    const running = this.liveness.follow(job.id, (progress) => this.run(actor, job, planned, progress));
    return mapImportJob(job, running.processed);
  }

  /** A job, to the members (and API keys) of its business only: the route's access rule. */
  async getJob(id: string): Promise<ImportJobView> {
    const job = await this.db.getRepository(ImportJobEntity).findOneBy({ id });
    if (!job) throw new DomainError('NOT_FOUND');
    return mapImportJob(job, this.liveness.processed(id));
  }

  private async checkFile(businessId: string, kind: ImportKind, format: ImportFormat, body: Buffer): Promise<CheckedFile> {
    // Only a verified business records; said once for the file rather than at its first row.
    if ((await findBusinessStatus(this.db.manager, businessId)) !== 'verified') throw new DomainError('BUSINESS_NOT_VERIFIED');
    const rows = await readImportFile(this.sheets, kind, format, body);
    return kind === 'batches'
      ? { kind, rows: await checkBatchRows(this.db.manager, businessId, rows) }
      : { kind, rows: await checkEventRows(this.db.manager, businessId, rows) };
  }

  /** Each checked row as its write through the recording use case the forms use. */
  private writesOf(actor: Actor, checked: CheckedFile): PlannedWrite[] {
    if (checked.kind === 'batches') {
      const writes: PlannedWrite[] = [];
      for (let start = 0; start < checked.rows.length; start += BATCH_ROWS_PER_WRITE) {
        const rows = checked.rows.slice(start, start + BATCH_ROWS_PER_WRITE);
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
    return checked.rows.map(({ row, batch, dto }) => ({
      row,
      rows: 1,
      write: async (tx) => {
        await this.recording.recordStage(actor, batch.id, dto, tx);
        return [batch];
      },
    }));
  }

  /** All rows in one transaction: one refusal rolls back the whole file, and the job says which row and why. */
  private async run(actor: Actor, job: ImportJobEntity, planned: PlannedWrite[], running: Running): Promise<void> {
    let current = planned[0]?.row ?? 1;
    try {
      const batches = await this.db.transaction(async (tx) => {
        // Held to the end: while this transaction lives, the sweep leaves the job alone (heartbeats still pass).
        await holdJob(tx, job.id);
        const touched = new Map<string, { id: string; lotCode: string }>();
        for (const write of planned) {
          current = write.row;
          for (const batch of await written(tx, write, (row) => (current = row)))
            touched.set(batch.id, { id: batch.id, lotCode: batch.lotCode });
          running.processed += write.rows;
        }
        await this.audit.record(tx, actor, {
          action: 'import.run',
          targetType: 'import_job',
          targetId: job.id,
          businessId: job.businessId,
          details: { kind: job.kind, rows: rowsOf(planned), batches: touched.size },
        });
        const done = [...touched.values()];
        // In the same transaction: the job says "done" exactly when its rows are stored.
        await tx
          .getRepository(ImportJobEntity)
          .update(job.id, { status: 'done', processedRows: rowsOf(planned), batches: done, finishedAt: new Date() });
        return done;
      });
      await this.changes
        .publish(batches.map((b) => b.id))
        .catch((error: Error) => this.logger.warn(`import ${job.id}: cached pages not refreshed: ${error.message}`));
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof QueryFailedError))
        this.logger.error(`import ${job.id} failed at row ${current}`, (error as Error)?.stack ?? String(error));
      const failure = { row: current, message: failureText(error) };
      // The outcome is audited either way: here with the job's failure, as nothing else was kept.
      await this.db
        .transaction(async (tx) => {
          await tx.getRepository(ImportJobEntity).update(job.id, { status: 'failed', processedRows: 0, failure, finishedAt: new Date() });
          await this.audit.record(tx, actor, {
            action: 'import.fail',
            targetType: 'import_job',
            targetId: job.id,
            businessId: job.businessId,
            details: { kind: job.kind, rows: rowsOf(planned), failedRow: current },
          });
        })
        .catch((cause: Error) => this.logger.error(`import ${job.id}: could not record the failure: ${cause.message}`));
    }
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

const rowsOf = (planned: PlannedWrite[]) => planned.reduce((sum, write) => sum + write.rows, 0);

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
