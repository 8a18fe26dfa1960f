import { DomainError } from '../common/errors/domain-error.js';
import { parseSchedule, SCHEDULE_FIELDS, type QuerySchedule, type ScheduleInput } from './query-schedule.js';

/** When a subscription sends: each new matching event as it is recorded, or on a schedule. */
export type SubscriptionTiming =
  { stream: true } | { stream: false; schedule: QuerySchedule; scheduleInput: ScheduleInput; reportIfEmpty: boolean };

/** What a subscriber asks, as the body of `POST .../subscriptions` or a WebSocket's query string gives it. */
export interface SubscriptionAsk {
  stream?: boolean;
  schedule?: Record<string, unknown>;
  reportIfEmpty?: boolean;
}

const WHEN = 'say when to send: "stream": true for each new matching event, or a schedule such as {"hour": "1", "minute": "5"}';

/**
 * The timing asked for, checked as GS1's binding has it: `stream` and a schedule exclude each
 * other, one is needed, and `reportIfEmpty` belongs to a schedule. Errors are field errors
 * (`schedule.hour`, ...).
 */
export function subscriptionTiming(ask: SubscriptionAsk): SubscriptionTiming {
  const refuse = (errors: Record<string, string[]>) => new DomainError('VALIDATION_FAILED', undefined, errors);
  if (ask.stream && ask.schedule) throw refuse({ stream: ['stream and schedule cannot be used together; choose one'] });
  if (ask.stream) {
    if (ask.reportIfEmpty !== undefined) throw refuse({ reportIfEmpty: ['reportIfEmpty applies to a schedule, not to a stream'] });
    return { stream: true };
  }
  if (!ask.schedule) throw refuse({ stream: [WHEN] });
  const input: ScheduleInput = {};
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(ask.schedule)) {
    const field = SCHEDULE_FIELDS.find((name) => name === key);
    if (!field) errors[`schedule.${key}`] = [`${key} is not a schedule field; use ${SCHEDULE_FIELDS.join(', ')}`];
    else if (typeof value !== 'string') errors[`schedule.${key}`] = [`${key} must be text, e.g. "5" or "[1-5]"`];
    else input[field] = value;
  }
  if (Object.keys(errors).length) throw refuse(errors);
  const parsed = parseSchedule(input);
  if ('errors' in parsed) {
    throw refuse(
      Object.fromEntries(Object.entries(parsed.errors).map(([key, messages]) => [key === 'schedule' ? key : `schedule.${key}`, messages])),
    );
  }
  return { stream: false, schedule: parsed.schedule, scheduleInput: input, reportIfEmpty: ask.reportIfEmpty ?? false };
}
