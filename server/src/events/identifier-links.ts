import type { EventBatchRole, UnitCode } from '@nguon/shared';
import { normalizeIdentifier, type IdentifierRole } from './event-identifiers.js';

/** The part an identifier plays in an event, as the batch it names is linked: subject, input, output, parent or child. */
export const LINK_ROLE: Partial<Record<IdentifierRole, EventBatchRole>> = {
  epc_class: 'subject',
  epc: 'subject',
  input_class: 'input',
  input_epc: 'input',
  output_class: 'output',
  output_epc: 'output',
  parent: 'parent',
  child_class: 'child',
  child_epc: 'child',
};

const QUANTITY_LISTS: Partial<Record<IdentifierRole, string>> = {
  epc_class: 'quantityList',
  input_class: 'inputQuantityList',
  output_class: 'outputQuantityList',
  child_class: 'childQuantityList',
};

/** The quantity and unit the event states for an identifier in that part of it, if any. */
export function linkQuantity(
  event: Record<string, unknown>,
  role: IdentifierRole,
  identifier: string,
): { quantity: number | null; unit: UnitCode | null } {
  const list = QUANTITY_LISTS[role];
  const items = list ? event[list] : undefined;
  if (!Array.isArray(items)) return { quantity: null, unit: null };
  const item = items.find(
    (q: { epcClass?: unknown }) => typeof q?.epcClass === 'string' && normalizeIdentifier(q.epcClass) === identifier,
  ) as { quantity?: number; uom?: string } | undefined;
  return { quantity: item?.quantity ?? null, unit: (item?.uom as UnitCode | undefined) ?? null };
}
