import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '@/components/ui/card';
import { PagedResult } from '@/components/ui/query-result';
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
        <PagedResult
          query={entries}
          loadingLabel={t('audit.loading')}
          retry
          empty={<AuditEmpty filtered={filtered} onClear={() => apply(NO_FILTERS)} />}
          limit={PAGE}
          offset={offset}
          onPage={(next) => apply(filters, next)}
          pagesLabel={t('audit.pages')}
        >
          {(items) => <AuditList entries={items} onFilter={(change) => apply({ ...filters, ...change })} />}
        </PagedResult>
      </section>
    </div>
  );
}
