import { Link } from 'react-router';
import { RECALL_SEVERITIES, type RecallView } from '@nguon/shared';
import { formatInstantDate } from '@/lib/format';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import { depthLabel } from '../utils/depth-label';

/** What a recall decided and whom it reached: the batches downstream and the businesses told. */
export function RecallDetails({ recall }: { recall: RecallView }) {
  const t = useT();
  const tp = usePluralT();
  const { locale, l } = useLocale();
  return (
    <div className="stack" data-testid="recall-details" data-recall-id={recall.id}>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('inspector.recall.severity')}</dt>
          <dd data-testid="recall-details-severity">{l(RECALL_SEVERITIES[recall.severity])}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('inspector.recall.reason')}</dt>
          <dd>{recall.reason}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('inspector.recall.recalledAt')}</dt>
          <dd>
            <time dateTime={recall.recalledAt}>{formatInstantDate(recall.recalledAt, locale)}</time>
            {recall.recalledBy ? ` · ${recall.recalledBy}` : ''}
          </dd>
        </div>
        {recall.liftedAt ? (
          <div className="facts__row">
            <dt>{t('inspector.recall.liftedAt')}</dt>
            <dd>
              <time dateTime={recall.liftedAt}>{formatInstantDate(recall.liftedAt, locale)}</time>
              {recall.liftReason ? ` · ${recall.liftReason}` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      <div>
        <h3 className="inspector-subtitle">{t('inspector.recall.affected', { count: recall.affected.length })}</h3>
        {recall.affected.length ? (
          <ul className="plain-list" data-testid="recall-affected">
            {recall.affected.map((batch) => (
              <li key={batch.batchId}>
                <Link to={`/inspector/batches/${batch.batchId}`} className="code">
                  {batch.lotCode}
                </Link>{' '}
                {l(batch.productName)} · {batch.businessName} <span className="muted">({depthLabel(t, tp, batch.depth)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('inspector.recall.noAffected')}</p>
        )}
      </div>
      <div>
        <h3 className="inspector-subtitle">{t('inspector.recall.notified', { count: recall.notifiedBusinesses.length })}</h3>
        <ul className="plain-list" data-testid="recall-notified">
          {recall.notifiedBusinesses.map((business) => (
            <li key={business.id}>{business.name}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
