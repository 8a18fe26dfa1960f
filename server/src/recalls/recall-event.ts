import { eventHashId } from '../events/event-hash-id.js';
import { PORTAL_EVENT_CONTEXT } from '../events/epcis-event.builder.js';
import { EXT } from '../events/portal-extensions.js';

/**
 * The EPCIS record of a recall decision on a batch (CBV disposition `recalled`, the batch held
 * back), or of its lifting (disposition `active` again), with the reason as the portal's note.
 */
export function recallEvent(epcClass: string, recalled: boolean, reason: string, at: Date): Record<string, unknown> {
  const event = {
    type: 'ObjectEvent',
    eventTime: at.toISOString(),
    eventTimeZoneOffset: '+07:00',
    epcList: [],
    action: 'OBSERVE',
    quantityList: [{ epcClass }],
    bizStep: 'holding',
    disposition: recalled ? 'recalled' : 'active',
    [EXT.note]: reason,
  };
  return { eventID: eventHashId(event, PORTAL_EVENT_CONTEXT), ...event };
}
