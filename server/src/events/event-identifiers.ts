import { canonicalGs1Identifier } from '@nguon/shared';

export const IDENTIFIER_ROLES = [
  'epc',
  'epc_class',
  'parent',
  'child_epc',
  'child_class',
  'input_epc',
  'input_class',
  'output_epc',
  'output_class',
] as const;
export type IdentifierRole = (typeof IDENTIFIER_ROLES)[number];

/**
 * The form identifiers are stored and queried in: GS1 keys as canonical Digital Links
 * (`https://id.gs1.org/...`, whether captured as EPC URNs or as Digital Links on any domain),
 * anything else exactly as written.
 */
export function normalizeIdentifier(value: string): string {
  return canonicalGs1Identifier(value) ?? value;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const classes = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((q: { epcClass?: unknown }) => (typeof q?.epcClass === 'string' ? [q.epcClass] : [])) : [];

/** What each event named, kept while the event is: capture asks it several times per event, and normalising costs. */
const named = new WeakMap<Record<string, unknown>, { role: IdentifierRole; identifier: string }[]>();

/** Every identifier an EPCIS event names, with the part of the event it is in, normalised. Events are never changed once read. */
export function eventIdentifiers(event: Record<string, unknown>): { role: IdentifierRole; identifier: string }[] {
  let identifiers = named.get(event);
  if (!identifiers) named.set(event, (identifiers = identifiersOf(event)));
  return identifiers;
}

function identifiersOf(event: Record<string, unknown>): { role: IdentifierRole; identifier: string }[] {
  const found: [IdentifierRole, string[]][] = [
    ['epc', strings(event.epcList)],
    ['epc_class', classes(event.quantityList)],
    ['parent', typeof event.parentID === 'string' ? [event.parentID] : []],
    ['child_epc', strings(event.childEPCs)],
    ['child_class', classes(event.childQuantityList)],
    ['input_epc', strings(event.inputEPCList)],
    ['input_class', classes(event.inputQuantityList)],
    ['output_epc', strings(event.outputEPCList)],
    ['output_class', classes(event.outputQuantityList)],
  ];
  const seen = new Set<string>();
  return found.flatMap(([role, values]) =>
    values.flatMap((value) => {
      const identifier = normalizeIdentifier(value);
      const key = `${role} ${identifier}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ role, identifier }];
    }),
  );
}
