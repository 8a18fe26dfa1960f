import type { DashboardView } from '@nguon/shared';
import { Link } from 'react-router';
import { Card } from '@/components/ui/card';
import { portalPath } from '@/lib/use-portal-business';
import { formatNumber } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { ScanBars } from './scan-bars';
import '../batches.css';

/** The business in three numbers: products, open batches, scans this week (with its days). */
export function DashboardFigures({ businessId, dashboard }: { businessId: string; dashboard: DashboardView }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Card title={t('batches.counts.title')} data-testid="dashboard-figures">
      <dl className="figures">
        <div className="figures__item">
          <dt>{t('batches.counts.products')}</dt>
          <dd>
            <Link to={portalPath(businessId, '/products')} className="figures__value" data-testid="count-products">
              {formatNumber(dashboard.counts.products, locale)}
            </Link>
          </dd>
        </div>
        <div className="figures__item">
          <dt>{t('batches.counts.openBatches')}</dt>
          <dd>
            <Link to={portalPath(businessId, '/batches')} className="figures__value" data-testid="count-open-batches">
              {formatNumber(dashboard.counts.openBatches, locale)}
            </Link>
          </dd>
        </div>
        <div className="figures__item figures__item--wide">
          <dt>{t('batches.counts.scansWeek')}</dt>
          <dd>
            <span className="figures__value" data-testid="count-scans">
              {formatNumber(dashboard.scans.total, locale)}
            </span>
            <ScanBars days={dashboard.scans.days} />
          </dd>
        </div>
      </dl>
    </Card>
  );
}
