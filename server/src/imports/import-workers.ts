import { Worker } from 'node:worker_threads';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { LocalizedText } from '@nguon/shared';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig, ImportLimits } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RowProblems, type RowsPlanned } from './row-problems.js';
import type { RowCheckAnswer, RowCheckJob } from './row-check.worker.js';
import type { GridRow } from './sheet-grid.js';
import type { SheetAnswer, SheetJob } from './sheet-grid.worker.js';
import type { SheetLimit, SheetRefusal } from './sheet-refusal.js';

/**
 * A worker's script. Run from the TypeScript sources (the tests), it is the built one beside
 * them (`npm test` builds first): a worker thread cannot load TypeScript.
 */
const workerScript = (name: string) =>
  new URL(import.meta.url.endsWith('.ts') ? `../../dist/imports/${name}.js` : `./${name}.js`, import.meta.url);
const SHEET_SCRIPT = workerScript('sheet-grid.worker');
const ROW_CHECK_SCRIPT = workerScript('row-check.worker');
/** Heap of one thread: a file within the limits needs far less; a bomb ends only its thread. */
const WORKER_HEAP_MB = 512;
/** What a client that found every thread busy is told to wait. */
const RETRY_AFTER_SECONDS = 5;
/**
 * A row checker is kept for the next file this long: its modules (the forms' rules) take half a
 * second to load, which a file every few seconds would pay each time.
 */
const ROW_CHECKER_KEPT_MS = 60_000;

/** A thread and, for a kept one, what ends it once unused. */
interface Thread {
  worker: Worker;
  idle?: NodeJS.Timeout;
}

/**
 * An import's long work off the event loop, so that a 10,000-row file does not hold the pages
 * others are waiting for: reading the uploaded spreadsheet (a thread of its own per file: a bomb
 * ends only its thread), then checking its rows against what the database said of them (threads
 * kept between files). Each with its own heap limit and a deadline, at most `concurrency` at once
 * and `queue` waiting; beyond that a 503 with Retry-After, so a burst of uploads cannot pile up
 * memory either.
 */
@Injectable()
export class ImportWorkers implements OnModuleDestroy {
  private readonly limits: ImportLimits;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly rowCheckers: Thread[] = [];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.importLimits;
  }

  onModuleDestroy(): void {
    for (const { worker, idle } of this.rowCheckers.splice(0)) {
      clearTimeout(idle);
      void worker.terminate();
    }
  }

  /** The spreadsheet's non-empty rows, read under the size limits. */
  read(format: SheetJob['format'], body: Buffer): Promise<GridRow[]> {
    const { rows, columns, cellChars, uncompressedBytes } = this.limits;
    const job: SheetJob = { format, body, limits: { rows, columns, cellChars, uncompressedBytes } };
    return this.inTurn(async () => {
      const answer = await this.run<SheetAnswer>({ worker: this.thread(SHEET_SCRIPT) }, job, false);
      if ('rows' in answer) return answer.rows;
      throw refusalError(answer.refusal);
    });
  }

  /** The rows checked (batch-rows.ts, event-rows.ts): those that passed, and the problems found. */
  checkRows<T>(job: RowCheckJob): Promise<RowsPlanned<T>> {
    return this.inTurn(async () => {
      const checker = this.rowCheckers.pop() ?? this.newRowChecker();
      clearTimeout(checker.idle);
      const answer = await this.run<RowCheckAnswer>(checker, job, true);
      return { planned: answer.planned as T[], problems: new RowProblems(answer.problems) };
    });
  }

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    await this.takeTurn();
    try {
      return await work();
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

  private thread(script: URL): Worker {
    return new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  }

  /**
   * The thread's answer to the job. A kept thread goes back to the row checkers once it answered;
   * any other, or one that failed, ran out of time or memory, is ended.
   */
  private run<A>(thread: Thread, job: unknown, keep: boolean): Promise<A> {
    const { worker } = thread;
    worker.ref();
    return new Promise((resolve, reject) => {
      let answered = false;
      const answer = (outcome: () => void, reusable = false) => {
        if (answered) return;
        answered = true;
        clearTimeout(deadline);
        // Only this run's listeners: the thread's own keep its messages flowing.
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keep && reusable) this.keep(thread);
        else void worker.terminate();
        outcome();
      };
      const deadline = setTimeout(
        () => answer(() => reject(refusalError({ kind: 'limit', limit: 'seconds', max: this.limits.timeoutMs / 1000 }))),
        this.limits.timeoutMs,
      );
      const onMessage = (message: A) => answer(() => resolve(message), true);
      const onError = (error: Error & { code?: string }) =>
        answer(() =>
          reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refusalError({ kind: 'limit', limit: 'memory', max: WORKER_HEAP_MB }) : error),
        );
      const onExit = (code: number) => answer(() => reject(new Error(`an import's worker thread stopped (exit code ${code})`)));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** Keeps a row checker for the next file, without holding the process open; ended once unused a while. */
  private keep(thread: Thread): void {
    thread.worker.unref();
    thread.idle = setTimeout(() => {
      this.forget(thread);
      void thread.worker.terminate();
    }, ROW_CHECKER_KEPT_MS).unref();
    this.rowCheckers.push(thread);
  }

  private newRowChecker(): Thread {
    const thread: Thread = { worker: this.thread(ROW_CHECK_SCRIPT) };
    // A kept thread that ended (out of memory, or a crash while unused) leaves the list.
    thread.worker.once('exit', () => this.forget(thread));
    return thread;
  }

  private forget(thread: Thread): void {
    const at = this.rowCheckers.indexOf(thread);
    if (at >= 0) this.rowCheckers.splice(at, 1);
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
