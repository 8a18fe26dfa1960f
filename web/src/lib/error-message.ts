import { ERROR_CODES, localize } from '@nguon/shared';
import type { ApiRequestError, RequestErrorCode } from './api-client';
import { useLocale, useT } from './i18n';

/** The reader's-language message for an error code (from the shared list; never the server's text). */
export function useErrorMessage(): (code: RequestErrorCode) => string {
  const t = useT();
  const { locale } = useLocale();
  return (code) => (code === 'NETWORK' ? t('error.network') : localize(ERROR_CODES[code].message, locale));
}

/**
 * The message for a failed write: the server's (it is already in the request's language and may
 * say more than the code, e.g. which status forbids the change), else the shared text for the code.
 */
export function useRequestErrorMessage(): (error: ApiRequestError) => string {
  const byCode = useErrorMessage();
  return (error) => error.body?.message || byCode(error.code);
}
