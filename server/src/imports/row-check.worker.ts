import type { LocalizedText } from '@nguon/shared';
import { parentPort } from 'node:worker_threads';
import { planBatchRows, type BatchRowsJob } from './batch-rows.js';
import { planEventRows, type EventRowsJob } from './event-rows.js';

export type RowCheckJob = BatchRowsJob | EventRowsJob;

/** The rows that passed, and the problems by place (as RowProblems' entries). */
export interface RowCheckAnswer {
  planned: unknown[];
  problems: [string, LocalizedText[]][];
}

/** Files' rows checked one after another in this thread, which is kept between files: each answer is posted back. */
parentPort?.on('message', (job: RowCheckJob) => {
  const { planned, problems } = job.kind === 'batches' ? planBatchRows(job) : planEventRows(job);
  parentPort?.postMessage({ planned, problems: problems.entries() } satisfies RowCheckAnswer);
});
