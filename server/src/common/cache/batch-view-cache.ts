interface Entry<V> {
  view: V;
  expiresAt: number;
  usedAt: number;
  /** The batches whose records the view shows: a change to any of them makes it stale. */
  dependsOn: ReadonlySet<string>;
}

/**
 * A bounded in-process cache of what is shown of a batch (its consumer view, the pages rendered
 * from it), oldest-used evicted first. Events and recalls invalidate entries at once; the time
 * limit bounds how stale business details (certificates, verification) can get, since those are
 * not tracked per batch. Here, below public-view/ and web-app/, as both keep one.
 */
export class BatchViewCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

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

  set(batchId: string, view: V, dependsOn: Iterable<string>, now = Date.now()): void {
    this.entries.delete(batchId);
    this.entries.set(batchId, { view, expiresAt: now + this.ttlMs, usedAt: now, dependsOn: new Set(dependsOn) });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  invalidate(changedBatchIds: readonly string[]): void {
    for (const [key, entry] of this.entries) {
      if (changedBatchIds.some((id) => entry.dependsOn.has(id))) this.entries.delete(key);
    }
  }
}
