import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { TRACE_DIRECTIONS, type IntegrityReport, type LocationView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { QueryResult } from '@/components/ui/query-result';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { ExportButton } from '@/features/exports/components/export-button';
import type { TraceOptions } from '@/features/inspector/api/get-trace';
import { useTrace } from '@/features/inspector/api/get-trace';
import { useTraceIntegrity } from '@/features/inspector/api/get-trace-integrity';
import { BatchFactsCard } from '@/features/inspector/components/batch-facts-card';
import { RecallCard } from '@/features/inspector/components/recall-card';
import { TRACE_DEPTHS, TraceControls } from '@/features/inspector/components/trace-controls';
import { TraceGraph } from '@/features/inspector/components/trace-graph';
import { TraceIntegritySummary } from '@/features/inspector/components/trace-integrity-summary';
import { TraceLinksTable } from '@/features/inspector/components/trace-links-table';
import { TraceTable } from '@/features/inspector/components/trace-table';
import { useBatch } from '@/features/batches/api/get-batch';
import { BatchTimeline } from '@/features/batches/components/batch-timeline';
import { usePublicBatch } from '@/features/public-view/api/get-public-batch';
import { useLocale, useT } from '@/lib/i18n';

/** An inspector holds no places of their own: the consumer view's timeline names the places. */
const NO_PLACES: readonly LocationView[] = [];

const DEFAULT_TRACE: TraceOptions = { direction: 'both', depth: 20 };

function traceOptionsFrom(params: URLSearchParams): TraceOptions {
  const depth = Number(params.get('depth'));
  return {
    direction: TRACE_DIRECTIONS.find((d) => d === params.get('direction')) ?? DEFAULT_TRACE.direction,
    depth: TRACE_DEPTHS.find((d) => d === depth) ?? DEFAULT_TRACE.depth,
  };
}

/**
 * One batch for an inspector: its facts, its recall, its records as the timeline its business
 * sees, and its trace back and forward as a graph and as tables.
 */
export default function InspectorBatchRoute() {
  const t = useT();
  const { l } = useLocale();
  const { batchId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const options = useMemo(() => traceOptionsFrom(params), [params]);
  const batch = useBatch(batchId);
  const publicView = usePublicBatch(batchId, null);
  const trace = useTrace(batchId, options);
  const integrity = useTraceIntegrity(batchId, options);
  const reports = useMemo(
    () => new Map<string, IntegrityReport>(integrity.status === 'success' ? integrity.data.batches.map((b) => [b.batchId, b]) : []),
    [integrity],
  );
  const setOptions = (next: TraceOptions) =>
    setParams(
      next.direction === DEFAULT_TRACE.direction && next.depth === DEFAULT_TRACE.depth
        ? {}
        : { direction: next.direction, depth: String(next.depth) },
      { replace: true },
    );
  const reload = () => {
    trace.reload();
    integrity.reload();
    batch.reload();
  };

  return (
    <div className="page" data-testid="inspector-batch-page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/inspector">{t('inspector.search.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('inspector.batch.crumb')}</span>
      </nav>
      <QueryResult query={trace} loadingLabel={t('inspector.trace.loading')} retry>
        {(view) => {
          const start = view.batches.find((b) => b.id === batchId);
          if (!start) return null;
          const sourceLot = view.batches.find((b) => b.id === start.recall?.sourceBatchId)?.lotCode ?? null;
          return (
            <>
              <title>{`${start.lotCode} · ${l(start.productName)} | ${t('app.name')}`}</title>
              <header className="page__header">
                <h1 className="page__title" data-testid="inspector-batch-title">
                  {l(start.productName)} · <span className="code">{start.lotCode}</span>
                </h1>
                <BatchStatusBadge status={start.status} />
              </header>
              <div className="page__columns">
                <div className="page__column">
                  <BatchFactsCard node={start} batch={batch.status === 'success' ? batch.data : null} />
                </div>
                <div className="page__column">
                  <RecallCard batch={start} sourceLot={sourceLot} onChanged={reload} />
                </div>
              </div>
              {batch.status === 'success' ? (
                <BatchTimeline
                  batch={batch.data}
                  business={{ id: start.businessId, name: start.businessName }}
                  locations={NO_PLACES}
                  details={publicView.status === 'success' ? publicView.data.timeline : []}
                  renderCorrection={() => null}
                />
              ) : null}
              <Card title={t('inspector.trace.title')} intro={t('inspector.trace.intro')} data-testid="trace-card">
                <div className="trace-toolbar">
                  <TraceControls value={options} onChange={setOptions} />
                  <ExportButton scope={{ kind: 'trace', batchId, direction: options.direction, depth: options.depth }} />
                </div>
                {integrity.status === 'success' ? <TraceIntegritySummary report={integrity.data} view={view} /> : null}
                <TraceGraph view={view} />
                <TraceTable view={view} integrity={reports} />
                <TraceLinksTable view={view} />
              </Card>
            </>
          );
        }}
      </QueryResult>
    </div>
  );
}
