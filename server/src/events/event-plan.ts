import { isValidLotCode, normalizeBizStep, prefixOfGtin, type LocalizedText } from '@nguon/shared';
import type { BatchEntity } from '../batch-store/batch.entity.js';
import { outsidePrefixesText } from '../businesses/business-claims.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { CaptureProblem, pointersByIdentifier } from './event-checks.js';
import type { AppendEvent, BatchLink } from './event-store.js';
import { eventIdentifiers, normalizeIdentifier, type IdentifierRole } from './event-identifiers.js';
import { LINK_ROLE, linkQuantity } from './identifier-links.js';
import {
  GLN_LOCATION,
  GLN_PARTY,
  GTIN_KEY,
  GTIN_LOT,
  PORTAL_LOCATION,
  PORTAL_PARTY,
  writtenParties,
  writtenPlace,
  type KnownBatch,
  type NamedRecords,
} from './named-records.js';
import { newBatch } from './new-batch.js';
import { EXT } from './portal-extensions.js';
import { PRODUCER_ONLY_STAGES } from './stage-rules.js';

/** A source or destination that names a party (CBV's owning or possessing party), not a place. */
const PARTY_TYPE = /(?:owning|possessing)_party$/;

/** Something about a stored event its sender should know: what of it the portal could not connect. */
export interface CaptureNote {
  /** JSON pointer within the event. */
  pointer: string;
  code: 'UNLINKED_IDENTIFIER' | 'UNKNOWN_PARTY' | 'UNKNOWN_PLACE';
  text: LocalizedText;
}

