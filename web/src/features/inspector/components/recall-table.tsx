import { useId } from 'react';
import { Link } from 'react-router';
import { RECALL_REASON_CATEGORIES, RECALL_SEVERITIES, type RecallView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import '../inspector.css';

/** Every recall, newest first: in force or lifted, what it reached, each leading to its batch. */
export function RecallTable({ recalls }: { recalls: readonly RecallView[] }) {
  const t = useT();
  const { locale, l } = useLocale();
  const captionId = useId();
  return (
    <div className="inspector-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="inspector-table" data-testid="recall-table">
        <caption id={captionId} className="visually-hidden">
          {t('inspector.recalls.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('inspector.col.lot')}</th>
            <th scope="col">{t('inspector.col.product')}</th>
            <th scope="col">{t('inspector.col.business')}</th>
            <th scope="col">{t('inspector.recall.severity')}</th>
            <th scope="col">{t('inspector.recall.recalledAt')}</th>
            <th scope="col">{t('inspector.col.state')}</th>
            <th scope="col">{t('inspector.recalls.reach')}</th>
          </tr>
        </thead>
        <tbody>
          {recalls.map((recall) => (
            <tr key={recall.id} data-testid="recall-row" data-lot-code={recall.lotCode} data-lifted={recall.liftedAt !== null}>
              <th scope="row">
                <Link to={`/inspector/batches/${recall.batchId}`} className="code">
                  {recall.lotCode}
                </Link>
              </th>
              <td>{l(recall.productName)}</td>
              <td>{recall.businessName}</td>
              <td>{l(RECALL_SEVERITIES[recall.severity])}</td>
              <td>
                <time dateTime={recall.recalledAt}>{formatInstantDate(recall.recalledAt, locale)}</time>
                <br />
                <span className="muted">
                  {l(RECALL_REASON_CATEGORIES[recall.reasonCategory])}: {recall.reason}
                </span>
              </td>
              <td>
                {recall.liftedAt ? (
                  <Badge tone="neutral">{t('inspector.recalls.lifted', { date: formatInstantDate(recall.liftedAt, locale) })}</Badge>
                ) : (
                  <Badge tone="danger">{t('inspector.recalls.active')}</Badge>
                )}
              </td>
              <td>
                {t('inspector.recalls.reachCount', { batches: recall.affected.length, businesses: recall.notifiedBusinesses.length })}
                <br />
                <span data-testid="recall-row-acknowledged">
                  {t('inspector.recall.acknowledgedCount', {
                    acknowledged: recall.notifiedBusinesses.filter((b) => b.acknowledgedAt).length,
                    businesses: recall.notifiedBusinesses.length,
                  })}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
