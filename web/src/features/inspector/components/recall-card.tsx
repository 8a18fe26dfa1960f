import { Link } from 'react-router';
import type { TraceBatchNode } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { useT } from '@/lib/i18n';
import { useRecall } from '../api/get-recall';
import { RecallActions } from './recall-actions';
import { RecallDetails } from './recall-details';

interface RecallCardProps {
  /** The batch as its trace describes it (with the recall in force on it, if any). */
  batch: TraceBatchNode;
  /** Its source's lot when the recall came from upstream. */
  sourceLot: string | null;
  /** Called after a recall or a lift, so the page reads the trace and the batch again. */
  onChanged: () => void;
}

/** The batch's recall: the one in force (with a way to lift it), one reaching it from upstream, or the button to recall it. */
export function RecallCard({ batch, sourceLot, onChanged }: RecallCardProps) {
  const t = useT();
  const recall = useRecall(batch.recall?.id ?? null);
  const own = batch.recall !== null && batch.recall.sourceBatchId === batch.id;

  return (
    <Card title={t('inspector.recall.title')} data-testid="recall-card">
      {batch.recall && !own ? (
        <Notice tone="danger" data-testid="recall-upstream">
          <p className="notice__title">{t('inspector.recall.upstream')}</p>
          <Link to={`/inspector/batches/${batch.recall.sourceBatchId}`} className="code">
            {sourceLot ?? t('inspector.recall.sourceBatch')}
          </Link>
        </Notice>
      ) : null}
      {batch.recall ? (
        <QueryResult query={recall} loadingLabel={t('inspector.recall.loading')}>
          {(view) => <RecallDetails recall={view} />}
        </QueryResult>
      ) : (
        <p className="muted" data-testid="recall-none">
          {t('inspector.recall.none')}
        </p>
      )}
      <RecallActions
        batchId={batch.id}
        lotCode={batch.lotCode}
        recalled={own || batch.status === 'recalled'}
        onChanged={() => {
          onChanged();
          recall.reload();
        }}
      />
    </Card>
  );
}
