import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { consumerBatchState, vietnamDay, type PublicBatchView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { ShareButton } from '@/components/ui/share-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { useLabelCheck } from '@/features/label-check/api/check-label';
import { LabelCheckResult } from '@/features/label-check/components/label-check-result';
import { usePublicBatch } from '@/features/public-view/api/get-public-batch';
import { BatchFacts } from '@/features/public-view/components/batch-facts';
import { JourneyMap } from '@/features/public-view/components/journey-map';
import { OriginSummary } from '@/features/public-view/components/origin-summary';
import { Certificates } from '@/features/public-view/components/certificates';
import { ProducerCard } from '@/features/public-view/components/producer-card';
import { ProductHeader } from '@/features/public-view/components/product-header';
import { RecallBanner } from '@/features/public-view/components/recall-banner';
import { RecordsVerified } from '@/features/public-view/components/records-verified';
import { ScanCount } from '@/features/public-view/components/scan-count';
import { Sources } from '@/features/public-view/components/sources';
import { Timeline } from '@/features/public-view/components/timeline';
import { batchPageMeta } from '@/features/public-view/utils/page-meta';
import { ReportProblem } from '@/features/reports/components/report-problem';
import { ShareArea } from '@/features/reports/components/share-area';
import { resolvedFromState } from '@/features/resolver/api/resolve-code';
import { scanTokenFromHash } from '@/features/resolver/utils/scan-token';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { usePageData } from '@/lib/page-data';
import { useHydrated } from '@/lib/use-hydrated';

const REPORT_ANCHOR = 'report';

/**
 * `scannedQuery`: the query of the code that was scanned, which the resolver passed on: with the
 * batch's own path, the label as scanned, checked on this phone (decision record 0038).
 */
function BatchPage({ batch, scanToken, scannedQuery }: { batch: PublicBatchView; scanToken: string | undefined; scannedQuery: string }) {
  const t = useT();
  const { l } = useLocale();
  const hydrated = useHydrated();
  const meta = batchPageMeta(batch, { t, l });
  // A scan's query (its token came too), or a signed code's, whoever opened it.
  const scanned = scannedQuery !== '' && (scanToken !== undefined || new URLSearchParams(scannedQuery).has('sig'));
  const labelCheck = useLabelCheck(scanned ? `${new URL(batch.identityUrl).pathname}${scannedQuery}` : null);
  return (
    <article className="page page--batch" data-testid="batch-page" data-batch-id={batch.id}>
      <title>{meta.title}</title>
      {batch.recall ? <RecallBanner recall={batch.recall} producer={batch.producer} reportHref={`#${REPORT_ANCHOR}`} /> : null}
      {/* The first screen of a phone: what, who, from where, its state, and a way to report. */}
      <ProductHeader product={batch.product} status={consumerBatchState(batch, vietnamDay())} displayName={batch.displayName} />
      <OriginSummary batch={batch} />
      <LabelCheckResult check={labelCheck} />
      <div className="batch-page__checks">
        <RecordsVerified batchId={batch.id} />
        <a className="batch-page__report-link" href={`#${REPORT_ANCHOR}`}>
          {t('reports.open')}
        </a>
        {/* The page's own address, not the code's: opening that would count as a scan. */}
        <ShareButton title={meta.title} text={meta.description} path={`/batches/${encodeURIComponent(batch.id)}`} />
      </div>
      <Timeline entries={batch.timeline} lotCode={batch.lotCode} />
      <JourneyMap batch={batch} />
      <Sources sources={batch.sources} />
      <BatchFacts batch={batch} />
      <ProducerCard producer={batch.producer} />
      <Certificates certificates={batch.producer.certificates} />
      <ScanCount count={batch.scanCount} />
      {scanToken && hydrated ? <ShareArea batchId={batch.id} scanToken={scanToken} /> : null}
      <div id={REPORT_ANCHOR} className="batch-page__report">
        <ReportProblem batchId={batch.id} anchor={REPORT_ANCHOR} />
      </div>
    </article>
  );
}

export default function BatchRoute() {
  const { id = '' } = useParams();
  const location = useLocation();
  const t = useT();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const handedOver = resolvedFromState(location.state);
  const rendered = usePageData();
  const fromServer = rendered?.page === 'batch' && rendered.batch.id === id ? rendered.batch : null;
  const state = usePublicBatch(id, fromServer ?? (handedOver?.kind === 'batch' ? handedOver.batch : null), fromServer !== null);
  // Only the visitor who just scanned the code may share where: the scan's token came with the
  // resolver's answer (handed over by the home page) or in the fragment of its redirect.
  const [scanToken] = useState(
    () => (handedOver?.kind === 'batch' ? handedOver.batch.scanToken : undefined) ?? scanTokenFromHash(location.hash),
  );
  useEffect(() => {
    // Kept in memory, not in the address bar, so a shared link does not carry it.
    if (scanTokenFromHash(location.hash))
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: location.state });
  }, [location, navigate]);

  if (state.status === 'loading') {
    return (
      <div className="page page--loading" aria-busy="true">
        <Spinner label={t('batch.loading')} />
      </div>
    );
  }

  if (state.status === 'error') {
    if (state.code === 'BATCH_NOT_FOUND' || state.code === 'NOT_FOUND' || state.code === 'VALIDATION_FAILED') {
      return (
        <div className="page" data-testid="batch-not-found">
          <title>{`${t('batchNotFound.title')} | ${t('app.name')}`}</title>
          <EmptyState
            title={t('batchNotFound.title')}
            action={
              <Link to="/" className="button button--primary">
                {t('batchNotFound.action')}
              </Link>
            }
          >
            <p>{t('batchNotFound.text')}</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page" data-testid="batch-error">
        <EmptyState title={t('error.title')} action={<Button onClick={state.retry}>{t('error.retry')}</Button>}>
          <p>{errorMessage(state.code)}</p>
        </EmptyState>
      </div>
    );
  }

  return <BatchPage batch={state.data} scanToken={scanToken} scannedQuery={location.search} />;
}
