import { useEffect, useEffectEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { readConsumerCode } from '@nguon/shared';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { Spinner } from '@/components/ui/spinner';
import { useLabelCheck } from '@/features/label-check/api/check-label';
import { LabelCheckResult } from '@/features/label-check/components/label-check-result';
import { pageOf, resolveCode } from '@/features/resolver/api/resolve-code';
import { ApiRequestError, isAbortError, type RequestErrorCode } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';

/**
 * `/01/…` and `/q/…` normally never reach the app: the server resolves them (307 to the page).
 * When it cannot (a bad check digit, an unknown lot), it answers a browser with this app and the
 * error status; here we ask the resolver for JSON to learn why, and say so in the reader's language.
 * With no network (the service worker answered with the app), the label is still checked on the
 * phone; either way the label check says whether the code is one the portal signed.
 */
export default function ResolveRoute() {
  const t = useT();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<RequestErrorCode | null>(null);
  const currentLocale = useEffectEvent(() => locale);
  // The code as scanned (raw, still percent-encoded), for the label check.
  const [scanned] = useState(() => (typeof window === 'undefined' ? null : `${window.location.pathname}${window.location.search}`));
  const labelCheck = useLabelCheck(error ? scanned : null);

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

  if (error === 'NETWORK') {
    return (
      <div className="page" data-testid="offline-label-check">
        <title>{`${t('labelCheck.page.title')} | ${t('app.name')}`}</title>
        <h1>{t('labelCheck.page.title')}</h1>
        {labelCheck?.status === 'unavailable' ? <Notice tone="warning">{t('labelCheck.page.keysMissing')}</Notice> : null}
        <LabelCheckResult check={labelCheck} />
        <Notice>{t(labelCheck?.status === 'unavailable' ? 'labelCheck.offlineUnchecked' : 'labelCheck.offline')}</Notice>
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
      <LabelCheckResult check={labelCheck} />
    </div>
  );
}
