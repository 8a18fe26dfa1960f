import { Worker } from 'node:worker_threads';
import { Inject, Injectable } from '@nestjs/common';
import type { LocalizedText } from '@nguon/shared';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig, ImportLimits } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RowProblems } from './row-problems.js';
import type { GridRow } from './sheet-grid.js';
import type { SheetAnswer, SheetJob } from './sheet-grid.worker.js';
import type { SheetLimit, SheetRefusal } from './sheet-refusal.js';

/**
 * The worker's script. Run from the TypeScript sources (the tests), it is the built one beside
 * them (`npm test` builds first): a worker thread cannot load TypeScript.
 */
const WORKER_SCRIPT = new URL(
  import.meta.url.endsWith('.ts') ? '../../dist/imports/sheet-grid.worker.js' : './sheet-grid.worker.js',
  import.meta.url,
);
/** Heap of one reading thread: a file within the limits needs far less; a bomb ends only its thread. */
const WORKER_HEAP_MB = 512;
/** What a client that found every reader busy is told to wait. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Reads uploaded spreadsheets off the event loop: each file in a worker thread of its own (with
 * its own heap limit and a deadline), at most `concurrency` at once and `queue` waiting; beyond
 * that a 503 with Retry-After, so a burst of uploads cannot pile up memory either.
 */
@Injectable()
export class SheetReader {
  private readonly limits: ImportLimits;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.importLimits;
  }

  async read(format: SheetJob['format'], body: Buffer): Promise<GridRow[]> {
    await this.takeTurn();
    try {
      return await this.inWorker(format, body);
    } finally {
      // The turn passes to the next waiting file, or frees its place.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  private takeTurn(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queue) throw new DomainError('IMPORT_BUSY', undefined, undefined, RETRY_AFTER_SECONDS);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private inWorker(format: SheetJob['format'], body: Buffer): Promise<GridRow[]> {
    const { rows, columns, cellChars, uncompressedBytes, timeoutMs } = this.limits;
    const job: SheetJob = { format, body, limits: { rows, columns, cellChars, uncompressedBytes } };
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      let answered = false;
      const answer = (outcome: () => void) => {
        if (answered) return;
        answered = true;
        clearTimeout(deadline);
        void worker.terminate();
        outcome();
      };
      const deadline = setTimeout(
        () => answer(() => reject(refusalError({ kind: 'limit', limit: 'seconds', max: timeoutMs / 1000 }))),
        timeoutMs,
      );
      worker.on('message', (message: SheetAnswer) =>
        answer(() => ('rows' in message ? resolve(message.rows) : reject(refusalError(message.refusal)))),
      );
      worker.on('error', (error: Error & { code?: string }) =>
        answer(() =>
          reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refusalError({ kind: 'limit', limit: 'memory', max: WORKER_HEAP_MB }) : error),
        ),
      );
      worker.on('exit', (code) => answer(() => reject(new Error(`the spreadsheet reader stopped (exit code ${code})`))));
    });
  }
}

const megabytes = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

/** What the person reads: the limit the file went past, by name and value, in both languages. */
const LIMIT_TEXT: Record<SheetLimit, (max: number) => LocalizedText> = {
  rows: RULE_MESSAGES.imports.tooManyRows,
  columns: RULE_MESSAGES.imports.tooManyColumns,
  cellChars: RULE_MESSAGES.imports.cellTooLong,
  uncompressedBytes: (max) => RULE_MESSAGES.imports.unpacksTooLarge(megabytes(max)),
  seconds: RULE_MESSAGES.imports.tooSlow,
  memory: RULE_MESSAGES.imports.tooMuchMemory,
};

function refusalError(refusal: SheetRefusal): DomainError {
  if (refusal.kind === 'limit') return new DomainError('PAYLOAD_TOO_LARGE', LIMIT_TEXT[refusal.limit](refusal.max));
  return RowProblems.single(refusal.row ? { row: refusal.row } : {}, refusal.text);
}
