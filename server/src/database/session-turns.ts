import { AsyncLocalStorage } from 'node:async_hooks';

/** How long after another request's statement the long work waits for that request's next one. */
const FOLLOW_UP_MS = 4;
/** The long work's steps (and background reads) wait for others' next statements this many times in a row at most. */
const MAX_DEFERRALS = 5;

/** The first statement of a transaction that may write, as TypeORM, pg-boss and the migrations send it (PageReads' are read-only). */
const OPENS_WRITING_TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION)\b(?!\s+READ\s+ONLY\b)/i;

/** The context of background reads: an export's pages, which give way to pages' statements as a step does. */
const BACKGROUND = Symbol('background');

interface Waiter {
  who: object;
  /** It opens a transaction that may write. */
  opensTransaction: boolean;
  /** The long work the caller is part of (or BACKGROUND), if any. */
  work: symbol | undefined;
  go: () => void;
}

/**
 * Turns at the embedded database's one session (PGlite serves one). A client holds the session
 * for one statement, or from a transaction's first statement to its last; the others wait, in
 * order.
 *
 * Long work (a job's run, `exclusive`) commits in short steps so that it never holds the session
 * for long: between its steps, single statements and read-only transactions (a shopper's page, a
 * health check) take their turn, ahead of its next step, while other transactions wait until the
 * long work ends. Nothing else writes between its steps, so what it checked before its first step
 * still holds at its last.
 *
 * Background reads (an export's pages, `background`) give way in the same manner: a shopper's
 * page then waits for one of an export's statements, not for one before each of its own.
 */
export class SessionTurns {
  private holder: object | null = null;
  /** The long work the holder is part of (or BACKGROUND), if any. */
  private holderWork: symbol | undefined;
  /** When a statement of others (neither the long work's nor a background read's) last ended. */
  private othersLastAt = 0;
  private deferred: NodeJS.Timeout | null = null;
  private deferrals = 0;
  private readonly waiting: Waiter[] = [];
  private readonly context = new AsyncLocalStorage<symbol>();
  private longWork: symbol | null = null;
  private readonly longWorkQueue: (() => void)[] = [];

  /** Runs `work` as the long work, one at a time: its transactions pass, others' wait until it ends. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.longWork && this.context.getStore() === this.longWork) return work();
    while (this.longWork) await new Promise<void>((resolve) => this.longWorkQueue.push(resolve));
    const token = Symbol('long work');
    this.longWork = token;
    try {
      return await this.context.run(token, work);
    } finally {
      this.longWork = null;
      this.longWorkQueue.shift()?.();
      this.dispatch();
    }
  }

  /** Runs `read` as a background read: its statements go after others' waiting or about to follow. */
  background<T>(read: () => Promise<T>): Promise<T> {
    return this.context.run(BACKGROUND, read);
  }

  /** Waits for the session before `who` sends `sql`; at once when `who` holds it (inside its transaction). */
  take(who: object, sql: string): Promise<void> {
    if (this.holder === who) return Promise.resolve();
    return new Promise((go) => {
      this.waiting.push({ who, opensTransaction: OPENS_WRITING_TRANSACTION.test(sql), work: this.context.getStore(), go });
      this.dispatch();
    });
  }

  /** `who` is done with the session (its statement ended outside a transaction, or it disconnected). */
  release(who: object): void {
    if (this.holder !== who) return;
    this.holder = null;
    if (this.holderWork !== this.longWork && this.holderWork !== BACKGROUND) this.othersLastAt = performance.now();
    this.dispatch();
  }

  private dispatch(): void {
    if (this.holder) return;
    const long = this.longWork;
    const held = (w: Waiter) => long !== null && w.work !== long && w.opensTransaction;
    // Others' statements go before the long work's next step and background reads: they wait a statement, not a step.
    const other = this.waiting.findIndex((w) => !held(w) && w.work !== BACKGROUND && (long === null || w.work !== long));
    if (other < 0 && this.deferred) return;
    if (this.deferred) clearTimeout(this.deferred);
    this.deferred = null;
    const index = other >= 0 ? other : this.waiting.findIndex((w) => !held(w));
    if (index < 0) return;
    // A request's next statement follows its last within milliseconds: the long work (or a
    // background read) lets it come first rather than making it wait a whole step, a few times in
    // a row at most.
    const quiet = performance.now() - this.othersLastAt;
    if (other < 0 && quiet < FOLLOW_UP_MS && this.deferrals < MAX_DEFERRALS) {
      this.deferrals++;
      this.deferred = setTimeout(() => {
        this.deferred = null;
        this.dispatch();
      }, FOLLOW_UP_MS - quiet).unref();
      return;
    }
    if (other < 0) this.deferrals = 0;
    const [next] = this.waiting.splice(index, 1);
    this.holder = next!.who;
    this.holderWork = next!.work;
    next!.go();
  }
}
