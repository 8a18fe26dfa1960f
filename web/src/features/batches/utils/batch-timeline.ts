import { CBV_ERROR_REASONS, type BatchView, type CbvErrorReason, type EventView, type TimelineEntry, type UnitCode } from '@nguon/shared';

/** One event of the batch as its page shows it. */
export interface BatchTimelineItem {
  event: EventView;
  /** The error declaration naming it, when on the same page of records. */
  declaration: { reason: CbvErrorReason | null; explanation: string | null } | null;
  /** Names of places and parties, from the consumer view (which leaves out events declared wrong). */
  details: TimelineEntry | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/** `did_not_occur`, `urn:epcglobal:cbv:er:did_not_occur` or `https://ref.gs1.org/cbv/ER-did_not_occur`. */
function reasonOf(value: unknown): CbvErrorReason | null {
  const bare = typeof value === 'string' ? value.replace(/^.*(?:er:|ER-)/, '') : '';
  return (CBV_ERROR_REASONS as readonly string[]).includes(bare) ? (bare as CbvErrorReason) : null;
}

/**
 * The batch's records as timeline items: each event once, with its declaration (a declaration is
 * not an item of its own) and the consumer view's names for it.
 */
export function batchTimeline(events: readonly EventView[], details: readonly TimelineEntry[]): BatchTimelineItem[] {
  const declarations = new Map(
    events.filter((e) => e.errorDeclaration).map((e) => [e.eventId, e.epcis.errorDeclaration as Record<string, unknown> | undefined]),
  );
  const byEventId = new Map(details.filter((d) => d.fromBatch === null).map((d) => [d.eventId, d]));
  return events
    .filter((event) => !event.errorDeclaration)
    .map((event) => {
      const declared = declarations.get(event.eventId);
      return {
        event,
        declaration: declarations.has(event.eventId)
          ? { reason: reasonOf(declared?.reason), explanation: text(declared?.['nguon:explanation']) }
          : null,
        details: byEventId.get(event.eventId) ?? null,
      };
    });
}

/** The quantity an event gives for this batch, read from the EPCIS document itself. */
export function quantityFor(
  event: EventView,
  batch: Pick<BatchView, 'lotCode' | 'shortCode'>,
): { quantity: number; unit: UnitCode | null } | null {
  const names = (epcClass: string) => {
    if (epcClass === `urn:nguon:lot:${batch.shortCode}`) return true;
    try {
      return decodeURIComponent(epcClass.split('/10/').pop() ?? '') === batch.lotCode;
    } catch {
      return false;
    }
  };
  for (const list of ['quantityList', 'outputQuantityList', 'inputQuantityList', 'childQuantityList']) {
    const items = event.epcis[list];
    if (!Array.isArray(items)) continue;
    for (const item of items as { epcClass?: unknown; quantity?: unknown; uom?: unknown }[]) {
      if (typeof item?.epcClass === 'string' && names(item.epcClass) && typeof item.quantity === 'number') {
        return { quantity: item.quantity, unit: typeof item.uom === 'string' ? (item.uom as UnitCode) : null };
      }
    }
  }
  return null;
}
