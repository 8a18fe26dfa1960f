/**
 * When a scheduled EPCIS query subscription runs: the QuerySchedule of EPCIS §8.2.5.3, as the
 * EPCIS 2.0 REST binding's QueryScheduleSubscription carries it.
 */

/**
 * Schedules are read in the portal's local time, Vietnam's: a fixed UTC+07:00 with no daylight
 * saving, so every local day is 24 hours long and local fields are read by shifting the instant.
 */
export const SCHEDULE_TIME_ZONE_OFFSET = '+07:00';
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** How far ahead a run is looked for: enough for Feb 29, as leap days are at most 8 years apart (2096 to 2104). */
const SEARCH_YEARS = 8;
const MAX_FIELD_LENGTH = 200;

export const SCHEDULE_FIELDS = ['second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];
export type ScheduleInput = Partial<Record<ScheduleField, string>>;

/** A parsed schedule: for each field the sorted allowed values (after the defaulting rule of `parseSchedule`). */
export interface QuerySchedule {
  readonly fields: Readonly<Record<ScheduleField, readonly number[]>>;
}

/** The allowed values of each field; day of week as ISO 8601 counts, 1 = Monday to 7 = Sunday. */
const RANGES: Record<ScheduleField, readonly [number, number]> = {
  second: [0, 59],
  minute: [0, 59],
  hour: [0, 23],
  dayOfMonth: [1, 31],
  month: [1, 12],
  dayOfWeek: [1, 7],
};

/** How fine each field is, finest first; the two day fields are one level. */
const LEVELS: Record<ScheduleField, number> = { second: 0, minute: 1, hour: 2, dayOfMonth: 3, dayOfWeek: 3, month: 4 };

/**
 * Each field is a comma-separated list of numbers and inclusive ranges `[low-high]`; an empty field
 * is omitted. The query runs at every instant all fields match. An omitted field finer than the
 * finest given takes its lowest value (`{ hour: '1' }` runs at 01:00:00, not every second of that
 * hour); one on the same level or coarser matches any value.
 *
 * Either the schedule or, per field, the problems in English for a person to act on; `schedule`
 * holds the problems of the whole: no field given, or no run within 8 years.
 */
export function parseSchedule(input: ScheduleInput): { schedule: QuerySchedule } | { errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const given = new Map<ScheduleField, number[]>();
  for (const field of SCHEDULE_FIELDS) {
    const text = input[field];
    if (!text?.trim()) continue;
    const { values, problems } = parseField(field, text);
    if (problems.length > 0) errors[field] = problems;
    else given.set(field, values);
  }
  if (Object.keys(errors).length > 0) return { errors };
  if (given.size === 0) return { errors: { schedule: [`Give at least one of ${SCHEDULE_FIELDS.join(', ')}.`] } };

  const finest = Math.min(...[...given.keys()].map((field) => LEVELS[field]));
  const fields = Object.fromEntries(SCHEDULE_FIELDS.map((field) => [field, given.get(field) ?? omittedValues(field, finest)]));
  const schedule: QuerySchedule = { fields: fields as Record<ScheduleField, number[]> };
  if (!nextRun(schedule, new Date())) {
    return {
      errors: {
        schedule: [
          `This schedule never runs: no day in the next ${SEARCH_YEARS} years matches dayOfMonth, month and dayOfWeek together (for example dayOfMonth 31 with month 2).`,
        ],
      },
    };
  }
  return { schedule };
}

/** The first instant strictly after `after` (whole seconds) that the schedule matches; null if none within 8 years. */
export function nextRun({ fields }: QuerySchedule, after: Date): Date | null {
  // Local time as if it were UTC: the getUTC* methods then read the local fields.
  const from = Math.floor(after.getTime() / 1000) * 1000 + 1000 + OFFSET_MS;
  const firstDay = Math.floor(from / DAY_MS) * DAY_MS;
  const start = new Date(firstDay);
  const end = Date.UTC(start.getUTCFullYear() + SEARCH_YEARS, start.getUTCMonth(), start.getUTCDate());
  for (let day = firstDay; day < end; day += DAY_MS) {
    const date = new Date(day);
    const matches =
      fields.month.includes(date.getUTCMonth() + 1) &&
      fields.dayOfMonth.includes(date.getUTCDate()) &&
      fields.dayOfWeek.includes(date.getUTCDay() || 7);
    if (!matches) continue;
    const time = firstTimeOfDay(fields, day === firstDay ? (from - day) / 1000 : 0);
    if (time !== undefined) return new Date(day + time * 1000 - OFFSET_MS);
  }
  return null;
}

/** The first second of the day, from `fromSecond` on, that hour, minute and second allow. */
function firstTimeOfDay({ hour, minute, second }: QuerySchedule['fields'], fromSecond: number): number | undefined {
  for (const h of hour) {
    if (h * 3600 + 3599 < fromSecond) continue;
    for (const m of minute) {
      if (h * 3600 + m * 60 + 59 < fromSecond) continue;
      for (const s of second) {
        const time = h * 3600 + m * 60 + s;
        if (time >= fromSecond) return time;
      }
    }
  }
  return undefined;
}

/**
 * The values of a field left out. The weekday never takes its lowest value: with month alone the
 * day is the first of the month, whatever weekday it falls on.
 */
function omittedValues(field: ScheduleField, finest: number): number[] {
  const [min, max] = RANGES[field];
  if (LEVELS[field] < finest && field !== 'dayOfWeek') return [min];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function parseField(field: ScheduleField, text: string): { values: number[]; problems: string[] } {
  const [min, max] = RANGES[field];
  const allowed = `${min} to ${max}${field === 'dayOfWeek' ? ' (1 = Monday, 7 = Sunday)' : ''}`;
  if (text.length > MAX_FIELD_LENGTH) {
    return { values: [], problems: [`${field} is ${text.length} characters long; at most ${MAX_FIELD_LENGTH} are accepted.`] };
  }
  const values = new Set<number>();
  const problems: string[] = [];
  for (const element of text.split(',').map((part) => part.trim())) {
    const match = /^(?:(\d+)|\[\s*(\d+)\s*-\s*(\d+)\s*\])$/.exec(element);
    if (!match) {
      problems.push(
        element === ''
          ? `${field} has an empty element (two commas together, or one at an end); remove the extra comma.`
          : element === '*'
            ? `${field}: "*" is not accepted; to match every value write [${min}-${max}].`
            : `${field}: "${element}" is not a number or a range; write numbers from ${allowed} or ranges in square brackets like [${min}-${max}], separated by commas.`,
      );
      continue;
    }
    const low = Number(match[1] ?? match[2]);
    const high = Number(match[1] ?? match[3]);
    if ([low, high].some((value) => value < min || value > max))
      problems.push(`${field}: "${element}" is outside the allowed values, ${allowed}.`);
    else if (low > high)
      problems.push(`${field}: the range "${element}" runs backwards; write the lower value first, as [${high}-${low}].`);
    else for (let value = low; value <= high; value++) values.add(value);
  }
  return { values: [...values].sort((a, b) => a - b), problems };
}
