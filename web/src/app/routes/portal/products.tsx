import { useState } from 'react';
import { Link } from 'react-router';
import { PagedResult } from '@/components/ui/query-result';
import { useProducts } from '@/features/products/api/list-products';
import { ProductList } from '@/features/products/components/product-list';
import { ReadOnlyNote } from '@/components/ui/read-only-note';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

const LIMIT = 20;

/** The business's products, newest first; owners add and edit them. */
export default function ProductsRoute() {
  const t = useT();
  const membership = usePortalBusiness();
  const [offset, setOffset] = useState(0);
  const products = useProducts(membership.businessId, { limit: LIMIT, offset });
  const canManage = membership.role === 'owner';
  return (
    <div className="page" data-testid="products-page">
      <header className="page__header">
        <h1 className="page__title">{t('products.title')}</h1>
        <p className="page__intro">{t('products.intro')}</p>
        {canManage ? (
          <p>
            <Link className="button button--primary" to={portalPath(membership.businessId, '/products/new')} data-testid="new-product">
              {t('products.new')}
            </Link>
          </p>
        ) : null}
      </header>
      {canManage ? null : <ReadOnlyNote />}
      <PagedResult
        query={products}
        loadingLabel={t('products.loading')}
        retry
        empty={<p className="muted">{t('products.empty')}</p>}
        limit={LIMIT}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('products.pages')}
      >
        {(items) => <ProductList businessId={membership.businessId} products={items} />}
      </PagedResult>
    </div>
  );
}
