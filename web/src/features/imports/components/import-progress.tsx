import { useEffect } from 'react';
import { Link } from 'react-router';
import type { ImportJobView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { portalPath } from '@/lib/use-portal-business';
import { useLocale, useT } from '@/lib/i18n';
import { useApiQuery } from '@/lib/use-api-query';
import { importJobPath } from '../api/import-job-path';

/** How often a running job is asked for its progress. */
const POLL_MS = 400;

/** A running import: a progress bar following the job, then what it stored, or why it stored nothing. */
export function ImportProgress({ jobId }: { jobId: string }) {
  const t = useT();
  const job = useApiQuery<ImportJobView>(importJobPath(jobId));
  const running = job.status === 'success' && job.data.status === 'running';
  const { reload } = job;
  const data = job.status === 'success' ? job.data : null;

  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(reload, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, data, reload]);

  return (
    <Card title={t('imports.progress.title')} data-testid="import-progress">
      <QueryResult query={job} loadingLabel={t('imports.progress.label')}>
        {(view) => (
          <div className="stack">
            <label className="imports-progress">
              <span className="visually-hidden">{t('imports.progress.label')}</span>
              <progress max={view.totalRows} value={view.status === 'failed' ? 0 : view.processedRows} data-testid="import-progress-bar" />
              <span aria-live="polite">{t('imports.progress.count', { done: view.processedRows, total: view.totalRows })}</span>
            </label>
            <ImportOutcome job={view} />
          </div>
        )}
      </QueryResult>
    </Card>
  );
}

function ImportOutcome({ job }: { job: ImportJobView }) {
  const t = useT();
  const { l } = useLocale();
  if (job.status === 'failed') {
    return (
      <Notice tone="danger" role="alert" data-testid="import-failed">
        <p className="notice__title">{t('imports.failed.title')}</p>
        {job.failure?.row ? <p>{t('imports.failed.text', { row: job.failure.row, message: l(job.failure.message) })}</p> : null}
        {/* Cut off each time it ran (its server stopped): no row to fix, the message says what to do. */}
        {job.failure && job.failure.row === null ? (
          <p data-testid="import-interrupted">{l(job.failure.message)}</p>
        ) : (
          <p>{t('imports.failed.nothingStored')}</p>
        )}
      </Notice>
    );
  }
  if (job.status !== 'done') return null;
  return (
    <Notice tone="success" role="status" data-testid="import-done">
      <p className="notice__title">{t('imports.done.title')}</p>
      <p data-testid="import-done-count">{t('imports.done.text', { rows: job.totalRows })}</p>
      <p>{t('imports.done.batches')}:</p>
      <ul className="imports-batches">
        {job.batches.map((batch) => (
          <li key={batch.id}>
            <Link to={portalPath(job.businessId, `/batches/${batch.id}`)} data-testid="imported-batch">
              {batch.lotCode}
            </Link>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
