import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLocale, LOCALE_COOKIE, localize, pickLocale, type Locale, type LocalizedText } from '@nguon/shared';
import type { MessageCatalog } from './define-messages';
import { appMessages } from './messages';

/**
 * The catalogs whose keys `t()` takes, by name: the app's own here; `app/messages.ts` adds the
 * features' (declaration merging), so that lib/ names no feature.
 */
export interface MessageCatalogs {
  app: typeof appMessages;
}
type KeyOf<C> = C extends { vi: infer V } ? keyof V & string : never;
export type MessageKey = KeyOf<MessageCatalogs[keyof MessageCatalogs]>;

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** A text with plural forms: the catalogs hold `key.one` and `key.other` (more where a language needs them). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;
/** `tp('products.batches', 3)`: the language's form for 3 (`{count}` in it is 3). */
export type TranslatePlural = (key: PluralKey, count: number, params?: TranslateParams) => string;

const STORAGE_KEY = 'nguon.locale';

/** Every text by language: the app's own from the start, the features' as `addMessages` registers them. */
const MESSAGES: Record<Locale, Record<string, string>> = { vi: { ...appMessages.vi }, en: { ...appMessages.en } };

/** Adds catalogs to the texts `t()` knows (before the pages that use them render). */
export function addMessages(catalogs: readonly MessageCatalog[]): void {
  for (const catalog of catalogs) {
    Object.assign(MESSAGES.vi, catalog.vi);
    Object.assign(MESSAGES.en, catalog.en);
  }
}

/** A year: the choice outlives the visit, as the localStorage copy does. */
const COOKIE_MAX_AGE_SECONDS = 365 * 86_400;

function savedLocale(): Locale | null {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): fall through.
  }
  return null;
}

/** The saved choice, else the browser's languages (Vietnamese when neither says). */
function initialLocale(): Locale {
  const saved = savedLocale();
  if (saved) return saved;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  // Listed in order of preference; pickLocale keeps that order for equal weights.
  return pickLocale(languages.join(','));
}

function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** `t()`, `tp()` and `l()` for one language, outside React too (the server entry writes the page's meta tags). */
export function translator(locale: Locale): { t: Translate; tp: TranslatePlural; l: (text: LocalizedText) => string } {
  const messages = MESSAGES[locale];
  // Vietnamese has one form for every number, English two (1 step, 2 steps): the language's own rules say which.
  const plurals = new Intl.PluralRules(locale);
  return {
    // A text of a page not loaded yet shows its key rather than breaking the page.
    t: (key, params) => interpolate(messages[key] ?? key, params),
    tp: (key, count, params) =>
      interpolate(messages[`${key}.${plurals.select(count)}`] ?? messages[`${key}.other`] ?? key, { count, ...params }),
    l: (text) => localize(text, locale),
  };
}

interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  tp: TranslatePlural;
  /** Picks the current language's text from a shared `LocalizedText`. */
  l: (text: LocalizedText) => string;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** Kept in localStorage for the app and in a cookie for the server, which renders consumer pages. */
function saveLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
}

/**
 * `serverLocale` is the language a server-rendered page was rendered in: the app hydrates in it
 * (anything else would not match the markup), then switches to a choice saved before the cookie
 * existed.
 */
export function I18nProvider({ serverLocale, children }: { serverLocale?: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => serverLocale ?? initialLocale());

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    saveLocale(next);
  }, []);

  useEffect(() => {
    const saved = serverLocale ? savedLocale() : null;
    if (saved && saved !== serverLocale) setLocale(saved);
  }, [serverLocale, setLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nContextValue>(() => ({ locale, setLocale, ...translator(locale) }), [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current locale: `t('batch.lot')`, `t('sources.lot', { lot })`. */
export function useT(): Translate {
  return useI18n().t;
}

/** The translate function for texts that name a number: `tp('inspector.depth.forward', 1)` is "1 step forward". */
export function usePluralT(): TranslatePlural {
  return useI18n().tp;
}

/** The current locale, a setter that persists it, and `l()` for shared `LocalizedText` values. */
export function useLocale(): Pick<I18nContextValue, 'locale' | 'setLocale' | 'l'> {
  const { locale, setLocale, l } = useI18n();
  return { locale, setLocale, l };
}
