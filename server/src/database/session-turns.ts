import { AsyncLocalStorage } from 'node:async_hooks';

/** How long after a statement of a request (or an export) the work behind it waits for its next one. */
const FOLLOW_UP_MS = 4;
/** Work waits for others' next statements this many times in a row at most. */
const MAX_DEFERRALS = 5;

/** The first statement of a transaction that may write, as TypeORM, pg-boss and the migrations send it (PageReads' are read-only). */
const OPENS_WRITING_TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION)\b(?!\s+READ\s+ONLY\b)/i;

/** The context of background reads: an export's, and the statistics taken after long work. */
const BACKGROUND = Symbol('background');

/** Who goes first when several wait: requests, then background reads, then the long work's steps. */
const REQUEST = 0;
const BACKGROUND_READ = 1;
const STEP = 2;
type Tier = typeof REQUEST | typeof BACKGROUND_READ | typeof STEP;

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
 * Background reads (an export's, `background`) go after requests in the same manner, and
 * before the long work's steps: a shopper's page then waits for one of an export's statements,
 * not for one before each of its own.
 */
export class SessionTurns {
  private holder: object | null = null;
  private holderTier: Tier = REQUEST;
  /** When a request's statement, and a background read's, last ended. */
  private readonly lastEnded = [0, 0];
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

  /** Runs `read` as a background read: its statements go after requests' (waiting or about to follow), before steps'. */
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
    if (this.holderTier !== STEP) this.lastEnded[this.holderTier] = performance.now();
    this.dispatch();
  }

  private tierOf(waiter: Waiter): Tier {
    if (waiter.work === BACKGROUND) return BACKGROUND_READ;
    return this.longWork !== null && waiter.work === this.longWork ? STEP : REQUEST;
  }

  private dispatch(): void {
    if (this.holder) return;
    const long = this.longWork;
    const held = (w: Waiter) => long !== null && w.work !== long && w.opensTransaction;
    // Requests' statements go before an export's next read and the long work's next step: they wait a statement, not a step.
    let index = -1;
    let tier: Tier = STEP;
    for (let n = 0; n < this.waiting.length; n++) {
      const waiter = this.waiting[n]!;
      if (held(waiter) || (index >= 0 && this.tierOf(waiter) >= tier)) continue;
      index = n;
      tier = this.tierOf(waiter);
    }
    if (index < 0 || (tier !== REQUEST && this.deferred)) return;
    if (this.deferred) clearTimeout(this.deferred);
    this.deferred = null;
    // A request's (or an export's) next statement follows its last within milliseconds: the work
    // behind it lets it come first rather than making it wait a whole step, a few times in a row at most.
    const quiet = performance.now() - Math.max(...this.lastEnded.slice(0, tier));
    if (tier !== REQUEST && quiet < FOLLOW_UP_MS && this.deferrals < MAX_DEFERRALS) {
      this.deferrals++;
      this.deferred = setTimeout(() => {
        this.deferred = null;
        this.dispatch();
      }, FOLLOW_UP_MS - quiet).unref();
      return;
    }
    if (tier !== REQUEST) this.deferrals = 0;
    const [next] = this.waiting.splice(index, 1);
    this.holder = next!.who;
    this.holderTier = tier;
    next!.go();
  }
}
