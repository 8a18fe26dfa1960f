import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BATCH_STATUSES, type BatchStatus } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { PagedResult } from '@/components/ui/query-result';
import { SearchFilters } from '@/components/ui/search-filters';
import { useBatches } from '@/features/lots/api/list-batches';
import { useProducts } from '@/features/catalog/api/list-products';
import { BatchList } from '@/features/lots/components/batch-list';
import { mayRecord } from '@/features/lots/components/recording-disabled-notice';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { useLocale, useT } from '@/lib/i18n';
import { useListFilters } from '@/lib/use-list-filters';

const PAGE = 20;

/** `/portal/:businessId/batches`: search, filter by status (and by product from `?productId=`), page. */
export default function BatchesRoute() {
  const t = useT();
  const { l } = useLocale();
  const membership = usePortalBusiness();
  const { businessId } = membership;
  const [search] = useSearchParams();
  const { filters, filter, offset, setOffset } = useListFilters<{ q: string; status: BatchStatus | ''; productId: string }>({
    q: '',
    status: '',
    productId: search.get('productId') ?? '',
  });
  const batches = useBatches(businessId, { ...filters, status: filters.status || undefined, limit: PAGE, offset });
  const products = useProducts(businessId);
  const product = products.status === 'success' ? products.data.items.find((p) => p.id === filters.productId) : undefined;
  const filtered = Boolean(filters.q || filters.status || filters.productId);
  // The search box keeps its own text: clearing the filters starts it afresh.
  const [searchBox, setSearchBox] = useState(0);
  const clear = () => {
    filter({ q: '', status: '', productId: '' });
    setSearchBox((n) => n + 1);
  };

  return (
    <div className="page" data-testid="batches-page">
      <title>{`${t('lots.list.title')} | ${membership.businessName} | ${t('app.name')}`}</title>
      <header className="page__header lots-header">
        <h1 className="page__title">{t('lots.list.title')}</h1>
        {mayRecord(membership) ? (
          <Link
            to={portalPath(businessId, `/batches/new${filters.productId ? `?productId=${encodeURIComponent(filters.productId)}` : ''}`)}
            className="button button--primary"
            data-testid="new-batch-link"
          >
            {t('lots.actions.newBatch')}
          </Link>
        ) : null}
      </header>
      <p className="page__intro">{t('lots.list.intro')}</p>
      <SearchFilters<BatchStatus>
        key={searchBox}
        label={t('lots.list.filters')}
        search={{ label: t('lots.list.search'), hint: t('lots.list.searchHint') }}
        onSearch={(q) => filter({ q })}
        choice={{
          label: t('lots.list.status'),
          name: 'status',
          any: t('lots.list.anyStatus'),
          options: BATCH_STATUSES.map((status) => ({ value: status, label: t(`batch.status.${status}`) })),
          value: filters.status,
          onChange: (status) => filter({ status }),
          testId: 'batch-status-filter',
        }}
        submitLabel={t('lots.list.submit')}
      />
      {filters.productId ? (
        <p className="lots-chip-row">
          <span className="chip" data-testid="product-filter">
            {t('lots.list.product', { product: product ? l(product.name) : '…' })}
          </span>{' '}
          <button type="button" className="link-button" onClick={() => filter({ productId: '' })}>
            {t('lots.list.allProducts')}
          </button>
        </p>
      ) : null}
      <PagedResult
        query={batches}
        loadingLabel={t('lots.list.loading')}
        retry
        empty={
          <div className="muted" data-testid="batches-empty">
            <p>{t(filtered ? 'lots.list.emptyFiltered' : 'lots.list.empty')}</p>
            {filtered ? (
              <Button variant="secondary" onClick={clear}>
                {t('lots.list.clear')}
              </Button>
            ) : null}
          </div>
        }
        limit={PAGE}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('lots.list.pages')}
      >
        {(items) => <BatchList businessId={businessId} batches={items} />}
      </PagedResult>
    </div>
  );
}
