import { useId } from 'react';
import type { RecallReachView } from '@nguon/shared';
import { QueryResult } from '@/components/ui/query-result';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import type { ApiQuery } from '@/lib/use-api-query';
import { depthLabel } from '../utils/depth-label';
import '../inspector.css';

/**
 * Whom the recall will reach, from the server's trace, shown in the dialog before it is
 * confirmed: the batches made from this one and the businesses that will be told, with their lots.
 */
export function RecallReach({ reach }: { reach: ApiQuery<RecallReachView> }) {
  const t = useT();
  const tp = usePluralT();
  const { l } = useLocale();
  const titleId = useId();
  return (
    <section className="recall-reach" aria-labelledby={titleId} data-testid="recall-reach">
      <h3 id={titleId} className="recall-reach__title">
        {t('inspector.recall.reachTitle')}
      </h3>
      <QueryResult query={reach} loadingLabel={t('inspector.recall.reachLoading')} retry>
        {(view) => (
          <>
            <p className="recall-reach__summary" data-testid="recall-reach-summary">
              {t('inspector.recall.reachSummary', { batches: view.affected.length + 1, businesses: view.businesses.length })}
            </p>
            <h4 className="recall-reach__subtitle">{t('inspector.recall.reachBatches')}</h4>
            <ul className="plain-list" data-testid="recall-reach-batches">
              <li>
                <span className="code">{view.batch.lotCode}</span> {l(view.batch.productName)} · {view.batch.businessName}{' '}
                <span className="muted">({t('inspector.recall.reachThis')})</span>
              </li>
              {view.affected.map((batch) => (
                <li key={batch.batchId}>
                  <span className="code">{batch.lotCode}</span> {l(batch.productName)} · {batch.businessName}{' '}
                  <span className="muted">({depthLabel(t, tp, batch.depth)})</span>
                </li>
              ))}
            </ul>
            <h4 className="recall-reach__subtitle">{t('inspector.recall.reachBusinesses')}</h4>
            <ul className="plain-list" data-testid="recall-reach-businesses">
              {view.businesses.map((business) => (
                <li key={business.id} data-business-id={business.id}>
                  {business.name}: <span className="code">{business.lots.map((lot) => lot.lotCode).join(', ')}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryResult>
    </section>
  );
}
