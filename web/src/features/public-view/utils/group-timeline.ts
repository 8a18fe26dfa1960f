import type { TimelineEntry } from '@nguon/shared';

export interface TimelineGroup {
  /** The earlier lot these entries come from; null for the batch itself. */
  fromBatch: TimelineEntry['fromBatch'];
  entries: TimelineEntry[];
}

function instant(entry: TimelineEntry): number {
  const time = Date.parse(entry.eventTime);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

function byTime(a: TimelineEntry, b: TimelineEntry): number {
  const ta = instant(a);
  const tb = instant(b);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

/**
 * Farm to shelf, oldest first: the earlier lots' entries first (each lot a group, in the order of
 * its first entry), then the batch's own entries.
 */
export function groupTimeline(entries: readonly TimelineEntry[]): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup>();
  for (const entry of [...entries].sort(byTime)) {
    const key = entry.fromBatch?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { fromBatch: entry.fromBatch, entries: [] };
      groups.set(key, group);
    }
    group.entries.push(entry);
  }
  const own = groups.get('');
  const earlier = [...groups.values()].filter((group) => group.fromBatch !== null);
  return own ? [...earlier, own] : earlier;
}
