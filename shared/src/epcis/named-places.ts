import { canonicalGs1Identifier } from './epc-to-digital-link.js';

/** The parts of an event that name a place or a party: where it happened, and its owning or possessing parties. */
export const PLACE_ROLES = ['place', 'source', 'destination'] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

const idOf = (value: unknown): string | null => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id : null;
};

const partiesOf = (list: unknown, field: 'source' | 'destination'): string[] =>
  Array.isArray(list)
    ? list.flatMap((entry: Record<string, unknown> | null) => (typeof entry?.[field] === 'string' ? [entry[field] as string] : []))
    : [];

/**
 * The places and parties an EPCIS event names, GS1 keys in their canonical Digital Link form
 * (`https://id.gs1.org/414/…`, `/417/…`) whatever form they were written in: the place is the
 * business location, else the read point. A place or party registered after the event is found
 * by these.
 */
export function namedPlaces(event: Record<string, unknown>): { role: PlaceRole; identifier: string }[] {
  const place = idOf(event.bizLocation) ?? idOf(event.readPoint);
  const found: [PlaceRole, string[]][] = [
    ['place', place ? [place] : []],
    ['source', partiesOf(event.sourceList, 'source')],
    ['destination', partiesOf(event.destinationList, 'destination')],
  ];
  const seen = new Set<string>();
  return found.flatMap(([role, values]) =>
    values.flatMap((value) => {
      const identifier = canonicalGs1Identifier(value) ?? value;
      if (seen.has(`${role} ${identifier}`)) return [];
      seen.add(`${role} ${identifier}`);
      return [{ role, identifier }];
    }),
  );
}
