import { Injectable } from '@nestjs/common';
import {
  eventHashId,
  gs1IdentifierProblem,
  isValidLotCode,
  normalizeBizStep,
  prefixOfGtin,
  stageOf,
  type LocalizedText,
} from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { newShortCode } from '../batches/batch-identity.js';
import { BatchEntity } from '../batches/batch.entity.js';
import { holderOfGln, holderOfGtin, outsidePrefixesText } from '../businesses/business-claims.js';
import { prefixesOf } from '../businesses/business-claims.queries.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { LocationEntity } from '../locations/location.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { RecordsService } from '../records/records.service.js';
import { EventStore, type BatchLink } from './event-store.js';
import { eventIdentifiers, normalizeIdentifier, type IdentifierRole } from './event-identifiers.js';
import type { EventEntity } from './event.entity.js';
import { findRecorderOf, findStoredEvent } from './event-lookup.queries.js';
import { LINK_ROLE, linkQuantity } from './identifier-links.js';
import { EXT } from './portal-extensions.js';
import { PRODUCER_ONLY_STAGES } from './stage-rules.js';

/** How far in the future an event time may be, for clocks that run a little fast. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A portal rule an event breaks, at the field it concerns (a JSON pointer within the event). */
export class CaptureProblem extends Error {
  constructor(
    readonly pointer: string,
    readonly text: LocalizedText,
    readonly code:
      'EVENT_RULE_VIOLATED' | 'DUPLICATE_EVENT' | 'FORBIDDEN' | 'BUSINESS_NOT_VERIFIED' | 'GTIN_OUTSIDE_PREFIXES' = 'EVENT_RULE_VIOLATED',
  ) {
    super(text.en);
  }
}

/** Something about a stored event its sender should know: what of it the portal could not connect. */
export interface CaptureNote {
  /** JSON pointer within the event. */
  pointer: string;
  code: 'UNLINKED_IDENTIFIER' | 'UNKNOWN_PARTY' | 'UNKNOWN_PLACE';
  text: LocalizedText;
}

export type CaptureOutcome = { stored: EventEntity; batchIds: string[]; notes: CaptureNote[] } | { duplicate: true; eventId: string };

const GTIN_LOT = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/10\/([^/?]+)$/;
const GTIN_KEY = /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:[/?]|$)/;
const PORTAL_LOT = /^urn:nguon:lot:([0-9A-Z]{10})$/;
const PORTAL_LOCATION = /^urn:nguon:location:([0-9a-f-]{36})$/;
const PORTAL_PARTY = /^urn:nguon:party:([0-9a-f-]{36})$/;
const GLN_LOCATION = /^https:\/\/id\.gs1\.org\/414\/(\d{13})/;
const GLN_PARTY = /^https:\/\/id\.gs1\.org\/417\/(\d{13})$/;
/** A source or destination that names a party (CBV's owning or possessing party), not a place. */
const PARTY_TYPE = /(?:owning|possessing)_party$/;

/** Where an event names GS1 keys: lists of identifiers, lists of quantities, and single places and parties. */
const IDENTIFIER_LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'] as const;
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'] as const;
const PARTY_LISTS = [
  ['sourceList', 'source'],
  ['destinationList', 'destination'],
] as const;

/** Every GS1 key the event writes, with its JSON pointer within the event. */
function writtenKeys(event: Record<string, unknown>): [pointer: string, value: unknown][] {
  const listed = (name: string, field?: string): [string, unknown][] => {
    const items = event[name];
    if (!Array.isArray(items)) return [];
    return items.map((item: unknown, n) =>
      field ? [`/${name}/${n}/${field}`, (item as Record<string, unknown> | null)?.[field]] : [`/${name}/${n}`, item],
    );
  };
  return [
    ...IDENTIFIER_LISTS.flatMap((name) => listed(name)),
    ...QUANTITY_LISTS.flatMap((name) => listed(name, 'epcClass')),
    ...PARTY_LISTS.flatMap(([name, field]) => listed(name, field)),
    ['/parentID', event.parentID],
    ['/readPoint/id', (event.readPoint as { id?: unknown } | undefined)?.id],
    ['/bizLocation/id', (event.bizLocation as { id?: unknown } | undefined)?.id],
  ];
}

