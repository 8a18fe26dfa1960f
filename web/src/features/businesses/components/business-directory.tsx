import { BUSINESS_STATUSES, type BusinessStatus } from '@nguon/shared';
import { PagedResult } from '@/components/ui/query-result';
import { SearchFilters } from '@/components/ui/search-filters';
import { useT } from '@/lib/i18n';
import { replaceItem } from '@/lib/page';
import { useListFilters } from '@/lib/use-list-filters';
import { useBusinesses } from '../api/list-businesses';
import { BusinessEntry } from './business-entry';
import { BusinessFacts } from './business-facts';
import { BusinessStatusActions } from './business-status-actions';

const PAGE = 20;

/** Every business, searchable by name or tax code and filtered by status, with the status decisions. */
export function BusinessDirectory() {
  const t = useT();
  const { filters, filter, offset, setOffset } = useListFilters<{ q: string; status: BusinessStatus | '' }>({ q: '', status: '' });
  const query = useBusinesses({ q: filters.q, status: filters.status, limit: PAGE, offset });

  return (
    <div className="stack">
      <SearchFilters
        label={t('admin.all.searchLabel')}
        search={{ label: t('admin.all.search'), hint: t('admin.all.searchHint') }}
        onSearch={(q) => filter({ q })}
        choice={{
          label: t('business.status'),
          name: 'status',
          any: t('admin.all.anyStatus'),
          options: BUSINESS_STATUSES.map((status) => ({ value: status, label: t(`business.status.${status}`) })),
          value: filters.status,
          onChange: (status) => filter({ status }),
          testId: 'status-filter',
        }}
        submitLabel={t('admin.search')}
      />
      <PagedResult
        query={query}
        loadingLabel={t('admin.loading')}
        empty={
          <p className="muted" data-testid="businesses-empty">
            {t('admin.all.empty')}
          </p>
        }
        limit={PAGE}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('admin.all.pages')}
      >
        {(businesses) => (
          <ul className="entity-list">
            {businesses.map((business) => (
              <li key={business.id}>
                <BusinessEntry business={business} idPrefix="business" data-testid="business-row">
                  {business.statusReason && business.status !== 'verified' ? (
                    <p className="entity__reason">
                      {t('business.notice.reason')}: {business.statusReason}
                    </p>
                  ) : null}
                  <details className="entity__more">
                    <summary>{t('admin.all.details')}</summary>
                    <BusinessFacts business={business} compact />
                  </details>
                  <BusinessStatusActions business={business} onChanged={(updated) => query.setData(replaceItem(updated))} />
                </BusinessEntry>
              </li>
            ))}
          </ul>
        )}
      </PagedResult>
    </div>
  );
}
