import { Link } from 'react-router';
import { RECALL_REASON_CATEGORIES, RECALL_SEVERITIES, type RecallView } from '@nguon/shared';
import { CheckIcon } from '@/components/ui/icons';
import { DEFAULT_OFFSET, formatEventTime, formatInstantDate } from '@/lib/format';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import { depthLabel } from '../utils/depth-label';
import '../inspector.css';

/**
 * What a recall decided and whom it reached: the batches downstream, and the businesses told, each
 * with whether it acknowledged the notice ("seen by the business at …").
 */
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
          <dd data-testid="recall-details-reason">
            {l(RECALL_REASON_CATEGORIES[recall.reasonCategory])}: {recall.reason}
          </dd>
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
        <p className="muted">
          {t('inspector.recall.acknowledgedCount', {
            acknowledged: recall.notifiedBusinesses.filter((b) => b.acknowledgedAt).length,
            businesses: recall.notifiedBusinesses.length,
          })}
        </p>
        <ul className="plain-list recall-notified" data-testid="recall-notified">
          {recall.notifiedBusinesses.map((business) => (
            <li key={business.id} data-testid="recall-notified-business" data-acknowledged={business.acknowledgedAt !== null}>
              <span className="recall-notified__name">{business.name}</span>
              {business.acknowledgedAt ? (
                <span className="recall-notified__status recall-notified__status--seen">
                  <CheckIcon />
                  {t('inspector.recall.acknowledged', {
                    time: formatEventTime(business.acknowledgedAt, DEFAULT_OFFSET, locale),
                    name: business.acknowledgedBy ?? '',
                  })}
                </span>
              ) : (
                <span className="recall-notified__status">{t('inspector.recall.notAcknowledged')}</span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
