import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
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

/**
 * The routes of each resource's values (`epcis/bizSteps/:value` and so on, then `tail`): one per
 * resource, so that the router knows which paths exist (a 404 elsewhere, and OPTIONS' `Allow`).
 */
export function resourcePaths(tail: string): string[] {
  return Object.keys(EVENT_RESOURCES).map((resource) => `epcis/${resource}/:value${tail}`);
}

/** The resource a route of `resourcePaths` was reached by: the path's second segment. */
export const ResourceOfPath = createParamDecorator(
  (_: unknown, context: ExecutionContext): EventResource =>
    context.switchToHttp().getRequest<FastifyRequest>().url.split('/')[2] as EventResource,
);

/** The events a resource's value names, as the query conditions they add. */
export type ResourceScope = Pick<EventConditions, (typeof EVENT_RESOURCES)[EventResource]>;

export function scopeOf(resource: EventResource, value: string): ResourceScope {
  return { [EVENT_RESOURCES[resource]]: [value] };
}
