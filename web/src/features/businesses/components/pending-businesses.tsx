import { useState } from 'react';
import type { BusinessView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { Spinner } from '@/components/ui/spinner';
import { useT } from '@/lib/i18n';
import { useBusinesses } from '../api/list-businesses';
import { BusinessFacts } from './business-facts';
import { BusinessStatusActions } from './business-status-actions';
import { BusinessStatusBadge } from './business-status-badge';

const PAGE = 50;

/**
 * Businesses waiting for an administrator, oldest request first as the server lists them. A
 * decision updates the entry in place (so the administrator sees what they did) until a reload.
 */
export function PendingBusinesses() {
  const t = useT();
  const query = useBusinesses({ status: 'pending', limit: PAGE });
  const [decided, setDecided] = useState<Record<string, BusinessView>>({});

  if (query.status === 'loading') return <Spinner label={t('admin.loading')} />;
  if (query.status === 'error') {
    return (
      <div>
        <FormError error={query.error} />
        <Button variant="secondary" onClick={query.reload}>
          {t('error.retry')}
        </Button>
      </div>
    );
  }

  const items = query.data.items.map((item) => decided[item.id] ?? item);
  if (items.length === 0) {
    return (
      <div data-testid="pending-empty">
        <EmptyState title={t('admin.pending.emptyTitle')}>
          <p>{t('admin.pending.empty')}</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="stack">
      <p className="muted" aria-live="polite">
        {t('admin.pending.count', { count: query.data.total })}
      </p>
      <ul className="entity-list">
        {items.map((business) => (
          <li key={business.id}>
            <article className="entity" data-testid="pending-business" data-business-id={business.id} data-status={business.status} aria-labelledby={`pending-${business.id}`}>
              <header className="entity__head">
                <h3 className="entity__title" id={`pending-${business.id}`}>
                  {business.legalName}
                </h3>
                <BusinessStatusBadge status={business.status} />
              </header>
              <BusinessFacts business={business} compact />
              {business.status === 'pending' ? (
                <BusinessStatusActions business={business} onChanged={(updated) => setDecided((current) => ({ ...current, [updated.id]: updated }))} />
              ) : (
                <Notice tone={business.status === 'verified' ? 'success' : 'danger'} role="status" data-testid="pending-decision">
                  {business.status === 'verified'
                    ? t('admin.pending.verified', { name: business.legalName })
                    : t('admin.pending.rejected', { name: business.legalName })}
                </Notice>
              )}
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
