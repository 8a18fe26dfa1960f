import { hasValidCheckDigit } from './check-digit.js';

export type GtinProblem = 'format' | 'check_digit';
export type GtinResult = { ok: true; gtin14: string } | { ok: false; problem: GtinProblem };

/** GS1 prefix allocated to GS1 Vietnam: GTINs of Vietnamese brand owners usually start with it. */
export const VIETNAM_GS1_PREFIX = '893';

const GTIN_LENGTHS: ReadonlySet<number> = new Set([8, 12, 13, 14]);

/**
 * Accepts a GTIN-8, -12, -13 or -14 as typed or printed under a barcode (surrounding whitespace and
 * the spaces of human-readable grouping such as "8 935049 500018" are ignored) and returns it as
 * GTIN-14, the one form the portal stores and puts in Digital Links.
 */
export function parseGtin(input: string): GtinResult {
  const digits = input.trim().replace(/ +/g, '');
  if (!/^\d+$/.test(digits) || !GTIN_LENGTHS.has(digits.length)) return { ok: false, problem: 'format' };
  if (!hasValidCheckDigit(digits)) return { ok: false, problem: 'check_digit' };
  // Left-padding with zeros keeps the check digit valid: zeros add nothing to the weighted sum.
  return { ok: true, gtin14: digits.padStart(14, '0') };
}

export function isValidGtin(input: string): boolean {
  return parseGtin(input).ok;
}
