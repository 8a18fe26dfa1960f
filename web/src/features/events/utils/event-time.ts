import { DEFAULT_OFFSET, offsetMinutes } from '@/lib/format';

/**
 * The stage forms take a wall-clock time in Vietnam (a `datetime-local` value, `YYYY-MM-DDTHH:mm`)
 * and send it with Vietnam's offset, whatever the device's own time zone is.
 */
export function vietnamNow(now: Date = new Date()): string {
  return new Date(now.getTime() + offsetMinutes(DEFAULT_OFFSET) * 60_000).toISOString().slice(0, 16);
}

export function toEventTime(local: string): string {
  return `${local}:00${DEFAULT_OFFSET}`;
}

/** An event's time as the form shows it again (a correction starts from the wrong event's values). */
export function toLocalInput(iso: string, offset: string): string {
  return new Date(Date.parse(iso) + offsetMinutes(offset) * 60_000).toISOString().slice(0, 16);
}

export function isFuture(local: string, now: Date = new Date()): boolean {
  return Date.parse(toEventTime(local)) > now.getTime() + 60_000;
}
