import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { EpcFormat } from '../epcis/epc-format.js';
import type { EpcisQueryService } from '../epcis/epcis-query.service.js';
import type { EpcisEvent } from '../epcis/query-document.js';
import type { StoredQuery } from '../epcis/stored-query.js';

/** What a statement that recorded events announces at commit (the `events_recorded` trigger). */
export const EVENTS_RECORDED_CHANNEL = 'nguon_events_recorded';

/** Events per document sent: a long backlog goes out as several documents. */
export const EVENTS_PER_DOCUMENT = 100;

/** The position's event when a window was read to its end: every event of a later transaction comes after it. */
export const NO_EVENT = '00000000-0000-0000-0000-000000000000';

/** How far a subscription has sent: the transaction that recorded its last event, and that event. */
export interface SubscriptionPosition {
  txid: string;
  eventId: string;
}

/**
 * The next document of a subscription: the matching events after `after` and below `horizon`
 * (asked first, see `EpcisQueryService.recordingHorizon`), and where the subscription stands once
 * it is sent; `more` when the window holds more than one document.
 */
export async function nextDocument(
  epcis: EpcisQueryService,
  db: EntityManager,
  principal: Principal,
  query: StoredQuery,
  window: { after: SubscriptionPosition; horizon: string; recordedFrom: Date },
  format: EpcFormat,
): Promise<{ events: EpcisEvent[]; position: SubscriptionPosition; more: boolean }> {
  const { events, last } = await epcis.eventsInWindow(db, principal, query, { ...window, limit: EVENTS_PER_DOCUMENT }, format);
  const more = events.length === EVENTS_PER_DOCUMENT;
  return { events, position: more && last ? last : { txid: window.horizon, eventId: NO_EVENT }, more };
}

/** Whether the subscriber, as it stands now, may still read events (a user not disabled, a key not revoked with the read scope). */
export const mayStillRead = (principal: Principal | null): principal is Principal =>
  principal !== null && (principal.kind !== 'api_key' || principal.scopes.has('read'));
