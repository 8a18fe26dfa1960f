import { GCP_MAX_LENGTH, GCP_MIN_LENGTH, type ClaimHolder } from '@nguon/shared';
import { In, type EntityManager } from 'typeorm';
import type { BatchEntity } from '../batch-store/batch.entity.js';
import { holdersOf } from '../businesses/business-claims.js';
import { prefixesOf } from '../businesses/business-claims.queries.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { eventIdentifiers, normalizeIdentifier } from './event-identifiers.js';
import { findNamedBatches, findStoredEvents } from './event-lookup.queries.js';
import { LINK_ROLE } from './identifier-links.js';
import { lockPartyPrefixes, lockRegistrations } from './registration-locks.queries.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const GTIN_LOT = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/10\/([^/?]+)$/;
export const GTIN_KEY = /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:[/?]|$)/;
const PORTAL_LOT = /^urn:nguon:lot:([0-9A-Z]{10})$/;
export const PORTAL_LOCATION = new RegExp(`^urn:nguon:location:(${UUID})$`);
export const PORTAL_PARTY = new RegExp(`^urn:nguon:party:(${UUID})$`);
export const GLN_LOCATION = /^https:\/\/id\.gs1\.org\/414\/(\d{13})/;
export const GLN_PARTY = /^https:\/\/id\.gs1\.org\/417\/(\d{13})$/;

/** A batch as the capture rules see it. */
export type KnownBatch = Pick<BatchEntity, 'id' | 'businessId' | 'lotCode'>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const storedKey = (eventId: string, declared: boolean) => `${declared ? 'declared' : 'event'} ${eventId}`;

/** The place an event happened at, as written: its business location, else its read point. */
export function writtenPlace(event: Record<string, unknown>): { written: string; pointer: string } | null {
  const bizLocation = text((event.bizLocation as { id?: unknown } | undefined)?.id);
  if (bizLocation) return { written: bizLocation, pointer: '/bizLocation/id' };
  const readPoint = text((event.readPoint as { id?: unknown } | undefined)?.id);
  return readPoint ? { written: readPoint, pointer: '/readPoint/id' } : null;
}

/** The owning or possessing parties an event names, as written, with where. */
export function writtenParties(
  event: Record<string, unknown>,
): { list: 'sourceList' | 'destinationList'; n: number; written: string; type: string }[] {
  return (
    [
      ['sourceList', 'source'],
      ['destinationList', 'destination'],
    ] as const
  ).flatMap(([list, field]) => {
    const entries = event[list];
    if (!Array.isArray(entries)) return [];
    return (entries as Record<string, unknown>[]).flatMap((entry, n) => {
      const written = text(entry?.[field]);
      return written ? [{ list, n, written, type: text(entry?.type) ?? '' }] : [];
    });
  });
}

/**
 * Everything a set of events names that capture checks against, looked up in a few queries
 * however many events (`= ANY`), then kept up to date in memory as the events are accepted one by
 * one: the batches of their lots, which of other businesses' were shipped here, the business's
 * confirmed prefixes and products, who holds the GTINs and GLNs, the places and parties, and what
 * is stored under their eventIDs already.
 */
export class NamedRecords {
  private constructor(
    private readonly batches: Map<string, KnownBatch>,
    private readonly shipped: Set<string>,
    readonly confirmedPrefixes: string[],
    private readonly holders: Map<string, ClaimHolder>,
    private readonly products: Map<string, ProductEntity>,
    private readonly locations: Map<string, string>,
    private readonly parties: Set<string>,
    private readonly stored: Map<string, string | null>,
  ) {}

