import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { EventBatchRole, UnitCode } from '@nguon/shared';
import { namedPlaces, normalizeBizStep } from '@nguon/shared';
import { inTurns } from '../common/in-turns.js';
import { insertAll, insertStatement, send } from '../database/insert-all.js';
import { MasterDataArrivals } from '../common/master-data/master-data-arrivals.js';
import { EventIdentifierEntity } from './event-identifier.entity.js';
import { eventIdentifiers } from './event-identifiers.js';
import { EventBatchEntity, EventEntity, EventPlaceLinkEntity, type LatePlaceField } from './event.entity.js';
import { findChainHeads } from './chain-heads.queries.js';
import { LINK_ROLE, linkQuantity } from './identifier-links.js';
import { lockPartyPrefixes, lockRegistrations } from './registration-locks.queries.js';
import { glnPlace } from './named-records.js';
import { findEarlierNamings, findUnlinkedParties, findUnplacedAt, type UnplacedRow } from './late-links.queries.js';
import { lateLinkHash, latePlaceHash, recordHash } from './record-hash.js';
import { lockBatches } from './stage-events.queries.js';
import { timeOrderedId } from './time-ordered-id.js';
import { LogSubmissions } from '../transparency/log-submissions.js';

export interface BatchLink {
  batchId: string;
  role: EventBatchRole;
  quantity?: number | null;
  unit?: UnitCode | null;
}

export interface AppendEvent {
  document: Record<string, unknown>;
  links: BatchLink[];
  locationId?: string | null;
  businessId?: string | null;
  recordedBy?: string | null;
  sourceBusinessId?: string | null;
  destinationBusinessId?: string | null;
}

/** Events hashed and written together: small enough that hashing the next overlaps writing this one. */
const WRITE_SLICE = 250;

type ChainHead = { seq: number; hash: string | null };

interface StoreSlice {
  events: EventEntity[];
  links: Omit<EventBatchEntity, 'linkedAt' | 'linkHash'>[];
  identifiers: EventIdentifierEntity[];
  /** Each event's batches, for its entry in the transparency log. */
  batchesOf: Map<string, string[]>;
}

/**
 * The events in slices of at most `size`, whether given at once or slice by slice, with the heads
 * of the batches each set given names read first: read slice by slice instead, each read waits
 * behind the write of the slice before, and the next slice's hashing with it.
 */
async function* slicesOf(
  inputs: AppendEvent[] | AsyncIterable<AppendEvent[]>,
  size: number,
  readHeads: (batchIds: string[]) => Promise<void>,
): AsyncGenerator<AppendEvent[]> {
  for await (const given of Array.isArray(inputs) ? [inputs] : inputs) {
    // Locked in id order within the set; the check locked every batch the set names already (NamedRecords).
    await readHeads(given.flatMap((input) => input.links.map((l) => l.batchId)));
    for (let start = 0; start < given.length; start += size) yield given.slice(start, start + size);
  }
}

function idOf(value: unknown): string | null {
  return value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null;
}

/**
 * The one way into the event store: stores the EPCIS event as received, with its projections and
 * batch links, inside the caller's transaction, and chains it onto each batch it touches.
 */
@Injectable()
export class EventStore implements OnModuleInit {
  constructor(
    private readonly arrivals: MasterDataArrivals,
    private readonly log: LogSubmissions,
  ) {}

  onModuleInit(): void {
    this.arrivals.listen({
      placeRegistered: (tx, location) => this.linkPlace(tx, location),
      prefixConfirmed: (tx, businessId, prefix) => this.linkParty(tx, businessId, prefix),
    });
  }

  /**
   * Stores events in the order given, as one write: given at once, or slice by slice as their
   * checks pass (a large document). Each batch they touch is locked and its chain head read once,
   * before the first slice of the set given that names it; the chains are computed in memory,
   * and events, links and identifiers go in with multi-row INSERTs, a few per slice of events.
   * They share one record time; their ids keep their order.
   */
  async appendAll(tx: EntityManager, inputs: AppendEvent[] | AsyncIterable<AppendEvent[]>): Promise<EventEntity[]> {
    const heads = new Map<string, ChainHead>();
    const headsRead = new Set<string>();
    const readHeads = async (batchIds: string[]) => {
      const unread = [...new Set(batchIds)].filter((id) => !headsRead.has(id));
      if (!unread.length) return;
      for (const [batchId, head] of await this.lockChainHeads(tx, unread)) heads.set(batchId, head);
      unread.forEach((id) => headsRead.add(id));
    };
    const recordTime = new Date();
    const events: EventEntity[] = [];
    // Written slice by slice, each in one statement: the next slice is checked, hashed and its
    // statement built while the database stores this one (on the machine's other core). One
    // statement at a time on the connection: the next slice's statement waits for this one's to end.
    let writing: Promise<void> = Promise.resolve();
    for await (const slice of slicesOf(inputs, WRITE_SLICE, readHeads)) {
      const chained = await this.chain(slice, heads, recordTime);
      events.push(...chained.events);
      const statement = insertStatement(tx, [
        { entity: EventEntity, rows: chained.events },
        { entity: EventBatchEntity, rows: chained.links },
        { entity: EventIdentifierEntity, rows: chained.identifiers },
        this.log.rows(chained.events.map((e) => ({ kind: 'event', id: e.id, hash: e.recordHash!, batches: chained.batchesOf.get(e.id)! }))),
      ])!;
      await writing;
      writing = send(tx, statement);
      // Awaited on the next turn or below; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
    }
    await writing;
    return events;
  }

