/**
 * A Vietnamese tax code (mã số thuế): 10 digits, or 13 for a dependent unit, often written
 * `0101234567-001`. Spaces and that hyphen are accepted while typing and dropped when sent.
 */
export type TaxCodeCheck =
  | { state: 'empty' }
  | { state: 'partial'; digits: string; target: 10 | 13 }
  | { state: 'valid'; digits: string }
  | { state: 'invalid'; reason: 'characters' | 'length' };

export function checkTaxCode(input: string): TaxCodeCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { state: 'empty' };
  if (!/^[\d\s-]+$/.test(trimmed)) return { state: 'invalid', reason: 'characters' };
  const digits = trimmed.replace(/[\s-]/g, '');
  if (digits.length === 10 || digits.length === 13) return { state: 'valid', digits };
  if (digits.length > 13) return { state: 'invalid', reason: 'length' };
  return { state: 'partial', digits, target: digits.length < 10 ? 10 : 13 };
}

/** What to send: the digits only. */
export function normalizeTaxCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}