  static async lookUp(
    tx: EntityManager,
    businessId: string,
    events: Record<string, unknown>[],
    shippedTo: (batchIds: string[]) => Promise<Set<string>>,
  ): Promise<NamedRecords> {
    const linked = [...new Set(events.flatMap((e) => eventIdentifiers(e).flatMap((i) => (LINK_ROLE[i.role] ? [i.identifier] : []))))];
    const batches = await findBatches(tx, linked);
    const places = events.flatMap((e) => {
      const place = writtenPlace(e);
      return place ? [normalizeIdentifier(place.written)] : [];
    });
    const locations = await ownPlaces(tx, businessId, places);
    await awaitRegistrations(tx, businessId, { linked, batches, places, locations });
    const foreign = [...new Set([...batches.values()].filter((b) => b.businessId !== businessId).map((b) => b.id))];
    const shipped = foreign.length ? await shippedTo(foreign) : new Set<string>();
    const gtins = [...new Set(linked.flatMap((identifier) => GTIN_KEY.exec(identifier)?.[1] ?? []))];
    const unlinkedGtins = [...new Set(linked.filter((i) => !batches.has(i)).flatMap((i) => GTIN_KEY.exec(i)?.[1] ?? []))];
    const parties = events.flatMap((e) => writtenParties(e).map((p) => normalizeIdentifier(p.written)));
    const partyGlns = [...new Set(parties.flatMap((p) => GLN_PARTY.exec(p)?.[1] ?? []))];
    const eventIds = [...new Set(events.map((e) => String(e.eventID)))];
    const holders = await holdersOf(tx, { gtins: unlinkedGtins, glns: partyGlns });
    await awaitConfirmations(tx, partyGlns, holders);
    return new NamedRecords(
      batches,
      shipped,
      gtins.length ? await prefixesOf(tx, businessId, 'confirmed') : [],
      holders,
      await ownProducts(tx, businessId, unlinkedGtins),
      locations,
      await portalParties(tx, parties),
      new Map(
        (await findStoredEvents(tx, eventIds)).map((row): [string, string | null] => [
          storedKey(row.event_id, row.error_declared),
          row.business_id,
        ]),
      ),
    );
  }

  batch(identifier: string): KnownBatch | undefined {
    return this.batches.get(identifier);
  }

  /** Whether another business's batch was shipped to the capturing business. */
  shippedHere(batchId: string): boolean {
    return this.shipped.has(batchId);
  }

  holder(gtinOrGln: string): ClaimHolder | undefined {
    return this.holders.get(gtinOrGln);
  }

  ownProduct(gtin: string): ProductEntity | undefined {
    return this.products.get(gtin);
  }

  /** The business's place with this portal id or GLN. */
  ownPlace(key: { id: string } | { gln: string }): string | undefined {
    return this.locations.get('id' in key ? `id ${key.id}` : `gln ${key.gln}`);
  }

  isPortalBusiness(id: string): boolean {
    return this.parties.has(id);
  }

  isStored(eventId: string, declared: boolean): boolean {
    return this.stored.has(storedKey(eventId, declared));
  }

  /** The business that recorded the event (not its declaration), when it is stored; null when nobody on the portal did. */
  recorderOf(eventId: string): string | null | undefined {
    return this.stored.get(storedKey(eventId, false));
  }

  /** An event accepted for storing: later events of the set see it and the batches it created. */
  accept(eventId: string, declared: boolean, businessId: string, created: Map<string, KnownBatch>): void {
    this.stored.set(storedKey(eventId, declared), businessId);
    for (const [identifier, batch] of created) this.batches.set(identifier, batch);
  }
}

/** The portal batches of these identifiers (lots by GTIN and lot code, or portal short codes), by identifier: one query. */
async function findBatches(tx: EntityManager, identifiers: string[]): Promise<Map<string, KnownBatch>> {
  const lots = identifiers.flatMap((identifier) => {
    const lot = GTIN_LOT.exec(identifier);
    return lot ? [{ identifier, gtin: lot[1]!, lotCode: decodeURIComponent(lot[2]!) }] : [];
  });
  const codes = identifiers.flatMap((identifier) => {
    const code = PORTAL_LOT.exec(identifier);
    return code ? [{ identifier, shortCode: code[1]! }] : [];
  });
  if (!lots.length && !codes.length) return new Map();
  const batches = (
    await findNamedBatches(
      tx,
      lots,
      codes.map((c) => c.shortCode),
    )
  ).map((b) => ({
    id: b.id,
    businessId: b.business_id,
    lotCode: b.lot_code,
    shortCode: b.short_code,
    gtin: b.gtin,
  }));
  const byLot = new Map(batches.map((b) => [`${b.gtin} ${b.lotCode}`, b]));
  const byCode = new Map(batches.map((b) => [b.shortCode, b]));
  const found = new Map<string, KnownBatch>();
  for (const l of lots) if (byLot.has(`${l.gtin} ${l.lotCode}`)) found.set(l.identifier, byLot.get(`${l.gtin} ${l.lotCode}`)!);
  for (const c of codes) if (byCode.has(c.shortCode)) found.set(c.identifier, byCode.get(c.shortCode)!);
  return found;
}