  /** The events of a slice with their links and identifiers, each chained onto the heads, which move on. */
  private async chain(inputs: AppendEvent[], heads: Map<string, ChainHead>, recordTime: Date): Promise<StoreSlice> {
    const slice: StoreSlice = { events: [], links: [], identifiers: [], batchesOf: new Map() };
    // Hashed in turns, as a set's events are checked.
    for await (const input of inTurns(inputs)) {
      const doc = input.document;
      const chained = new Set<string>();
      const eventLinks = input.links.map((l) => {
        // A batch takes one place in its chain per event, whatever roles it plays in it.
        const first = !chained.has(l.batchId);
        chained.add(l.batchId);
        const head = heads.get(l.batchId);
        return {
          batchId: l.batchId,
          role: l.role,
          quantity: l.quantity ?? null,
          unit: l.unit ?? null,
          seq: first ? (head?.seq ?? 0) + 1 : null,
          prevHash: first ? (head?.hash ?? null) : null,
        };
      });
      // A plain assignment: the repository's create() costs more than the rest of the event's work.
      const event = Object.assign(new EventEntity(), {
        id: timeOrderedId(),
        eventId: String(doc.eventID),
        eventType: String(doc.type),
        action: typeof doc.action === 'string' ? doc.action : null,
        bizStep: typeof doc.bizStep === 'string' ? normalizeBizStep(doc.bizStep) : null,
        disposition: typeof doc.disposition === 'string' ? doc.disposition : null,
        eventTime: new Date(String(doc.eventTime)),
        eventTimeZoneOffset: String(doc.eventTimeZoneOffset),
        recordTime,
        readPoint: idOf(doc.readPoint),
        bizLocation: idOf(doc.bizLocation),
        locationId: input.locationId ?? null,
        businessId: input.businessId ?? null,
        recordedBy: input.recordedBy ?? null,
        sourceBusinessId: input.sourceBusinessId ?? null,
        destinationBusinessId: input.destinationBusinessId ?? null,
        errorDeclared: doc.errorDeclaration !== undefined,
        document: doc,
      });
      event.recordHash = recordHash({ ...event, links: eventLinks });
      for (const link of eventLinks) if (link.seq !== null) heads.set(link.batchId, { seq: link.seq, hash: event.recordHash });
      slice.events.push(event);
      slice.links.push(...eventLinks.map((l) => ({ eventId: event.id, recordTime, ...l })));
      slice.batchesOf.set(event.id, [...chained]);
      slice.identifiers.push(...[...eventIdentifiers(doc), ...namedPlaces(doc)].map((i) => ({ eventId: event.id, recordTime, ...i })));
    }
    return slice;
  }

