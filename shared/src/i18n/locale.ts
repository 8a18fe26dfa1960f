export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/** A user-facing text in both languages; Vietnamese is required, English falls back to it. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** Picks the best supported locale from an Accept-Language header (or a bare tag). */
export function pickLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang, q } of ranked) {
    if (q > 0 && (LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  }
  return DEFAULT_LOCALE;
}

export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'en' && text.en ? text.en : text.vi;
}

/**
 * The language the visitor chose with the toggle. The web app keeps it in a cookie too (not only
 * in localStorage), so the server renders a consumer page in that language straight away.
 */
export const LOCALE_COOKIE = 'nguon_locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