/** Where each identifier the event writes first appears, by its normalised form. */
function pointersByIdentifier(event: Record<string, unknown>): Map<string, string> {
  const pointers = new Map<string, string>();
  for (const [pointer, value] of writtenKeys(event)) {
    if (typeof value !== 'string') continue;
    const identifier = normalizeIdentifier(value);
    if (!pointers.has(identifier)) pointers.set(identifier, pointer);
  }
  return pointers;
}

/**
 * Refuses a GS1 key that is not one (a check digit that does not add up, an EPC URI whose company
 * prefix and reference do not make the key), naming where: the resolver refuses such codes, so
 * stored they would link nothing.
 */
function checkIdentifiers(event: Record<string, unknown>): void {
  for (const [pointer, value] of writtenKeys(event)) {
    const problem = typeof value === 'string' ? gs1IdentifierProblem(value) : null;
    if (problem) throw new CaptureProblem(pointer, RULE_MESSAGES.events.notAGs1Key(value as string, problem));
  }
}

/** Whether a JSON-LD context declares prefixes of its own (beyond the standard context's URL). */
function declaresPrefixes(context: unknown): boolean {
  return Array.isArray(context)
    ? context.some((c) => typeof c === 'object' && c !== null)
    : typeof context === 'object' && context !== null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The one path into the event store, for EPCIS documents from integrators and for the portal's
 * own forms alike: the portal's rules on top of GS1's schema (who may write about which batch,
 * sane times and quantities, commissioning that creates a batch), then the event as received with
 * its projections, its batch links and its place in each batch's hash chain.
 */
@Injectable()
export class EventCapture {
  constructor(
    private readonly store: EventStore,
    private readonly audit: AuditTrail,
    private readonly records: RecordsService,
  ) {}

  /**
   * Captures one event inside `tx` for the acting business. A duplicate eventID is reported, not
   * stored again: capture is idempotent on it. Throws CaptureProblem when a rule is broken.
   */
  async capture(
    tx: EntityManager,
    actor: Actor,
    businessId: string,
    input: Record<string, unknown>,
    options: { context?: unknown; audit?: boolean; checkedBusiness?: boolean } = {},
  ): Promise<CaptureOutcome> {
    const identified: Record<string, unknown> =
      typeof input.eventID === 'string' ? input : { eventID: eventHashId(input, options.context), ...input };
    // The document's own prefixes go with the event, so its extensions still expand when it is read back alone.
    const event =
      declaresPrefixes(options.context) && identified['@context'] === undefined
        ? { '@context': options.context, ...identified }
        : identified;
    const eventId = String(event.eventID);
    const declaresError = event.errorDeclaration !== undefined;
    // A document's events are checked against one business status, read once for all of them.
    if (!options.checkedBusiness) await this.assertVerified(tx, businessId);
    this.checkTimeAndQuantities(event);
    checkIdentifiers(event);

    const [existing] = await findStoredEvent(tx, eventId, declaresError);
    if (existing) return { duplicate: true, eventId };
    if (declaresError) await this.checkDeclaredEvent(tx, eventId, businessId);

    const notes: CaptureNote[] = [];
    const links = await this.batchLinks(tx, event, businessId, notes);
    const stored = await this.store.append(tx, {
      document: event,
      links,
      locationId: await this.ownLocation(tx, event, businessId, notes),
      businessId,
      recordedBy: actor.principal.kind === 'user' ? actor.principal.id : null,
      sourceBusinessId: await this.party(tx, event, 'sourceList', 'source', notes),
      destinationBusinessId: await this.party(tx, event, 'destinationList', 'destination', notes),
    });
    // A use case that makes the event part of a larger write (registering a batch) audits that write instead.
    if (options.audit !== false) {
      await this.audit.record(tx, actor, {
        action: declaresError ? 'event.declare_error' : 'event.record',
        targetType: 'event',
        targetId: eventId,
        businessId,
        details: {
          type: event.type,
          stage: stageOf(String(event.type), stored.bizStep),
          bizStep: stored.bizStep,
          batches: [...new Set(links.map((l) => l.batchId))],
        },
      });
    }
    return { stored, batchIds: [...new Set(links.map((l) => l.batchId))], notes };
  }

  /** Only a verified business writes into the records people rely on. */
  async assertVerified(tx: EntityManager, businessId: string): Promise<void> {
    const business = await tx.getRepository(BusinessEntity).findOneByOrFail({ id: businessId });
    if (business.status !== 'verified') throw new CaptureProblem('', RULE_MESSAGES.events.businessNotVerified, 'BUSINESS_NOT_VERIFIED');
  }

  private checkTimeAndQuantities(event: Record<string, unknown>): void {
    const time = new Date(String(event.eventTime)).getTime();
    if (!Number.isFinite(time)) throw new CaptureProblem('/eventTime', RULE_MESSAGES.events.eventTimeNotDateTime);
    if (time > Date.now() + CLOCK_SKEW_MS) throw new CaptureProblem('/eventTime', RULE_MESSAGES.events.eventTimeInFuture);
    for (const list of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) {
      const items = event[list];
      if (!Array.isArray(items)) continue;
      items.forEach((q: { quantity?: unknown }, n) => {
        if (q?.quantity !== undefined && !(typeof q.quantity === 'number' && q.quantity > 0)) {
          throw new CaptureProblem(`/${list}/${n}/quantity`, RULE_MESSAGES.events.quantityNotPositive);
        }
      });
    }
  }

  /** Only the business that recorded an event may declare it wrong. */
  private async checkDeclaredEvent(tx: EntityManager, eventId: string, businessId: string): Promise<void> {
    const [original] = await findRecorderOf(tx, eventId);
    // A declaration about an event this portal never stored is kept as received, as any EPCIS repository does.
    if (original && original.business_id !== businessId) {
      throw new CaptureProblem('/eventID', RULE_MESSAGES.events.onlyRecorderDeclaresWrong, 'FORBIDDEN');
    }
  }

  /**
   * The portal batches the event names, each checked: its producer may write anything about it,
   * a business it was shipped to everything but the farm stages. An event whose subject or output
   * is a lot of one of the business's own products not registered yet creates the batch (from the
   * lot master data when given, else the event's time and quantity), whatever kind of event it is,
   * so a transformation's output exists as soon as it is made; its own batches'
   * GTINs must fall under a prefix an administrator confirmed for it. Goods of another company on
   * the portal (under its confirmed prefix) are refused unless that company shipped them here:
   * nobody records under another company's prefix. Goods of companies not on the portal are kept
   * as received, without a link, as any EPCIS repository keeps them.
   */
  private async batchLinks(
    tx: EntityManager,
    event: Record<string, unknown>,
    businessId: string,
    notes: CaptureNote[],
  ): Promise<BatchLink[]> {
    const identifiers = eventIdentifiers(event).filter(({ role }) => LINK_ROLE[role]);
    // Built once, when an identifier links nothing: an item-level event may name thousands.
    let pointers: Map<string, string> | undefined;
    const links: BatchLink[] = [];
    let confirmed: string[] | undefined;
    // The batches named, and which of other businesses' were shipped here: two queries however many.
    const found = await this.findBatches(
      tx,
      identifiers.map((i) => i.identifier),
    );
    const foreign = [...new Set([...found.values()].filter((b) => b.businessId !== businessId).map((b) => b.id))];
    const shippedHere = foreign.length ? await this.records.shippedTo(foreign, businessId, tx) : new Set<string>();
    const holders = new Map<string, Awaited<ReturnType<typeof holderOfGtin>>>();
    for (const { role, identifier } of identifiers) {
      const linkRole = LINK_ROLE[role]!;
      let batch = found.get(identifier) ?? null;
      if (!batch && linkRole !== 'input') {
        batch = await this.commission(tx, event, role, identifier, businessId);
        // The lot may be named again under another role of the same event: it exists now.
        if (batch) found.set(identifier, batch);
      }
      const gtin = GTIN_KEY.exec(identifier)?.[1];
      if (batch && batch.businessId !== businessId) this.checkMayWrite(batch, shippedHere.has(batch.id), event);
      else if (gtin && batch) {
        confirmed ??= await prefixesOf(tx, businessId, 'confirmed');
        if (!prefixOfGtin(gtin, confirmed))
          throw new CaptureProblem('', outsidePrefixesText(gtin, confirmed, 'confirmed'), 'GTIN_OUTSIDE_PREFIXES');
      } else if (gtin) {
        if (!holders.has(gtin)) holders.set(gtin, await holderOfGtin(tx, gtin));
        const holder = holders.get(gtin);
        if (holder && holder.businessId !== businessId)
          throw new CaptureProblem('', RULE_MESSAGES.businesses.gtinOfAnother(gtin, holder.legalName), 'GTIN_OUTSIDE_PREFIXES');
      }
      if (!batch) {
        pointers ??= pointersByIdentifier(event);
        notes.push({
          pointer: pointers.get(identifier) ?? '',
          code: 'UNLINKED_IDENTIFIER',
          text: RULE_MESSAGES.events.unlinkedIdentifier(identifier),
        });
        continue;
      }
      links.push({ batchId: batch.id, role: linkRole, ...linkQuantity(event, role, identifier) });
    }
    return links;
  }

  /** The portal batches of these identifiers (lots by GTIN and lot code, or portal short codes), by identifier: one query. */
  private async findBatches(tx: EntityManager, identifiers: string[]): Promise<Map<string, BatchEntity>> {
    const lots = identifiers.flatMap((identifier) => {
      const lot = GTIN_LOT.exec(identifier);
      return lot ? [{ identifier, gtin: lot[1]!, lotCode: decodeURIComponent(lot[2]!) }] : [];
    });
    const codes = identifiers.flatMap((identifier) => {
      const code = PORTAL_LOT.exec(identifier);
      return code ? [{ identifier, shortCode: code[1]! }] : [];
    });
    if (!lots.length && !codes.length) return new Map();
    const batches = await tx
      .getRepository(BatchEntity)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.product', 'p')
      .where('(p.gtin, b.lot_code) IN (SELECT * FROM unnest(CAST(:gtins AS text[]), CAST(:lotCodes AS text[])))', {
        gtins: lots.map((l) => l.gtin),
        lotCodes: lots.map((l) => l.lotCode),
      })
      .orWhere('b.short_code = ANY(CAST(:codes AS text[]))', { codes: codes.map((c) => c.shortCode) })
      .getMany();
    const byLot = new Map(batches.map((b) => [`${b.product!.gtin} ${b.lotCode}`, b]));
    const byCode = new Map(batches.map((b) => [b.shortCode, b]));
    const found = new Map<string, BatchEntity>();
    for (const l of lots) if (byLot.has(`${l.gtin} ${l.lotCode}`)) found.set(l.identifier, byLot.get(`${l.gtin} ${l.lotCode}`)!);
    for (const c of codes) if (byCode.has(c.shortCode)) found.set(c.identifier, byCode.get(c.shortCode)!);
    return found;
  }

  /** The batch of a lot of the business's own product that the event is the first to name. */
  private async commission(
    tx: EntityManager,
    event: Record<string, unknown>,
    role: IdentifierRole,
    identifier: string,
    businessId: string,
  ): Promise<BatchEntity | null> {
    const ilmd = (event.ilmd as Record<string, unknown> | undefined) ?? {};
    const lot = GTIN_LOT.exec(identifier);
    if (!lot || event.action === 'DELETE') return null;
    const product = await tx.getRepository(ProductEntity).findOneBy({ gtin: lot[1]!, businessId });
    const lotCode = decodeURIComponent(lot[2]!);
    if (!product || !isValidLotCode(lotCode)) return null;
    const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);
    const quantity = linkQuantity(event, role, identifier);
    const batch = await tx.getRepository(BatchEntity).save(
      tx.getRepository(BatchEntity).create({
        productId: product.id,
        businessId,
        lotCode,
        displayName: null,
        shortCode: newShortCode(),
        productionDate: day(ilmd[EXT.productionDate]) ?? day(ilmd['cbvmda:productionDate']) ?? String(event.eventTime).slice(0, 10),
        expiryDate: day(ilmd['cbvmda:itemExpirationDate']),
        bestBeforeDate: day(ilmd['cbvmda:bestBeforeDate']),
        quantity: quantity.quantity,
        unit: quantity.unit,
        originLocationId: null,
        status: 'active',
      }),
    );
    // Events sent before this one that named the lot (as an input, say) are linked now.
    await this.store.linkEarlier(tx, batch, identifier);
    return batch;
  }

  /** Another business's batch: only one shipped to this business, and not at the farm stages. */
  private checkMayWrite(batch: BatchEntity, shippedHere: boolean, event: Record<string, unknown>): void {
    const bizStep = text(event.bizStep);
    const stage = bizStep ? normalizeBizStep(bizStep) : null;
    const farmStage = stage !== null && [...PRODUCER_ONLY_STAGES].some((s) => stage.endsWith(`/${s}`));
    if (!farmStage && shippedHere) return;
    throw new CaptureProblem('', RULE_MESSAGES.events.batchOfAnother(batch.lotCode), 'FORBIDDEN');
  }

  /** The business's own place the event happened at (by portal id or GLN, in any GS1 form), for the consumer's timeline. */
  private async ownLocation(
    tx: EntityManager,
    event: Record<string, unknown>,
    businessId: string,
    notes: CaptureNote[],
  ): Promise<string | null> {
    const bizLocation = text((event.bizLocation as { id?: unknown } | undefined)?.id);
    const written = bizLocation ?? text((event.readPoint as { id?: unknown } | undefined)?.id);
    if (!written) return null;
    const id = normalizeIdentifier(written);
    const portal = PORTAL_LOCATION.exec(id);
    const gln = GLN_LOCATION.exec(id);
    const location =
      portal || gln
        ? await tx.getRepository(LocationEntity).findOneBy(portal ? { id: portal[1]!, businessId } : { gln: gln![1]!, businessId })
        : null;
    if (!location) {
      const pointer = bizLocation ? '/bizLocation/id' : '/readPoint/id';
      notes.push({ pointer, code: 'UNKNOWN_PLACE', text: RULE_MESSAGES.events.unknownPlace(written) });
    }
    return location?.id ?? null;
  }

  /**
   * The portal business an owning or possessing party names (by portal id, or by a GLN in any GS1
   * form under a prefix confirmed to it), when it is one; each party named that is not on the
   * portal is noted.
   */
  private async party(
    tx: EntityManager,
    event: Record<string, unknown>,
    list: 'sourceList' | 'destinationList',
    field: 'source' | 'destination',
    notes: CaptureNote[],
  ): Promise<string | null> {
    const entries = event[list];
    if (!Array.isArray(entries)) return null;
    let found: string | null = null;
    for (const [n, entry] of (entries as Record<string, unknown>[]).entries()) {
      const written = text(entry?.[field]);
      if (!written) continue;
      const id = normalizeIdentifier(written);
      const portal = PORTAL_PARTY.exec(id);
      const gln = GLN_PARTY.exec(id);
      const businessId = portal
        ? (await tx.getRepository(BusinessEntity).findOne({ where: { id: portal[1]! }, select: { id: true } }))?.id
        : gln && (await holderOfGln(tx, gln[1]!))?.businessId;
      if (businessId) found ??= businessId;
      else if (PARTY_TYPE.test(text(entry?.type) ?? ''))
        notes.push({ pointer: `/${list}/${n}/${field}`, code: 'UNKNOWN_PARTY', text: RULE_MESSAGES.events.unknownParty(written) });
    }
    return found;
  }
}
