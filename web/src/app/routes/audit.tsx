import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-error';
import { Pager } from '@/components/ui/pager';
import { Spinner } from '@/components/ui/spinner';
import { useAuditEntries } from '@/features/audit/api/list-audit-entries';
import { AuditFilters } from '@/features/audit/components/audit-filters';
import { AuditEmpty, AuditList } from '@/features/audit/components/audit-list';
import { FILTER_KEYS, filtersFromSearch, NO_FILTERS, toAuditQuery, type AuditFilterValues } from '@/features/audit/utils/audit-filters';
import { useBusinesses } from '@/features/businesses/api/list-businesses';
import { useT } from '@/lib/i18n';

const PAGE = 25;

/** The audit log for administrators and inspectors; filters and page live in the URL. */
export default function AuditRoute() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const offset = Math.max(0, Number.parseInt(search.get('offset') ?? '0', 10) || 0);
  const entries = useAuditEntries(toAuditQuery(filters, PAGE, offset));
  const businesses = useBusinesses({ limit: 100 });

  const apply = (next: AuditFilterValues, nextOffset = 0) => {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) params.set(key, next[key]);
    if (nextOffset > 0) params.set('offset', String(nextOffset));
    setSearch(params);
  };

  const businessOptions = businesses.status === 'success' ? businesses.data.items.map((b) => ({ id: b.id, name: b.legalName })) : [];
  const actions = entries.status === 'success' ? [...new Set(entries.data.items.map((e) => e.action))].sort() : [];
  const filtered = FILTER_KEYS.some((key) => filters[key] !== '');

  return (
    <div className="page" data-testid="audit-page">
      <title>{`${t('audit.title')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('audit.title')}</h1>
      <p className="page__intro">{t('audit.intro')}</p>
      <Card title={t('audit.filters')}>
        <AuditFilters value={filters} onApply={(next) => apply(next)} businesses={businessOptions} actions={actions} />
      </Card>
      <section aria-labelledby="audit-results" className="stack">
        <h2 id="audit-results" className="section-title">
          {t('audit.results')}
        </h2>
        {entries.status === 'loading' ? <Spinner label={t('audit.loading')} /> : null}
        {entries.status === 'error' ? (
          <div>
            <FormError error={entries.error} />
            <Button variant="secondary" onClick={entries.reload}>
              {t('error.retry')}
            </Button>
          </div>
        ) : null}
        {entries.status === 'success' ? (
          entries.data.items.length === 0 ? (
            <AuditEmpty filtered={filtered} onClear={() => apply(NO_FILTERS)} />
          ) : (
            <>
              <AuditList entries={entries.data.items} onFilter={(change) => apply({ ...filters, ...change })} />
              <Pager total={entries.data.total} limit={PAGE} offset={offset} onChange={(next) => apply(filters, next)} label={t('audit.pages')} />
            </>
          )
        ) : null}
      </section>
    </div>
  );
}
