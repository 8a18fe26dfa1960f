import { groupBy, type ChainRecord, type IntegrityReport } from '@nguon/shared';
import { In, type DataSource } from 'typeorm';
import { EventBatchEntity, EventEntity, EventPlaceLinkEntity } from './event.entity.js';
import { lateLinkHash, latePlaceHash, recordHash } from './record-hash.js';

/** The stored chains of several batches: their links, the events they point at, and those events' other links. */
interface StoredChains {
  linksByBatch: Map<string, EventBatchEntity[]>;
  eventById: Map<string, EventEntity>;
  linksByEvent: Map<string, EventBatchEntity[]>;
  placeLinksByEvent: Map<string, EventPlaceLinkEntity[]>;
}

const PLACE_COLUMN = { location: 'locationId', source: 'sourceBusinessId', destination: 'destinationBusinessId' } as const;

/** Four queries whatever the number of batches. */
export async function loadChains(db: DataSource, batchIds: string[]): Promise<StoredChains> {
  const own = await db.getRepository(EventBatchEntity).find({ where: { batchId: In(batchIds) }, order: { seq: 'ASC' } });
  const eventIds = [...new Set(own.map((l) => l.eventId))];
  const [events, links, placeLinks] = eventIds.length
    ? await Promise.all([
        db.getRepository(EventEntity).findBy({ id: In(eventIds) }),
        db.getRepository(EventBatchEntity).findBy({ eventId: In(eventIds) }),
        db.getRepository(EventPlaceLinkEntity).findBy({ eventId: In(eventIds) }),
      ])
    : [[], [], []];
  return {
    linksByBatch: groupBy(own, (l) => l.batchId),
    eventById: new Map(events.map((e) => [e.id, e])),
    linksByEvent: groupBy(links, (l) => l.eventId),
    placeLinksByEvent: groupBy(placeLinks, (l) => l.eventId),
  };
}

function lateLinkHashOf(link: EventBatchEntity, eventHash: string, links: EventBatchEntity[]): string {
  const late = links.filter((l) => l.batchId === link.batchId && l.linkHash !== null);
  return lateLinkHash({
    recordHash: eventHash,
    batchId: link.batchId,
    links: late,
    seq: link.seq!,
    prevHash: link.prevHash,
    linkedAt: link.linkedAt!,
  });
}

/** The event as it was stored: a place or party column filled by a late link was empty then. */
function asStored(event: EventEntity, placeLinks: EventPlaceLinkEntity[]): EventEntity {
  return placeLinks.reduce((stored, link) => ({ ...stored, [PLACE_COLUMN[link.field]]: null }), event);
}

/** Each late place link names what its column holds, and its hash covers it. */
function placeLinksHold(event: EventEntity, placeLinks: EventPlaceLinkEntity[]): boolean {
  return placeLinks.every(
    (link) =>
      event[PLACE_COLUMN[link.field]] === link.linkedId &&
      latePlaceHash({ recordHash: event.recordHash!, field: link.field, linkedId: link.linkedId, linkedAt: link.linkedAt }) ===
        link.linkHash,
  );
}

/**
 * Walks one batch's chain: places 1..n in order, each link naming the previous record's hash,
 * each record's hash recomputed from what is stored. The first place that fails is the broken
 * record: one changed, removed or slipped in behind the application's back.
 */
export function verifyChain(batchId: string, chains: StoredChains, checkedAt: Date): IntegrityReport {
  const own = chains.linksByBatch.get(batchId) ?? [];
  const chain = own.filter((l) => l.seq !== null);
  const report = (firstBroken: IntegrityReport['firstBroken']): IntegrityReport => ({
    batchId,
    verified: firstBroken === null,
    records: chain.length,
    unchained: own.length - chain.length,
    checkedAt: checkedAt.toISOString(),
    firstBroken,
  });
  let previousHash: string | null = null;
  for (const [index, link] of chain.entries()) {
    const seq = index + 1;
    const event = chains.eventById.get(link.eventId);
    if (link.seq !== seq || !event) return report({ seq, eventId: event?.eventId ?? null, problem: 'record_missing' });
    if (link.prevHash !== previousHash) return report({ seq, eventId: event.eventId, problem: 'chain_broken' });
    const links = chains.linksByEvent.get(event.id) ?? [];
    // The record hash covers the links and places the event was stored with; a late link is its own record.
    const placeLinks = chains.placeLinksByEvent.get(event.id) ?? [];
    if (recordHash({ ...asStored(event, placeLinks), links: links.filter((l) => l.linkHash === null) }) !== event.recordHash)
      return report({ seq, eventId: event.eventId, problem: 'content_changed' });
    if (!placeLinksHold(event, placeLinks)) return report({ seq, eventId: event.eventId, problem: 'content_changed' });
    if (link.linkHash !== null && lateLinkHashOf(link, event.recordHash!, links) !== link.linkHash)
      return report({ seq, eventId: event.eventId, problem: 'content_changed' });
    previousHash = link.linkHash ?? event.recordHash;
  }
  return report(null);
}

/** The batch's chain, in order, each record hashed from its stored content: what the log should hold. */
export function chainRecords(batchId: string, chains: StoredChains): ChainRecord[] {
  const chain = (chains.linksByBatch.get(batchId) ?? []).filter((l) => l.seq !== null);
  return chain.flatMap((link) => {
    const event = chains.eventById.get(link.eventId);
    if (!event) return [];
    const links = chains.linksByEvent.get(event.id) ?? [];
    const placeLinks = chains.placeLinksByEvent.get(event.id) ?? [];
    const eventHash = recordHash({ ...asStored(event, placeLinks), links: links.filter((l) => l.linkHash === null) });
    const late = link.linkHash !== null;
    return [
      {
        seq: link.seq!,
        kind: late ? 'batch_link' : 'event',
        id: event.id,
        eventId: event.eventId,
        hash: late ? lateLinkHashOf(link, eventHash, links) : eventHash,
      },
    ];
  });
}
