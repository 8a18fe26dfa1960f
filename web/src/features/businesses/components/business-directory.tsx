import { useState, type FormEvent } from 'react';
import { BUSINESS_STATUSES, type BusinessStatus, type BusinessView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Pager } from '@/components/ui/pager';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';
import { useBusinesses } from '../api/list-businesses';
import { BusinessFacts } from './business-facts';
import { BusinessStatusActions } from './business-status-actions';
import { BusinessStatusBadge } from './business-status-badge';

const PAGE = 20;

/** Every business, searchable by name or tax code and filtered by status, with the status decisions. */
export function BusinessDirectory() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<{ q: string; status: BusinessStatus | '' }>({ q: '', status: '' });
  const [offset, setOffset] = useState(0);
  const query = useBusinesses({ q: filters.q, status: filters.status, limit: PAGE, offset });

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOffset(0);
    setFilters((current) => ({ ...current, q: search.trim() }));
  };

  const replace = (updated: BusinessView) => query.setData((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) }));

  return (
    <div className="stack">
      <form className="filters" role="search" onSubmit={onSearch} aria-label={t('admin.all.searchLabel')}>
        <TextField
          label={t('admin.all.search')}
          hint={t('admin.all.searchHint')}
          type="search"
          name="q"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="filters__grow"
        />
        <SelectField
          label={t('business.status')}
          name="status"
          value={filters.status}
          onChange={(event) => {
            setOffset(0);
            setFilters((current) => ({ ...current, status: event.target.value as BusinessStatus | '' }));
          }}
          data-testid="status-filter"
        >
          <option value="">{t('admin.all.anyStatus')}</option>
          {BUSINESS_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`business.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" className="filters__submit">
          {t('admin.search')}
        </Button>
      </form>

      {query.status === 'loading' ? <Spinner label={t('admin.loading')} /> : null}
      {query.status === 'error' ? <FormError error={query.error} /> : null}
      {query.status === 'success' ? (
        query.data.items.length === 0 ? (
          <p className="muted" data-testid="businesses-empty">
            {t('admin.all.empty')}
          </p>
        ) : (
          <>
            <ul className="entity-list">
              {query.data.items.map((business) => (
                <li key={business.id}>
                  <article className="entity" data-testid="business-row" data-business-id={business.id} data-status={business.status} aria-labelledby={`business-${business.id}`}>
                    <header className="entity__head">
                      <h3 className="entity__title" id={`business-${business.id}`}>
                        {business.legalName}
                      </h3>
                      <BusinessStatusBadge status={business.status} />
                    </header>
                    {business.statusReason && business.status !== 'verified' ? (
                      <p className="entity__reason">
                        {t('business.notice.reason')}: {business.statusReason}
                      </p>
                    ) : null}
                    <details className="entity__more">
                      <summary>{t('admin.all.details')}</summary>
                      <BusinessFacts business={business} compact />
                    </details>
                    <BusinessStatusActions business={business} onChanged={replace} />
                  </article>
                </li>
              ))}
            </ul>
            <Pager total={query.data.total} limit={PAGE} offset={offset} onChange={setOffset} label={t('admin.all.pages')} />
          </>
        )
      ) : null}
    </div>
  );
}

