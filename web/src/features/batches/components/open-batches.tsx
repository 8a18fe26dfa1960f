import { Link } from 'react-router';
import type { DashboardBatch } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { ChevronRightIcon } from '@/components/ui/icons';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { portalPath } from '@/lib/use-portal-business';
import { DEFAULT_OFFSET, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import '../batches.css';

/** The newest open batches, and the way to all of them. */
export function OpenBatches({ businessId, batches }: { businessId: string; batches: readonly DashboardBatch[] }) {
  const t = useT();
  const { locale, l } = useLocale();
  return (
    <Card title={t('batches.open.title')} data-testid="open-batches">
      {batches.length === 0 ? (
        <p className="muted">{t('batches.open.empty')}</p>
      ) : (
        <ul className="link-list">
          {batches.map((batch) => (
            <li key={batch.id}>
              <Link
                to={portalPath(businessId, `/batches/${batch.id}`)}
                className="link-row"
                data-testid="open-batch"
                data-batch-id={batch.id}
              >
                <span className="link-row__text">
                  <span className="link-row__title">
                    <span className="code">{batch.lotCode}</span> · {l(batch.productName)}
                  </span>
                  <span className="link-row__meta batches-meta">
                    <BatchStatusBadge status={batch.status} />
                    <span className="muted">
                      {batch.lastEventAt
                        ? t('batches.lastEvent', { time: formatEventTime(batch.lastEventAt, DEFAULT_OFFSET, locale) })
                        : t('batches.noEvent')}
                    </span>
                  </span>
                </span>
                <ChevronRightIcon className="link-row__chevron" />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="card__footer">
        <Link to={portalPath(businessId, '/batches')}>{t('batches.open.all')}</Link>
      </p>
    </Card>
  );
}
