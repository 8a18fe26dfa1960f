import { cbvUrnToWebUri } from './cbv-uris.js';
import { canonicalGs1Identifier } from './epc-to-digital-link.js';

/**
 * Value canonicalisation of the EPCIS event hash (CBV 2.0 §8.9): timestamps, numbers, vocabulary
 * URNs and GS1 identifiers, and the string order used for every sort.
 */

// xsd:dateTime as EPCIS uses it; a space instead of 'T' and offsets without colon or minutes are
// accepted as well, since the reference parser (python-dateutil) accepts them.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/**
 * A timestamp in UTC with millisecond precision, e.g. `2005-04-03T20:33:31.116000-06:00` →
 * `2005-04-04T02:33:31.116Z`. More than three fraction digits are rounded half-up on the fourth
 * (`.1415` → `.142`); a missing fraction becomes `.000`. A timestamp without offset is read as
 * UTC. Anything that is not a valid date-time is returned unchanged, as the reference does.
 */
export function canonicalTimestamp(value: string): string {
  const parts = DATE_TIME.exec(value);
  if (!parts) return value;
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '', fraction = '', offset] = parts;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return value;
  const offsetMin = offsetMinutes(offset);
  if (Math.abs(offsetMin) > 14 * 60) return value;

  let millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (fraction.length > 3 && Number(fraction[3]) >= 5) millis += 1;

  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return new Date(date.getTime() - offsetMin * 60_000).toISOString();
}

// What Python's float() accepts as a finite decimal number (the reference normalises numbers by
// round-tripping every value through float()): optional sign, digits with single '_' separators,
// optional fraction and exponent.
const DECIMAL_NUMBER = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/**
 * A number as the reference writes it (Python `str(int(x))` for integral values, `repr(x)`
 * otherwise): no trailing zeros or '+' sign (`452.0` → `452`, `+0.50` → `0.5`), exponent notation
 * below 1e-4 (`1e-05`). Values are IEEE doubles, so integers beyond 2^53 lose precision exactly as
 * in the reference.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return BigInt(value).toString();
  if (Math.abs(value) < 1e-4) {
    // Python repr switches to exponent notation below 1e-4 and writes at least two exponent digits.
    const [mantissa = '', exponent = ''] = value.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(value);
}

/** Rule 6: a value that reads as a number is written in canonical number form; others unchanged. */
export function canonicalNumber(text: string): string {
  if (!DECIMAL_NUMBER.test(text)) return text;
  return formatNumber(Number(text.replaceAll('_', '')));
}

/**
 * The canonical form of a (trimmed, non-timestamp) value: CBV URNs as Web URIs, numbers without
 * trailing zeros, EPC URIs and GS1 Digital Links as constrained canonical Digital Links.
 */
export function canonicalValue(text: string): string {
  const value = canonicalNumber(cbvUrnToWebUri(text));
  return canonicalGs1Identifier(value) ?? value;
}

/**
 * Orders strings by Unicode code point, i.e. by their UTF-8 bytes (rule 10). JavaScript's default
 * comparison uses UTF-16 code units, which puts U+E000..U+FFFF after supplementary characters.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

function codeUnitRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000; // surrogates: code points above U+FFFF
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Sorts a copy of `values` by code point. */
export function sortedByCodePoint(values: readonly string[]): string[] {
  return [...values].sort(compareCodePoints);
}
