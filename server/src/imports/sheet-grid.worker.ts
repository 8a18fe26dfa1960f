import { parentPort } from 'node:worker_threads';
import { readGrid, type GridRow } from './sheet-grid.js';
import { SheetRefused, type SheetLimits, type SheetRefusal } from './sheet-refusal.js';

export interface SheetJob {
  format: 'csv' | 'xlsx';
  body: Uint8Array;
  limits: SheetLimits;
}

export type SheetAnswer = { rows: GridRow[] } | { refusal: SheetRefusal };

/** One file read in its own thread: the answer is posted back, and the thread is ended. */
parentPort?.once('message', async (job: SheetJob) => {
  try {
    const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
    parentPort?.postMessage({ rows: await readGrid(job.format, body, job.limits) } satisfies SheetAnswer);
  } catch (error) {
    if (!(error instanceof SheetRefused)) throw error;
    parentPort?.postMessage({ refusal: error.refusal } satisfies SheetAnswer);
  }
});
