import { useEffect, useEffectEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { readConsumerCode } from '@nguon/shared';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { pageOf, resolveCode } from '@/features/resolver/api/resolve-code';
import { ApiRequestError, isAbortError, type RequestErrorCode } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';

/**
 * `/01/…` and `/q/…` normally never reach the app: the server resolves them (307 to the page).
 * When it cannot (a bad check digit, an unknown lot), it answers a browser with this app and the
 * error status; here we ask the resolver for JSON to learn why, and say so in the reader's language.
 */
export default function ResolveRoute() {
  const t = useT();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<RequestErrorCode | null>(null);
  const currentLocale = useEffectEvent(() => locale);

  useEffect(() => {
    // The raw (still percent-encoded) path, as printed in the QR code.
    const parsed = readConsumerCode({ code: window.location.pathname, gtin: '', lot: '' });
    if (!parsed.ok || parsed.kind !== 'resolver') {
      setError(parsed.ok || parsed.error === 'EMPTY' ? 'INVALID_IDENTIFIER' : parsed.error);
      return;
    }
    const controller = new AbortController();
    resolveCode(parsed.path, { locale: currentLocale(), signal: controller.signal })
      .then((resolved) => {
        const { to, state } = pageOf(resolved);
        void navigate(`${to}${window.location.search}`, { replace: true, state });
      })
      .catch((caught: unknown) => {
        if (isAbortError(caught)) return;
        setError(caught instanceof ApiRequestError ? caught.code : 'INTERNAL');
      });
    return () => controller.abort();
  }, [location.pathname, navigate]);

  if (!error) {
    return (
      <div className="page page--loading" aria-busy="true">
        <Spinner label={t('resolve.loading')} />
      </div>
    );
  }

  const notFound = error === 'BATCH_NOT_FOUND' || error === 'PRODUCT_NOT_FOUND' || error === 'NOT_FOUND';
  const title = notFound
    ? t(error === 'PRODUCT_NOT_FOUND' ? 'productNotFound.title' : 'batchNotFound.title')
    : error === 'INVALID_IDENTIFIER' || error === 'INVALID_CHECK_DIGIT'
      ? t('resolve.invalidTitle')
      : t('error.title');
  return (
    <div className="page" data-testid="resolve-error" data-code={error}>
      <title>{`${title} | ${t('app.name')}`}</title>
      <EmptyState
        title={title}
        action={
          <Link to="/" className="button button--primary">
            {t('batchNotFound.action')}
          </Link>
        }
      >
        <p>{notFound ? t(error === 'PRODUCT_NOT_FOUND' ? 'productNotFound.text' : 'batchNotFound.text') : errorMessage(error)}</p>
      </EmptyState>
    </div>
  );
}
