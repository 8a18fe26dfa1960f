import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { EventBatchRole, UnitCode } from '@nguon/shared';
import { namedPlaces, normalizeBizStep } from '@nguon/shared';
import { MasterDataArrivals } from '../common/master-data/master-data-arrivals.js';
import { EventIdentifierEntity } from './event-identifier.entity.js';
import { eventIdentifiers } from './event-identifiers.js';
import { EventBatchEntity, EventEntity, EventPlaceLinkEntity, type LatePlaceField } from './event.entity.js';
import { findChainHeads } from './chain-heads.queries.js';
import { LINK_ROLE, linkQuantity } from './identifier-links.js';
import { findEarlierNamings, findUnlinkedParties, findUnplacedAt, type UnplacedRow } from './late-links.queries.js';
import { lateLinkHash, latePlaceHash, recordHash } from './record-hash.js';
import { lockBatches } from './stage-events.queries.js';

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

function idOf(value: unknown): string | null {
  return value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null;
}

/**
 * The one way into the event store: stores the EPCIS event as received, with its projections and
 * batch links, inside the caller's transaction, and chains it onto each batch it touches.
 */
@Injectable()
export class EventStore implements OnModuleInit {
  constructor(private readonly arrivals: MasterDataArrivals) {}

  onModuleInit(): void {
    this.arrivals.listen({
      placeRegistered: (tx, location) => this.linkPlace(tx, location),
      prefixConfirmed: (tx, businessId, prefix) => this.linkParty(tx, businessId, prefix),
    });
  }

  async append(tx: EntityManager, input: AppendEvent): Promise<EventEntity> {
    const doc = input.document;
    const heads = await this.lockChainHeads(
      tx,
      input.links.map((l) => l.batchId),
    );
    const chained = new Set<string>();
    const links = input.links.map((l) => {
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
    const event = tx.getRepository(EventEntity).create({
      eventId: String(doc.eventID),
      eventType: String(doc.type),
      action: typeof doc.action === 'string' ? doc.action : null,
      bizStep: typeof doc.bizStep === 'string' ? normalizeBizStep(doc.bizStep) : null,
      disposition: typeof doc.disposition === 'string' ? doc.disposition : null,
      eventTime: new Date(String(doc.eventTime)),
      eventTimeZoneOffset: String(doc.eventTimeZoneOffset),
      recordTime: new Date(),
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
    event.recordHash = recordHash({ ...event, links });
    const saved = await tx.getRepository(EventEntity).save(event);
    if (links.length) await tx.getRepository(EventBatchEntity).insert(links.map((l) => ({ eventId: saved.id, ...l })));
    const identifiers = [...eventIdentifiers(doc), ...namedPlaces(doc)];
    if (identifiers.length) await tx.getRepository(EventIdentifierEntity).insert(identifiers.map((i) => ({ eventId: saved.id, ...i })));
    return saved;
  }

  /**
   * Links a batch just registered to the business's events that named it before it existed (an
   * integrator sent events before master data): each such event takes the next place in the
   * batch's chain as a record of its own, hashed over the event's record hash, the links and when
   * they were made. Events are never rewritten; the links are only added. Answers how many events.
   */
  async linkEarlier(tx: EntityManager, batch: { id: string; businessId: string }, identifier: string): Promise<number> {
    const rows = await findEarlierNamings(tx, identifier, batch.businessId, batch.id);
    const byEvent = new Map<
      string,
      { recordHash: string; links: { role: EventBatchRole; quantity: number | null; unit: UnitCode | null }[] }
    >();
    for (const row of rows) {
      const role = LINK_ROLE[row.role];
      if (!role) continue;
      const entry = byEvent.get(row.id) ?? { recordHash: row.record_hash, links: [] };
      if (!entry.links.some((l) => l.role === role)) entry.links.push({ role, ...linkQuantity(row.document, row.role, identifier) });
      byEvent.set(row.id, entry);
    }
    if (!byEvent.size) return 0;
    let head = (await this.lockChainHeads(tx, [batch.id])).get(batch.id) ?? { seq: 0, hash: null };
    const linkedAt = new Date();
    const inserted: Partial<EventBatchEntity>[] = [];
    for (const [eventId, { recordHash: eventHash, links }] of byEvent) {
      const seq = head.seq + 1;
      const linkHash = lateLinkHash({ recordHash: eventHash, batchId: batch.id, links, seq, prevHash: head.hash, linkedAt });
      links.forEach((link, n) =>
        inserted.push({
          eventId,
          batchId: batch.id,
          ...link,
          seq: n === 0 ? seq : null,
          prevHash: n === 0 ? head.hash : null,
          linkedAt,
          linkHash,
        }),
      );
      head = { seq, hash: linkHash };
    }
    await tx.getRepository(EventBatchEntity).insert(inserted);
    return byEvent.size;
  }

  /**
   * Links a place registered (or given its GLN) after the business's events that happened there:
   * each such event still without a place takes it, through a record of its own (late place
   * link, hashed over the event's record hash). Answers the batches those events concern.
   */
  async linkPlace(tx: EntityManager, location: { id: string; businessId: string; gln: string }): Promise<string[]> {
    const events = await findUnplacedAt(tx, `https://id.gs1.org/414/${location.gln}`, location.businessId);
    return this.fillLate(tx, 'location', events, location.id);
  }

  /**
   * Links a business to the events, of any business, that named a party under a company prefix
   * just confirmed to it, as source or destination, where none was known: a shipment sent to it
   * before it was on the portal reaches its incoming list. Answers the batches concerned.
   */
  async linkParty(tx: EntityManager, businessId: string, companyPrefix: string): Promise<string[]> {
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
    await tx.getRepository(EventPlaceLinkEntity).insert(
      events.map((e) => ({
        eventId: e.id,
        field,
        linkedId,
        linkedAt,
        linkHash: latePlaceHash({ recordHash: e.record_hash, field, linkedId, linkedAt }),
      })),
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
  private async lockChainHeads(tx: EntityManager, batchIds: string[]): Promise<Map<string, { seq: number; hash: string | null }>> {
    const ids = [...new Set(batchIds)].sort();
    if (!ids.length) return new Map();
    await lockBatches(tx, ids);
    const rows = await findChainHeads(tx, ids);
    return new Map(rows.map((r) => [r.batch_id, { seq: r.seq, hash: r.record_hash }]));
  }
}
