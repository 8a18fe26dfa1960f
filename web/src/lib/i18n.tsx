import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { LOCALES, localize, pickLocale, type Locale, type LocalizedText } from '@nguon/shared';
import { MESSAGES, type MessageKey } from './messages';

export type { MessageKey };
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const STORAGE_KEY = 'nguon.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's languages (Vietnamese when neither says). */
function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): fall through.
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  // Listed in order of preference; pickLocale keeps that order for equal weights.
  return pickLocale(languages.join(','));
}

function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Picks the current language's text from a shared `LocalizedText`. */
  l: (text: LocalizedText) => string;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nContextValue>(() => {
    const messages = MESSAGES[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => interpolate(messages[key], params),
      l: (text) => localize(text, locale),
    };
  }, [locale, setLocale]);

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

/** The current locale, a setter that persists it, and `l()` for shared `LocalizedText` values. */
export function useLocale(): Pick<I18nContextValue, 'locale' | 'setLocale' | 'l'> {
  const { locale, setLocale, l } = useI18n();
  return { locale, setLocale, l };
}