/** An event that passed every rule, ready to store: its row, the batches it creates (by lot identifier) and its notes. */
export interface PlannedEvent {
  append: AppendEvent;
  created: Map<string, BatchEntity>;
  notes: CaptureNote[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The portal's rules for one event of a business, checked in memory against what its document
 * names (who may write about which batch, commissioning that creates a batch, places and
 * parties). Throws CaptureProblem when a rule is broken; changes nothing either way.
 */
export function planEvent(
  event: Record<string, unknown>,
  businessId: string,
  recordedBy: string | null,
  named: NamedRecords,
): PlannedEvent | { duplicate: true; eventId: string } {
  const eventId = String(event.eventID);
  const declaresError = event.errorDeclaration !== undefined;
  if (named.isStored(eventId, declaresError)) return { duplicate: true, eventId };
  // Only the business that recorded an event may declare it wrong. A declaration about an event
  // this portal never stored is kept as received, as any EPCIS repository does.
  const recorder = named.recorderOf(eventId);
  if (declaresError && recorder !== undefined && recorder !== businessId)
    throw new CaptureProblem('/eventID', RULE_MESSAGES.events.onlyRecorderDeclaresWrong, 'FORBIDDEN');
  const notes: CaptureNote[] = [];
  const created = new Map<string, BatchEntity>();
  const links = batchLinks(event, businessId, named, created, notes);
  return {
    append: {
      document: event,
      links,
      locationId: ownPlace(event, named, notes),
      businessId,
      recordedBy,
      sourceBusinessId: party(event, 'sourceList', named, notes),
      destinationBusinessId: party(event, 'destinationList', named, notes),
    },
    created,
    notes,
  };
}

/**
 * The portal batches the event names, each checked: its producer may write anything about it,
 * a business it was shipped to everything but the farm stages. An event whose subject or output
 * is a lot of one of the business's own products not registered yet creates the batch (from the
 * lot master data when given, else the event's time and quantity), whatever kind of event it is,
 * so a transformation's output exists as soon as it is made; its own batches' GTINs must fall
 * under a prefix an administrator confirmed for it. Goods of another company on the portal (under
 * its confirmed prefix) are refused unless that company shipped them here: nobody records under
 * another company's prefix. Goods of companies not on the portal are kept as received, without a
 * link, as any EPCIS repository keeps them.
 */
function batchLinks(
  event: Record<string, unknown>,
  businessId: string,
  named: NamedRecords,
  created: Map<string, BatchEntity>,
  notes: CaptureNote[],
): BatchLink[] {
  // Built once, when an identifier links nothing: an item-level event may name thousands.
  let pointers: Map<string, string> | undefined;
  const links: BatchLink[] = [];
  for (const { role, identifier } of eventIdentifiers(event).filter((i) => LINK_ROLE[i.role])) {
    const linkRole = LINK_ROLE[role]!;
    let batch: KnownBatch | null = named.batch(identifier) ?? created.get(identifier) ?? null;
    if (!batch && linkRole !== 'input') {
      const commissioned = commission(event, role, identifier, businessId, named);
      // The lot may be named again under another role of the same event: it exists now.
      if (commissioned) created.set(identifier, commissioned);
      batch = commissioned;
    }
    const gtin = GTIN_KEY.exec(identifier)?.[1];
    if (batch && batch.businessId !== businessId) checkMayWrite(batch, named.shippedHere(batch.id), event);
    else if (gtin && batch) {
      if (!prefixOfGtin(gtin, named.confirmedPrefixes))
        throw new CaptureProblem('', outsidePrefixesText(gtin, named.confirmedPrefixes, 'confirmed'), 'GTIN_OUTSIDE_PREFIXES');
    } else if (gtin) {
      const holder = named.holder(gtin);
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

/** The batch of a lot of the business's own product that the event is the first to name, not yet stored. */
function commission(
  event: Record<string, unknown>,
  role: IdentifierRole,
  identifier: string,
  businessId: string,
  named: NamedRecords,
): BatchEntity | null {
  const lot = GTIN_LOT.exec(identifier);
  if (!lot || event.action === 'DELETE') return null;
  const product = named.ownProduct(lot[1]!);
  const lotCode = decodeURIComponent(lot[2]!);
  if (!product || !isValidLotCode(lotCode)) return null;
  const ilmd = (event.ilmd as Record<string, unknown> | undefined) ?? {};
  const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);
  const quantity = linkQuantity(event, role, identifier);
  return newBatch({
    productId: product.id,
    businessId,
    lotCode,
    displayName: null,
    productionDate: day(ilmd[EXT.productionDate]) ?? day(ilmd['cbvmda:productionDate']) ?? String(event.eventTime).slice(0, 10),
    expiryDate: day(ilmd['cbvmda:itemExpirationDate']),
    bestBeforeDate: day(ilmd['cbvmda:bestBeforeDate']),
    quantity: quantity.quantity,
    unit: quantity.unit,
    originLocationId: null,
  });
}

/** Another business's batch: only one shipped to this business, and not at the farm stages. */
function checkMayWrite(batch: KnownBatch, shippedHere: boolean, event: Record<string, unknown>): void {
  const bizStep = text(event.bizStep);
  const stage = bizStep ? normalizeBizStep(bizStep) : null;
  const farmStage = stage !== null && [...PRODUCER_ONLY_STAGES].some((s) => stage.endsWith(`/${s}`));
  if (!farmStage && shippedHere) return;
  throw new CaptureProblem('', RULE_MESSAGES.events.batchOfAnother(batch.lotCode), 'FORBIDDEN');
}

/** The business's own place the event happened at (by portal id or GLN, in any GS1 form), for the consumer's timeline. */
function ownPlace(event: Record<string, unknown>, named: NamedRecords, notes: CaptureNote[]): string | null {
  const place = writtenPlace(event);
  if (!place) return null;
  const id = normalizeIdentifier(place.written);
  const portal = PORTAL_LOCATION.exec(id);
  const gln = GLN_LOCATION.exec(id);
  const location = portal ? named.ownPlace({ id: portal[1]! }) : gln ? named.ownPlace({ gln: gln[1]! }) : undefined;
  if (!location) notes.push({ pointer: place.pointer, code: 'UNKNOWN_PLACE', text: RULE_MESSAGES.events.unknownPlace(place.written) });
  return location ?? null;
}

/**
 * The portal business an owning or possessing party names (by portal id, or by a GLN in any GS1
 * form under a prefix confirmed to it), when it is one; each party named that is not on the
 * portal is noted.
 */
function party(
  event: Record<string, unknown>,
  list: 'sourceList' | 'destinationList',
  named: NamedRecords,
  notes: CaptureNote[],
): string | null {
  let found: string | null = null;
  for (const { n, written, type } of writtenParties(event).filter((p) => p.list === list)) {
    const id = normalizeIdentifier(written);
    const portal = PORTAL_PARTY.exec(id);
    const gln = GLN_PARTY.exec(id);
    const businessId = portal ? (named.isPortalBusiness(portal[1]!) ? portal[1]! : undefined) : gln && named.holder(gln[1]!)?.businessId;
    if (businessId) found ??= businessId;
    else if (PARTY_TYPE.test(type)) {
      const field = list === 'sourceList' ? 'source' : 'destination';
      notes.push({ pointer: `/${list}/${n}/${field}`, code: 'UNKNOWN_PARTY', text: RULE_MESSAGES.events.unknownParty(written) });
    }
  }
  return found;
}
