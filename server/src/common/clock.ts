import { VIETNAM_OFFSET } from '@nguon/shared';
import { DomainError } from './errors/domain-error.js';

/** How far in the future an event time may be, for clocks that run a little fast. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The time of an event as EPCIS wants it: the given ISO time (or now) and its zone offset,
 * taken from the request, else from the time itself, else Vietnam's.
 */
export function eventTimeOf(
  input: { eventTime?: string; eventTimeZoneOffset?: string },
  now = new Date(),
): { eventTime: string; eventTimeZoneOffset: string } {
  const eventTime = input.eventTime ?? now.toISOString();
  if (new Date(eventTime).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new DomainError('VALIDATION_FAILED', undefined, { eventTime: ['eventTime must not be in the future'] });
  }
  const ownOffset = /([+-]\d{2}:\d{2})$/.exec(eventTime)?.[1];
  return { eventTime, eventTimeZoneOffset: input.eventTimeZoneOffset ?? ownOffset ?? VIETNAM_OFFSET };
}
