import { UNITS, localize, VIETNAM_OFFSET, type Locale, type UnitCode } from '@nguon/shared';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Vietnam's offset: used for instants that carry no offset of their own (e.g. a recall time). */
export const DEFAULT_OFFSET = VIETNAM_OFFSET;

const OFFSET_PATTERN = /^([+-])(\d{2}):?(\d{2})$/;

/** `+07:00` → 420; `Z` or anything unreadable → 0. */
export function offsetMinutes(offset: string): number {
  const match = OFFSET_PATTERN.exec(offset.trim());
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  const value = Number(hours) * 60 + Number(minutes);
  return sign === '-' ? -value : value;
}

/** `+07:00` → `GMT+7`, `+05:30` → `GMT+5:30`, `Z` → `GMT`. */
export function offsetLabel(offset: string): string {
  const total = offsetMinutes(offset);
  if (total === 0) return 'GMT';
  const abs = Math.abs(total);
  const minutes = abs % 60;
  return `GMT${total < 0 ? '-' : '+'}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

const DATE_OPTIONS: Record<Locale, Intl.DateTimeFormatOptions> = {
  // Vietnamese readers expect 15/03/2025; English readers get 15 Mar 2025.
  vi: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  en: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
};
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' };

/** A wall-clock Date (read in UTC) for an instant seen at the given offset. */
function wallClock(iso: string, offset: string): Date | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return new Date(time + offsetMinutes(offset) * 60_000);
}

/** A calendar date `YYYY-MM-DD` (production, expiry): shown as written, with no time zone shift. */
export function formatDate(value: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], DATE_OPTIONS[locale]).format(date);
}

/** The date of an instant, as seen at `offset` (Vietnam's by default). */
export function formatInstantDate(iso: string, locale: Locale, offset: string = DEFAULT_OFFSET): string {
  const date = wallClock(iso, offset);
  return date ? new Intl.DateTimeFormat(INTL_LOCALE[locale], DATE_OPTIONS[locale]).format(date) : iso;
}

/**
 * An event's time as the people there saw it: its own `eventTimeZoneOffset`, labelled, e.g.
 * `07:30, 15/03/2025 (GMT+7)` or `15 Mar 2025, 07:30 (GMT+7)`.
 */
export function formatEventTime(iso: string, offset: string, locale: Locale): string {
  const date = wallClock(iso, offset);
  if (!date) return iso;
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], DATE_OPTIONS[locale]).format(date);
  const time = new Intl.DateTimeFormat(INTL_LOCALE[locale], TIME_OPTIONS).format(date);
  const label = offsetLabel(offset);
  return locale === 'vi' ? `${time}, ${day} (${label})` : `${day}, ${time} (${label})`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 3 }).format(value);
}

/** English unit words take a plural; symbols (kg, g, ml) and Vietnamese words do not. */
function pluralUnit(name: string, value: number, locale: Locale): string {
  if (locale !== 'en' || value === 1 || !/^[a-z]{3,}$/.test(name)) return name;
  return /(x|s|ch|sh)$/.test(name) ? `${name}es` : `${name}s`;
}

/** `1.200 kg`, `24 chai` / `24 bottles`; the unit name comes from the shared UN/CEFACT list. */
export function formatQuantity(value: number, unit: UnitCode | null, locale: Locale): string {
  const number = formatNumber(value, locale);
  if (!unit) return number;
  const name = unit in UNITS ? localize(UNITS[unit], locale) : unit;
  return `${number} ${pluralUnit(name, value, locale)}`;
}
