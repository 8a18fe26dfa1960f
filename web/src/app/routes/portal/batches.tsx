import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BATCH_STATUSES, type BatchStatus } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { PagedResult } from '@/components/ui/query-result';
import { SearchFilters } from '@/components/ui/search-filters';
import { useBatches } from '@/features/batches/api/list-batches';
import { useProducts } from '@/features/products/api/list-products';
import { BatchList } from '@/features/batches/components/batch-list';
import { mayRecord } from '@/features/batches/components/recording-disabled-notice';
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
      <title>{`${t('batches.list.title')} | ${membership.businessName} | ${t('app.name')}`}</title>
      <header className="page__header batches-header">
        <h1 className="page__title">{t('batches.list.title')}</h1>
        {mayRecord(membership) ? (
          <Link
            to={portalPath(businessId, `/batches/new${filters.productId ? `?productId=${encodeURIComponent(filters.productId)}` : ''}`)}
            className="button button--primary"
            data-testid="new-batch-link"
          >
            {t('batches.actions.newBatch')}
          </Link>
        ) : null}
      </header>
      <p className="page__intro">{t('batches.list.intro')}</p>
      <SearchFilters<BatchStatus>
        key={searchBox}
        label={t('batches.list.filters')}
        search={{ label: t('batches.list.search'), hint: t('batches.list.searchHint') }}
        onSearch={(q) => filter({ q })}
        choice={{
          label: t('batches.list.status'),
          name: 'status',
          any: t('batches.list.anyStatus'),
          options: BATCH_STATUSES.map((status) => ({ value: status, label: t(`batch.status.${status}`) })),
          value: filters.status,
          onChange: (status) => filter({ status }),
          testId: 'batch-status-filter',
        }}
        submitLabel={t('batches.list.submit')}
      />
      {filters.productId ? (
        <p className="batches-chip-row">
          <span className="chip" data-testid="product-filter">
            {t('batches.list.product', { product: product ? l(product.name) : '…' })}
          </span>{' '}
          <button type="button" className="link-button" onClick={() => filter({ productId: '' })}>
            {t('batches.list.allProducts')}
          </button>
        </p>
      ) : null}
      <PagedResult
        query={batches}
        loadingLabel={t('batches.list.loading')}
        retry
        empty={
          <div className="muted" data-testid="batches-empty">
            <p>{t(filtered ? 'batches.list.emptyFiltered' : 'batches.list.empty')}</p>
            {filtered ? (
              <Button variant="secondary" onClick={clear}>
                {t('batches.list.clear')}
              </Button>
            ) : null}
          </div>
        }
        limit={PAGE}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('batches.list.pages')}
      >
        {(items) => <BatchList businessId={businessId} batches={items} />}
      </PagedResult>
    </div>
  );
}
