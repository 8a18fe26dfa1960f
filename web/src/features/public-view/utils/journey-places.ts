import type { PublicBatchView, PublicPlace, Stage } from '@nguon/shared';

export interface JourneyPlace {
  place: PublicPlace;
  /** The first thing that happened there (null for the batch's origin when no event names it). */
  stage: Stage | null;
  /** When that happened: an event's time with its zone offset, or the production date (no offset) for the origin. */
  at: string;
  offset: string | null;
  /** Set when the place belongs to a lot this one was made from. */
  fromLot: string | null;
}

const keyOf = (place: PublicPlace) => `${place.name}|${place.latitude}|${place.longitude}`;

/**
 * The places of a batch's journey in the order it passed them: where the lots it was made from
 * were, then its origin and the places of its own events; each place once, at its first visit.
 */
export function journeyPlaces(batch: Pick<PublicBatchView, 'origin' | 'timeline' | 'productionDate'>): JourneyPlace[] {
  const visits: JourneyPlace[] = batch.timeline.flatMap((entry) =>
    entry.place
      ? [
          {
            place: entry.place,
            stage: entry.stage,
            at: entry.eventTime,
            offset: entry.eventTimeZoneOffset,
            fromLot: entry.fromBatch?.lotCode ?? null,
          },
        ]
      : [],
  );
  const sources = visits.filter((visit) => visit.fromLot !== null);
  const own = visits.filter((visit) => visit.fromLot === null);
  const origin: JourneyPlace[] = batch.origin
    ? [{ place: batch.origin, stage: null, at: batch.productionDate, offset: null, fromLot: null }]
    : [];
  const ordered = [...sources, ...origin, ...own];
  const seen = new Set<string>();
  return ordered.filter((visit) => {
    const key = keyOf(visit.place);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The places a map can show. */
export const onMap = (places: JourneyPlace[]) => places.filter((p) => p.place.latitude !== null && p.place.longitude !== null);
