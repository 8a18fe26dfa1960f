import { Link } from 'react-router';
import { Card } from '@/components/ui/card';
import { portalPath } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';
import '../batches.css';

/** The tasks people come for, one tap away; recording ones only once the business may record. */
export function QuickActions({ businessId, canRecord }: { businessId: string; canRecord: boolean }) {
  const t = useT();
  return (
    <Card title={t('batches.actions.title')} data-testid="quick-actions">
      <div className="quick-actions">
        {canRecord ? (
          <>
            <Link to={portalPath(businessId, '/batches/new')} className="button button--primary" data-testid="new-batch-link">
              {t('batches.actions.newBatch')}
            </Link>
            <Link to={portalPath(businessId, '/shipments')} className="button button--secondary">
              {t('batches.actions.receive')}
            </Link>
          </>
        ) : null}
        <Link to={portalPath(businessId, '/products/new')} className="button button--secondary">
          {t('batches.actions.newProduct')}
        </Link>
      </div>
    </Card>
  );
}