  /**
   * Links batches just registered to the business's events that named their lots before they
   * existed (an integrator sent events before master data): each such event takes the next place
   * in the batch's chain as a record of its own, hashed over the event's record hash, the links
   * and when they were made. Events are never rewritten; the links are only added. One lookup
   * however many lots. Answers how many links were made.
   */
  async linkEarlier(tx: EntityManager, businessId: string, lots: { batchId: string; identifier: string }[]): Promise<number> {
    if (!lots.length) return 0;
    // A capture naming one of the lots and not committed yet is waited for, so its events are found below.
    await lockRegistrations(
      tx,
      businessId,
      lots.map((l) => l.identifier),
    );
    const identifierOf = new Map(lots.map((l) => [l.batchId, l.identifier]));
    type Naming = {
      recordHash: string;
      recordTime: string;
      links: { role: EventBatchRole; quantity: number | null; unit: UnitCode | null }[];
    };
    const byBatch = new Map<string, Map<string, Naming>>();
    for (const row of await findEarlierNamings(tx, businessId, lots)) {
      const role = LINK_ROLE[row.role];
      if (!role) continue;
      const byEvent = byBatch.get(row.batch_id) ?? new Map<string, Naming>();
      byBatch.set(row.batch_id, byEvent);
      const entry = byEvent.get(row.id) ?? { recordHash: row.record_hash, recordTime: row.record_time, links: [] };
      if (!entry.links.some((l) => l.role === role))
        entry.links.push({ role, ...linkQuantity(row.document, row.role, identifierOf.get(row.batch_id)!) });
      byEvent.set(row.id, entry);
    }
    if (!byBatch.size) return 0;
    const heads = await this.lockChainHeads(tx, [...byBatch.keys()]);
    const linkedAt = new Date();
    const inserted: Partial<EventBatchEntity>[] = [];
    for (const [batchId, byEvent] of byBatch) {
      let head = heads.get(batchId) ?? { seq: 0, hash: null };
      for (const [eventId, { recordHash: eventHash, recordTime, links }] of byEvent) {
        const seq = head.seq + 1;
        const linkHash = lateLinkHash({ recordHash: eventHash, batchId, links, seq, prevHash: head.hash, linkedAt });
        links.forEach((link, n) =>
          inserted.push({
            eventId,
            recordTime,
            batchId,
            ...link,
            seq: n === 0 ? seq : null,
            prevHash: n === 0 ? head.hash : null,
            linkedAt,
            linkHash,
          }),
        );
        head = { seq, hash: linkHash };
      }
    }
    await insertAll(tx, EventBatchEntity, inserted);
    await this.log.submit(
      tx,
      inserted
        .filter((link) => link.seq !== null)
        .map((link) => ({ kind: 'batch_link', id: link.eventId!, hash: link.linkHash!, batches: [link.batchId!] })),
    );
    return inserted.length;
  }

  /**
   * Links a place registered (or given its GLN) after the business's events that happened there:
   * each such event still without a place takes it, through a record of its own (late place
   * link, hashed over the event's record hash). Answers the batches those events concern.
   */
  async linkPlace(tx: EntityManager, location: { id: string; businessId: string; gln: string }): Promise<string[]> {
    // A capture naming the place and not committed yet is waited for, so its events are found here.
    await lockRegistrations(tx, location.businessId, [glnPlace(location.gln)]);
    const events = await findUnplacedAt(tx, glnPlace(location.gln), location.businessId);
    return this.fillLate(tx, 'location', events, location.id);
  }

  /**
   * Links a business to the events, of any business, that named a party under a company prefix
   * just confirmed to it, as source or destination, where none was known: a shipment sent to it
   * before it was on the portal reaches its incoming list. Answers the batches concerned.
   */
  async linkParty(tx: EntityManager, businessId: string, companyPrefix: string): Promise<string[]> {
    // A capture naming a party under the prefix and not committed yet is waited for, so its events are found here.
    await lockPartyPrefixes(tx, [companyPrefix], 'exclusive');
    const changed = new Set<string>();
    for (const field of ['source', 'destination'] as const) {
      const events = await findUnlinkedParties(tx, field, `https://id.gs1.org/417/${companyPrefix}`);
      for (const batchId of await this.fillLate(tx, field, events, businessId)) changed.add(batchId);
    }
    return [...changed];
  }

  private async fillLate(tx: EntityManager, field: LatePlaceField, events: UnplacedRow[], linkedId: string): Promise<string[]> {
    if (!events.length) return [];
    const linkedAt = new Date();
    const links = events.map((e) => ({
      eventId: e.id,
      recordTime: e.record_time,
      field,
      linkedId,
      linkedAt,
      linkHash: latePlaceHash({ recordHash: e.record_hash, field, linkedId, linkedAt }),
    }));
    // Not the repository's insert: it would make the exact record time a Date.
    await insertAll(tx, EventPlaceLinkEntity, links);
    await this.log.submit(
      tx,
      links.map((link, n) => ({ kind: 'place_link', id: link.eventId, hash: link.linkHash, batches: events[n]!.batch_ids })),
    );
    const column = { location: 'locationId', source: 'sourceBusinessId', destination: 'destinationBusinessId' } as const;
    await tx
      .getRepository(EventEntity)
      .update({ id: In(events.map((e) => e.id)), [column[field]]: IsNull() }, { [column[field]]: linkedId });
    return [...new Set(events.flatMap((e) => e.batch_ids))];
  }

  /**
   * Locks the batches (in id order, so writers never deadlock) until the transaction ends, and
   * reads the last link of each one's chain: concurrent writers to a batch queue up here.
   */
  private async lockChainHeads(tx: EntityManager, batchIds: string[]): Promise<Map<string, ChainHead>> {
    const ids = [...new Set(batchIds)].sort();
    if (!ids.length) return new Map();
    await lockBatches(tx, ids);
    const rows = await findChainHeads(tx, ids);
    return new Map(rows.map((r) => [r.batch_id, { seq: r.seq, hash: r.record_hash }]));
  }
}
