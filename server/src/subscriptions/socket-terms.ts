import { DomainError } from '../common/errors/domain-error.js';
import { SCHEDULE_FIELDS } from './query-schedule.js';
import { subscriptionTiming, type SubscriptionTiming } from './subscription-terms.js';

const ZONED_TIME = /T.*(Z|[+-]\d{2}:\d{2})$/;

/**
 * A WebSocket subscription's terms, from the handshake's query string (`stream=true`, or schedule
 * fields such as `hour=1&minute=5`, `reportIfEmpty`, `initialRecordTime`): checked as a webhook
 * subscription's body is; any other parameter is refused, named.
 */
export function socketTiming(params: URLSearchParams): { timing: SubscriptionTiming; initialRecordTime: Date | null } {
  const refuse = (field: string, message: string) => new DomainError('VALIDATION_FAILED', undefined, { [field]: [message] });
  const flag = (name: string): boolean | undefined => {
    const value = params.get(name);
    if (value === null) return undefined;
    if (value === 'true' || value === 'false') return value === 'true';
    throw refuse(name, `${name} must be true or false`);
  };
  const schedule: Record<string, string> = {};
  for (const [name, value] of params) {
    if ((SCHEDULE_FIELDS as readonly string[]).includes(name)) schedule[name] = value;
    else if (!['stream', 'reportIfEmpty', 'initialRecordTime'].includes(name)) {
      throw refuse(
        name,
        `${name} is not a subscription parameter; use stream, ${SCHEDULE_FIELDS.join(', ')}, reportIfEmpty or initialRecordTime`,
      );
    }
  }
  const timing = subscriptionTiming({
    stream: flag('stream'),
    schedule: Object.keys(schedule).length ? schedule : undefined,
    reportIfEmpty: flag('reportIfEmpty'),
  });
  const time = params.get('initialRecordTime');
  if (time === null) return { timing, initialRecordTime: null };
  const at = new Date(time.replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!ZONED_TIME.test(time.replace(/ (\d{2}:\d{2})$/, '+$1')) || Number.isNaN(at.getTime())) {
    throw refuse('initialRecordTime', 'initialRecordTime must be a date-time with a time zone, e.g. 2026-12-01T00:00:00+07:00');
  }
  return { timing, initialRecordTime: at };
}
