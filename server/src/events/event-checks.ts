import { gs1IdentifierProblem, type LocalizedText } from '@nguon/shared';
import { eventHashId } from './event-hash-id.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { normalizeIdentifier } from './event-identifiers.js';

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
export function pointersByIdentifier(event: Record<string, unknown>): Map<string, string> {
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

/**
 * The event as it is stored: with its eventID (its canonical hash when it came without one) and,
 * when the document declares prefixes of its own, the document's context, so its extensions still
 * expand when it is read back alone.
 */
export function identified(input: Record<string, unknown>, context: unknown): Record<string, unknown> {
  const withId = typeof input.eventID === 'string' ? input : { eventID: eventHashId(input, context), ...input };
  return declaresPrefixes(context) && withId['@context'] === undefined ? { '@context': context, ...withId } : withId;
}

/** The rules that need nothing stored: sane times and quantities, GS1 keys that are keys. */
export function checkAlone(event: Record<string, unknown>): void {
  const time = new Date(String(event.eventTime)).getTime();
  if (!Number.isFinite(time)) throw new CaptureProblem('/eventTime', RULE_MESSAGES.events.eventTimeNotDateTime);
  if (time > Date.now() + CLOCK_SKEW_MS) throw new CaptureProblem('/eventTime', RULE_MESSAGES.events.eventTimeInFuture);
  for (const list of QUANTITY_LISTS) {
    const items = event[list];
    if (!Array.isArray(items)) continue;
    items.forEach((q: { quantity?: unknown }, n) => {
      if (q?.quantity !== undefined && !(typeof q.quantity === 'number' && q.quantity > 0)) {
        throw new CaptureProblem(`/${list}/${n}/quantity`, RULE_MESSAGES.events.quantityNotPositive);
      }
    });
  }
  checkIdentifiers(event);
}
