import { displayPrefix, overlappingPrefixes, parseCompanyPrefix } from '@nguon/shared';
import type { Translate } from '@/lib/i18n';

/** The prefixes typed in one field, separated by commas, semicolons or new lines. */
export function splitPrefixes(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** What is wrong with the typed list (the shared GS1 rules decide), or null. */
export function prefixesProblem(text: string, t: Translate): string | null {
  const parts = splitPrefixes(text);
  const invalid = parts.find((part) => !parseCompanyPrefix(part).ok);
  if (invalid) return t('claims.prefixes.invalid', { value: invalid });
  const stored = parts.map((part) => (parseCompanyPrefix(part) as { prefix: string }).prefix);
  const [overlap] = overlappingPrefixes([...new Set(stored)]);
  return overlap ? t('claims.prefixes.overlap', { a: overlap[0], b: overlap[1] }) : null;
}

/** A stored prefix as it is typed back: a single GTIN-8 as 00000 and its 8 digits, the rest as stored. */
export function typedPrefix(prefix: string): string {
  const shown = displayPrefix(prefix);
  return shown === prefix ? prefix : `00000${shown}`;
}
