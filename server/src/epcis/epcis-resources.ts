import type { EventConditions } from './epcis-query.filters.js';

/**
 * The binding's resources that name events by one value (`/epcis/{resource}/{value}/events`),
 * and the query parameter each stands for: `/epcis/bizSteps/shipping/events` is
 * `/epcis/events?EQ_bizStep=shipping`; an EPC names the events that
 * name it or its class anywhere.
 */
export const EVENT_RESOURCES = {
  eventTypes: 'eventType',
  epcs: 'anyIdentifier',
  bizSteps: 'EQ_bizStep',
  bizLocations: 'EQ_bizLocation',
  readPoints: 'EQ_readPoint',
  dispositions: 'EQ_disposition',
} as const satisfies Record<string, keyof EventConditions>;

export type EventResource = keyof typeof EVENT_RESOURCES;

export function isEventResource(name: string): name is EventResource {
  return Object.hasOwn(EVENT_RESOURCES, name);
}

/** The events a resource's value names, as the query conditions they add. */
export type ResourceScope = Pick<EventConditions, (typeof EVENT_RESOURCES)[EventResource]>;

export function scopeOf(resource: EventResource, value: string): ResourceScope {
  return { [EVENT_RESOURCES[resource]]: [value] };
}

/** The methods a path of the binding takes (`Allow` of its OPTIONS), or null for a path it does not serve. */
export function allowedMethods(path: string): string | null {
  const [first, ...rest] = path
    .replace(/^\/epcis\/?/, '')
    .split('/')
    .filter(Boolean);
  if (first === undefined) return 'OPTIONS, GET';
  if (first === 'capture' || first === 'events')
    return rest.length === 0 ? 'OPTIONS, GET, POST' : rest.length === 1 ? 'OPTIONS, GET' : null;
  if (first === 'nextPageToken') return rest.length === 1 ? 'OPTIONS, DELETE' : null;
  if (!isEventResource(first)) return null;
  return rest.length <= 1 || (rest.length === 2 && rest[1] === 'events') ? 'OPTIONS, GET' : null;
}
