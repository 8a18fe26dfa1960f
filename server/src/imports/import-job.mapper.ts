import type { ImportJobView } from '@nguon/shared';
import type { ImportJobEntity } from './import-job.entity.js';

/** The job as clients see it; `liveProcessed` is the count of a run still going on this instance, fresher than the row's. */
export function mapImportJob(job: ImportJobEntity, liveProcessed?: number): ImportJobView {
  return {
    id: job.id,
    businessId: job.businessId,
    kind: job.kind,
    status: job.status,
    totalRows: job.totalRows,
    processedRows: job.status === 'running' ? (liveProcessed ?? job.processedRows) : job.processedRows,
    batches: job.batches,
    failure: job.failure,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
