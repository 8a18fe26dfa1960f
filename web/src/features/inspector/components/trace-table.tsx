import { useId } from 'react';
import { Link } from 'react-router';
import type { IntegrityReport, TraceView } from '@nguon/shared';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { Badge } from '@/components/ui/badge';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import { depthLabel } from '../utils/depth-label';
import { IntegrityCell } from './integrity-cell';
import '../inspector.css';

/** The trace's batches as a table: the graph's facts in text, with each batch's integrity. */
export function TraceTable({ view, integrity }: { view: TraceView; integrity: ReadonlyMap<string, IntegrityReport> }) {
  const t = useT();
  const tp = usePluralT();
  const { l } = useLocale();
  const captionId = useId();
  return (
    <div className="inspector-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="inspector-table" data-testid="trace-table">
        <caption id={captionId}>{t('inspector.trace.batchesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inspector.col.step')}</th>
            <th scope="col">{t('inspector.col.lot')}</th>
            <th scope="col">{t('inspector.col.product')}</th>
            <th scope="col">{t('inspector.col.business')}</th>
            <th scope="col">{t('inspector.col.status')}</th>
            <th scope="col">{t('inspector.col.integrity')}</th>
          </tr>
        </thead>
        <tbody>
          {view.batches.map((batch) => (
            <tr
              key={batch.id}
              data-testid="trace-row"
              data-lot-code={batch.lotCode}
              className={batch.depth === 0 ? 'inspector-table__current' : undefined}
            >
              <td>{depthLabel(t, tp, batch.depth)}</td>
              <th scope="row">
                {batch.depth === 0 ? (
                  <span className="code" aria-current="page">
                    {batch.lotCode}
                  </span>
                ) : (
                  <Link to={`/inspector/batches/${batch.id}`} className="code">
                    {batch.lotCode}
                  </Link>
                )}
              </th>
              <td>{l(batch.productName)}</td>
              <td>{batch.businessName}</td>
              <td>
                <BatchStatusBadge status={batch.status} />{' '}
                {batch.recall && batch.recall.sourceBatchId !== batch.id ? (
                  <Badge tone="danger">{t('inspector.trace.affected')}</Badge>
                ) : null}
              </td>
              <td>
                <IntegrityCell report={integrity.get(batch.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
