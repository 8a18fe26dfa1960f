import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportCheckResult, ImportFormat, ImportJobView, ImportKind } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { findBusinessStatus } from '../auth/business-status.queries.js';
import { originOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { checkBatchRows } from './batch-rows.js';
import { checkEventRows } from './event-rows.js';
import { readImportFile } from './import-file.js';
import { ImportJobRunner } from './import-job-runner.js';
import { ImportJobEntity, type CheckedRows } from './import-job.entity.js';
import { mapImportJob } from './import-job.mapper.js';
import { ImportWorkers } from './import-workers.js';

/**
 * Bulk import of batches or stage events from a spreadsheet: every row is checked before anything
 * is written, then the checked rows are kept with a job on the queue, which a worker of any
 * instance writes all in one transaction (ImportJobRunner) while the client follows the job.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workers: ImportWorkers,
    private readonly runner: ImportJobRunner,
  ) {}

  /** Checks a file and stores nothing: what the web's "Check" button asks. */
  async check(businessId: string, kind: ImportKind, format: ImportFormat, body: Buffer): Promise<ImportCheckResult> {
    const rows = await this.checkFile(businessId, kind, format, body);
    return { kind, rows: rows.length };
  }

  /**
   * Checks a file, then stores its checked rows with its job and enqueues the job, in one
   * transaction; answers at once with the job, which this instance's worker starts at once.
   */
  async start(actor: Actor, businessId: string, kind: ImportKind, format: ImportFormat, body: Buffer): Promise<ImportJobView> {
    const rows = await this.checkFile(businessId, kind, format, body);
    const job = await this.db.transaction(async (tx) => {
      const repository = tx.getRepository(ImportJobEntity);
      // Inserted, not saved: save() deep-merges every checked row into its change map first.
      const stored = repository.create({
        businessId,
        kind,
        status: 'running',
        totalRows: rows.length,
        checkedRows: rows,
        request: originOf(actor),
        createdByUserId: actor.principal.kind === 'user' ? actor.principal.id : null,
        createdByApiKeyId: actor.principal.kind === 'api_key' ? actor.principal.id : null,
      });
      await repository.insert(stored);
      await this.runner.enqueue(tx, stored.id);
      return stored;
    });
    this.runner.wake();
    return mapImportJob(job);
  }

  /** A job, to the members (and API keys) of its business only: the route's access rule. */
  async getJob(id: string): Promise<ImportJobView> {
    const job = await this.db.getRepository(ImportJobEntity).findOneBy({ id });
    if (!job) throw new DomainError('NOT_FOUND');
    return mapImportJob(job, this.runner.processed(id));
  }

  private async checkFile(businessId: string, kind: ImportKind, format: ImportFormat, body: Buffer): Promise<CheckedRows> {
    // Only a verified business records; said once for the file rather than at its first row.
    if ((await findBusinessStatus(this.db.manager, businessId)) !== 'verified') throw new DomainError('BUSINESS_NOT_VERIFIED');
    const rows = await readImportFile(this.workers, kind, format, body);
    return kind === 'batches'
      ? checkBatchRows(this.db.manager, businessId, rows, this.workers)
      : checkEventRows(this.db.manager, businessId, rows, this.workers);
  }
}
