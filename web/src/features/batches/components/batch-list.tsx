import { Link } from 'react-router';
import type { BatchListItem } from '@nguon/shared';
import { ChevronRightIcon } from '@/components/ui/icons';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { portalPath } from '@/lib/use-portal-business';
import { DEFAULT_OFFSET, formatDate, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import '../batches.css';

/** The business's batches, each leading to its page. */
export function BatchList({ businessId, batches }: { businessId: string; batches: readonly BatchListItem[] }) {
  const t = useT();
  const { locale, l } = useLocale();
  return (
    <ul className="link-list" data-testid="batch-list">
      {batches.map((batch) => (
        <li key={batch.id}>
          <Link
            to={portalPath(businessId, `/batches/${batch.id}`)}
            className="link-row"
            data-testid="batch-row"
            data-batch-id={batch.id}
            data-lot-code={batch.lotCode}
          >
            <span className="link-row__text">
              <span className="link-row__title">
                <span className="code">{batch.lotCode}</span> · {l(batch.productName)}
              </span>
              {batch.displayName ? <span>{batch.displayName}</span> : null}
              <span className="link-row__meta batches-meta">
                <BatchStatusBadge status={batch.status} />
                <span className="muted">{t('batches.list.produced', { date: formatDate(batch.productionDate, locale) })}</span>
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
  );
}
