import { ERROR_CODES, localize } from '@nguon/shared';
import type { RequestErrorCode } from './api-client';
import { useLocale, useT } from './i18n';

/** The reader's-language message for an error code (from the shared list; never the server's text). */
export function useErrorMessage(): (code: RequestErrorCode) => string {
  const t = useT();
  const { locale } = useLocale();
  return (code) => (code === 'NETWORK' ? t('error.network') : localize(ERROR_CODES[code].message, locale));
}
