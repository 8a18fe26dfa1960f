import { gs1CheckDigit, hasValidCheckDigit } from './check-digit.js';

/**
 * GS1 company prefixes (GCP), and which GTINs a business may claim with them.
 *
 * A GCP is 4 to 12 digits (GS1 General Specifications §1.4.3, figure 1.4.3-1 and the GCP length
 * table); GS1 Vietnam issues Vietnamese ones under the GS1 prefix 893. A GTIN belongs to the holder
 * of the GCP its GTIN-13 form starts with; the GTIN-13 form of a stored GTIN-14 is the GTIN-14
 * without its indicator digit (a GTIN-14 with indicator 1–8 is a case of the same company's item).
 * GCPs are allocated so that none is the start of another: two claims overlap when one starts with
 * the other, and at most one business may hold either.
 *
 * A GTIN-8 has no company prefix inside: a GS1 member organisation allocates each GTIN-8 on its
 * own (from a GS1-8 prefix). Its GTIN-13 form is `00000` followed by its eight digits, and no GCP
 * starts with `00000`. A business claims a single GTIN (a GTIN-8, or a GTIN-13 licensed alone) by
 * declaring that whole GTIN in its 13-digit form, check digit included: it is kept as its first
 * 12 digits, a claim that covers exactly that GTIN (and its GTIN-14 cases). A 12-digit GCP is the
 * same thing: it leaves no digit for an item reference.
 */
export const GCP_MIN_LENGTH = 4;
export const GCP_MAX_LENGTH = 12;

/** How many prefixes one business may declare: more than any real company holds, few enough to check. */
export const MAX_DECLARED_PREFIXES = 20;

export type PrefixProblem = 'format' | 'check_digit';
export type PrefixResult = { ok: true; prefix: string } | { ok: false; problem: PrefixProblem };

/**
 * Reads a declared claim: a GCP of 4 to 12 digits, or one whole GTIN in 13-digit form (a GTIN-8
 * written `00000` + its 8 digits). Spaces of printed grouping are ignored. Returns the stored form.
 */
export function parseCompanyPrefix(input: string): PrefixResult {
  const digits = input.trim().replace(/ +/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'format' };
  if (digits.length >= GCP_MIN_LENGTH && digits.length <= GCP_MAX_LENGTH) return { ok: true, prefix: digits };
  if (digits.length !== 13) return { ok: false, problem: 'format' };
  if (!hasValidCheckDigit(digits)) return { ok: false, problem: 'check_digit' };
  return { ok: true, prefix: digits.slice(0, 12) };
}

/** The GTIN-13 form of a stored GTIN-14: without its indicator digit. */
export function gtin13Form(gtin14: string): string {
  return gtin14.slice(1);
}

/** Whether the GTIN (stored GTIN-14) falls under the claim (stored form). */
export function isUnderPrefix(gtin14: string, prefix: string): boolean {
  return gtin13Form(gtin14).startsWith(prefix);
}

/** The claim among `prefixes` the GTIN falls under, or null. */
export function prefixOfGtin(gtin14: string, prefixes: readonly string[]): string | null {
  return prefixes.find((prefix) => isUnderPrefix(gtin14, prefix)) ?? null;
}

/** Whether two claims cover a GTIN in common: one is the start of the other. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Pairs of overlapping claims within one list (a list a business declares must have none). */
export function overlappingPrefixes(prefixes: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  prefixes.forEach((a, i) =>
    prefixes.slice(i + 1).forEach((b) => {
      if (prefixesOverlap(a, b)) pairs.push([a, b]);
    }),
  );
  return pairs;
}

/** How a stored claim is shown: as declared, except a single GTIN-8, shown whole (check digit restored). */
export function displayPrefix(prefix: string): string {
  return prefix.length === GCP_MAX_LENGTH && prefix.startsWith('00000') ? `${prefix.slice(5)}${gs1CheckDigit(prefix)}` : prefix;
}
