/**
 * GS1 mod-10 check digit, shared by GTIN-8/12/13/14, GLN and SSCC (GS1 General Specifications §7.9).
 * Weights alternate 3, 1, 3, ... starting from the rightmost data digit, so the same function works
 * for every key length without padding.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) {
    throw new RangeError(`gs1CheckDigit expects digits only, got "${digitsWithoutCheck}"`);
  }
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `code` is all digits (at least two) and its last digit is the GS1 check digit of the rest. */
export function hasValidCheckDigit(code: string): boolean {
  if (!/^\d{2,}$/.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}
