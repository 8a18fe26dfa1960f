import { hasValidCheckDigit } from './check-digit.js';

/** A GLN (Global Location Number) is exactly 13 digits, the last one a GS1 check digit. */
export function isValidGln(input: string): boolean {
  return /^\d{13}$/.test(input) && hasValidCheckDigit(input);
}
