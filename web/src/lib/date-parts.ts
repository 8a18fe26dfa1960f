/** A date or time as typed in its parts; each part as the person typed it (digits, maybe empty). */
export interface DateParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const EMPTY: DateParts = { day: '', month: '', year: '', hour: '', minute: '' };

/** `2026-12-04` or `2026-12-04T13:27` into its parts (empty parts for ''). */
export function partsOf(value: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return EMPTY;
  const [, year, month, day, hour = '', minute = ''] = match as unknown as string[];
  return { day: day!, month: month!, year: year!, hour, minute };
}

const two = (part: string) => part.padStart(2, '0');

/** The calendar date the parts name (`YYYY-MM-DD`), or null while it is not a whole, real date. */
export function dateOf({ day, month, year }: DateParts): string | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${two(month)}-${two(day)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  // 31/02 rolls over to March in Date: a real date reads back as itself.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The wall-clock time the parts name (`YYYY-MM-DDTHH:mm`), or null while it is not whole and real. */
export function dateTimeOf(parts: DateParts): string | null {
  const date = dateOf(parts);
  const { hour, minute } = parts;
  if (!date || !/^\d{1,2}$/.test(hour) || !/^\d{1,2}$/.test(minute) || Number(hour) > 23 || Number(minute) > 59) return null;
  return `${date}T${two(hour)}:${two(minute)}`;
}

/** Whether nothing at all has been typed in the parts shown. */
export function isBlank(parts: DateParts, withTime: boolean): boolean {
  return !parts.day && !parts.month && !parts.year && (!withTime || (!parts.hour && !parts.minute));
}