/** The business's products with these GTINs: the lots of them an event may be the first to name. */
async function ownProducts(tx: EntityManager, businessId: string, gtins: string[]): Promise<Map<string, ProductEntity>> {
  if (!gtins.length) return new Map();
  const products = await tx.getRepository(ProductEntity).findBy({ gtin: In(gtins), businessId });
  return new Map(products.map((p) => [p.gtin!, p]));
}

/** A place's identifier as events and the lock of its registration name it: its GLN's Digital Link. */
export const glnPlace = (gln: string) => `https://id.gs1.org/414/${gln}`;

/**
 * Lots and places named and not found may be in a registration not committed yet: their locks
 * wait for it to end, then they are looked for again. A registration after this waits for this
 * capture, then links its events (decision records 0023 and 0024). Taken after the batches' row
 * locks, as registrations take them after the rows they lock.
 */
async function awaitRegistrations(
  tx: EntityManager,
  businessId: string,
  named: { linked: string[]; batches: Map<string, KnownBatch>; places: string[]; locations: Map<string, string> },
): Promise<void> {
  const lots = named.linked.filter((identifier) => !named.batches.has(identifier) && GTIN_LOT.test(identifier));
  const glns = [...new Set(named.places.flatMap((p) => GLN_LOCATION.exec(p)?.[1] ?? []))].filter(
    (gln) => !named.locations.has(`gln ${gln}`),
  );
  if (!lots.length && !glns.length) return;
  await lockRegistrations(tx, businessId, [...lots, ...glns.map(glnPlace)]);
  for (const [identifier, batch] of await findBatches(tx, lots)) named.batches.set(identifier, batch);
  for (const [key, id] of await ownPlaces(tx, businessId, glns.map(glnPlace))) named.locations.set(key, id);
}

/**
 * Party GLNs named and held by no one may be under a company prefix whose confirmation is not
 * committed yet: the locks of every prefix they could be under (shared, so that captures do not
 * wait for each other) wait for it to end, then their holders are looked for again. A
 * confirmation after this waits for this capture, then links its events (decision record 0024).
 */
async function awaitConfirmations(tx: EntityManager, glns: string[], holders: Map<string, ClaimHolder>): Promise<void> {
  const unheld = glns.filter((gln) => !holders.has(gln));
  if (!unheld.length) return;
  const prefixes = unheld.flatMap((gln) =>
    Array.from({ length: GCP_MAX_LENGTH - GCP_MIN_LENGTH + 1 }, (_, n) => gln.slice(0, GCP_MIN_LENGTH + n)),
  );
  await lockPartyPrefixes(tx, [...new Set(prefixes)], 'shared');
  for (const [gln, holder] of await holdersOf(tx, { gtins: [], glns: unheld })) holders.set(gln, holder);
}

/** The business's places the events name, by portal id or GLN. */
async function ownPlaces(tx: EntityManager, businessId: string, places: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(places.flatMap((p) => PORTAL_LOCATION.exec(p)?.[1] ?? []))];
  const glns = [...new Set(places.flatMap((p) => GLN_LOCATION.exec(p)?.[1] ?? []))];
  const where = [...(ids.length ? [{ id: In(ids), businessId }] : []), ...(glns.length ? [{ gln: In(glns), businessId }] : [])];
  if (!where.length) return new Map();
  const found = await tx.getRepository(LocationEntity).find({ where, select: { id: true, gln: true } });
  const byKey = new Map<string, string>();
  for (const location of found) {
    byKey.set(`id ${location.id}`, location.id);
    if (location.gln) byKey.set(`gln ${location.gln}`, location.id);
  }
  return byKey;
}

/** Which of the portal party ids the events name are businesses on the portal. */
async function portalParties(tx: EntityManager, parties: string[]): Promise<Set<string>> {
  const ids = [...new Set(parties.flatMap((p) => PORTAL_PARTY.exec(p)?.[1] ?? []))];
  if (!ids.length) return new Set();
  const found = await tx.getRepository(BusinessEntity).find({ where: { id: In(ids) }, select: { id: true } });
  return new Set(found.map((b) => b.id));
}
