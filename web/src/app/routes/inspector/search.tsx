import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Card } from '@/components/ui/card';
import { PagedResult } from '@/components/ui/query-result';
import { useBatchSearch } from '@/features/inspector/api/search-batches';
import { BatchSearchForm } from '@/features/inspector/components/batch-search-form';
import { SearchResults } from '@/features/inspector/components/search-results';
import { hasFilters, searchParamsOf, searchStateFrom, toSearchQuery, type SearchState } from '@/features/inspector/utils/search-params';
import { useT } from '@/lib/i18n';

const PAGE = 25;

/** The inspector's starting point: find any batch of any business, then open its trace. */
export default function InspectorSearchRoute() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => searchStateFrom(params), [params]);
  const results = useBatchSearch(toSearchQuery(state, PAGE));
  const apply = (change: Partial<SearchState>) => setParams(searchParamsOf({ ...state, offset: 0, ...change }));
  const fieldErrors = results.status === 'error' ? results.error.fieldErrors : {};

  return (
    <div className="page" data-testid="inspector-search-page">
      <title>{`${t('inspector.search.title')} | ${t('app.name')}`}</title>
      <div className="page__header">
        <h1 className="page__title">{t('inspector.search.title')}</h1>
        <Link to="/inspector/recalls" className="button button--secondary">
          {t('inspector.recalls.title')}
        </Link>
      </div>
      <p className="page__intro">{t('inspector.search.intro')}</p>
      <Card title={t('inspector.search.filters')}>
        <BatchSearchForm value={state.filters} onApply={(filters) => apply({ filters })} fieldErrors={fieldErrors} />
      </Card>
      <section aria-labelledby="inspector-results" className="stack">
        <h2 id="inspector-results" className="section-title">
          {t('inspector.results.title')}
        </h2>
        <PagedResult
          query={results}
          loadingLabel={t('inspector.results.loading')}
          retry
          empty={
            <p className="muted" data-testid="search-empty">
              {t(hasFilters(state.filters) ? 'inspector.results.none' : 'inspector.results.empty')}
            </p>
          }
          limit={PAGE}
          offset={state.offset}
          onPage={(offset) => apply({ offset })}
          pagesLabel={t('inspector.results.pages')}
        >
          {(items) => <SearchResults items={items} sort={state.sort} onSort={(sort) => apply({ sort })} />}
        </PagedResult>
      </section>
    </div>
  );
}
