interface Entry<V> {
  view: V;
  expiresAt: number;
  usedAt: number;
  /** The batches whose records the view shows: a change to any of them makes it stale. */
  dependsOn: ReadonlySet<string>;
}

/** When the reads of a view began: a view read before a change to its batches is not kept. */
export interface ReadTicket {
  readonly change: number;
  readonly at: number;
}

/** A view read for longer than this is not kept: the changes heard meanwhile are forgotten after it. */
const TICKET_MS = 60_000;

/**
 * A bounded in-process cache of what is shown of a batch (its consumer view, the pages rendered
 * from it), oldest-used evicted first. Events and recalls invalidate entries at once; the time
 * limit bounds how stale business details (certificates, verification) can get, since those are
 * not tracked per batch. Here, below public-view/ and web-app/, as both keep one.
 */
export class BatchViewCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Changes heard, numbered: per batch the last one and when, kept TICKET_MS for the reads that began before it. */
  private changes = 0;
  private readonly changedAt = new Map<string, { change: number; at: number }>();
  private clearedAt = 0;

  constructor(
    private readonly capacity = 10_000,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  get(batchId: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(batchId);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(batchId);
      return undefined;
    }
    // Re-insert to mark as recently used (Map keeps insertion order), once a second at most: on
    // every hit, re-inserting cost more than the rest of the lookup.
    if (entry.usedAt < now - 1000) {
      entry.usedAt = now;
      this.entries.delete(batchId);
      this.entries.set(batchId, entry);
    }
    return entry.view;
  }

  /** Call before reading what a view shows; `set` keeps the view only if none of its batches changed since. */
  ticket(now = Date.now()): ReadTicket {
    return { change: this.changes, at: now };
  }

  /**
   * Keeps the view read since `ticket`, unless a change to one of its batches was heard meanwhile:
   * it may have been read before that change (from a lagging replica, or just before the commit)
   * and would shadow the fresh view that another request built after it.
   */
  set(batchId: string, view: V, dependsOn: Iterable<string>, ticket: ReadTicket, now = Date.now()): void {
    const batches = new Set(dependsOn);
    if (now - ticket.at > TICKET_MS || this.clearedAt > ticket.change) return;
    for (const id of batches) if ((this.changedAt.get(id)?.change ?? 0) > ticket.change) return;
    this.entries.delete(batchId);
    this.entries.set(batchId, { view, expiresAt: now + this.ttlMs, usedAt: now, dependsOn: batches });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.clearedAt = ++this.changes;
  }

  invalidate(changedBatchIds: readonly string[], now = Date.now()): void {
    const change = ++this.changes;
    for (const id of changedBatchIds) {
      this.changedAt.delete(id); // re-inserted last, so the map stays in order of time
      this.changedAt.set(id, { change, at: now });
    }
    for (const [id, changed] of this.changedAt) {
      if (changed.at > now - TICKET_MS) break;
      this.changedAt.delete(id);
    }
    // Each entry's few batches looked up in the changed ones: a job's thousand batches against a full cache stays linear.
    const changed = new Set(changedBatchIds);
    for (const [key, entry] of this.entries) {
      for (const id of entry.dependsOn) {
        if (!changed.has(id)) continue;
        this.entries.delete(key);
        break;
      }
    }
  }
}
