import { useState } from 'react';
import type { BusinessView } from '@nguon/shared';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { usePluralT, useT } from '@/lib/i18n';
import { useBusinesses } from '../api/list-businesses';
import { BusinessEntry } from './business-entry';
import { BusinessFacts } from './business-facts';
import { BusinessStatusActions } from './business-status-actions';

const PAGE = 50;

/**
 * Businesses waiting for an administrator, oldest request first as the server lists them. A
 * decision updates the entry in place (so the administrator sees what they did) until a reload,
 * and the count of those still waiting at once.
 */
export function PendingBusinesses() {
  const t = useT();
  const tp = usePluralT();
  const query = useBusinesses({ status: 'pending', limit: PAGE });
  const [decided, setDecided] = useState<Record<string, BusinessView>>({});

  return (
    <QueryResult query={query} loadingLabel={t('admin.loading')} retry>
      {(page) => {
        const items = page.items.map((item) => decided[item.id] ?? item);
        const waiting = page.total - Object.values(decided).filter((business) => business.status !== 'pending').length;
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
            <p className="muted" aria-live="polite" data-testid="pending-count" data-count={waiting}>
              {tp('admin.pending.count', waiting)}
            </p>
            <ul className="entity-list">
              {items.map((business) => (
                <li key={business.id}>
                  <BusinessEntry business={business} idPrefix="pending" data-testid="pending-business">
                    <BusinessFacts business={business} compact />
                    {business.status === 'pending' ? (
                      <BusinessStatusActions
                        business={business}
                        onChanged={(updated) => setDecided((current) => ({ ...current, [updated.id]: updated }))}
                      />
                    ) : (
                      <Notice tone={business.status === 'verified' ? 'success' : 'danger'} role="status" data-testid="pending-decision">
                        {business.status === 'verified'
                          ? t('admin.pending.verified', { name: business.legalName })
                          : t('admin.pending.rejected', { name: business.legalName })}
                      </Notice>
                    )}
                  </BusinessEntry>
                </li>
              ))}
            </ul>
          </div>
        );
      }}
    </QueryResult>
  );
}
