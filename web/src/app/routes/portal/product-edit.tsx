import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ProductView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { QueryResult } from '@/components/ui/query-result';
import { useProduct } from '@/features/products/api/get-product';
import { CertificatesSection } from '@/features/businesses/components/certificates-section';
import { ProductForm } from '@/features/products/components/product-form';
import { ReadOnlyNote } from '@/components/ui/read-only-note';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { useLocale, usePluralT, useT } from '@/lib/i18n';

/** A new product (`products/new`) or an existing one (`products/:productId`) with its certificates. */
export default function ProductEditRoute() {
  const t = useT();
  const tp = usePluralT();
  const { l } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const membership = usePortalBusiness();
  const { productId = null } = useParams();
  const product = useProduct(productId);
  const canManage = membership.role === 'owner';
  // A product just created arrives here with a note, so the owner knows it was kept.
  const justCreated = Boolean((location.state as { saved?: boolean } | null)?.saved);
  const [savedHere, setSaved] = useState(false);

  const header = (title: string) => (
    <header className="page__header">
      <p>
        <Link to={portalPath(membership.businessId, '/products')}>{t('products.edit.back')}</Link>
      </p>
      <h1 className="page__title">{title}</h1>
    </header>
  );

  if (!productId) {
    return (
      <div className="page page--narrow" data-testid="product-page">
        {header(t('products.edit.newTitle'))}
        {canManage ? null : <ReadOnlyNote />}
        <ProductForm
          businessId={membership.businessId}
          product={null}
          readOnly={!canManage}
          onSaved={(created: ProductView) =>
            void navigate(portalPath(membership.businessId, `/products/${created.id}`), { state: { saved: true } })
          }
        />
      </div>
    );
  }

  return (
    <div className="page page--narrow" data-testid="product-page">
      <QueryResult query={product} loadingLabel={t('products.edit.loading')} retry>
        {(view) => (
          <>
            {header(l(view.name))}
            {canManage ? null : <ReadOnlyNote />}
            {justCreated || savedHere ? (
              <Notice tone="success" role="status" data-testid="product-saved">
                {t('products.edit.saved')}
              </Notice>
            ) : null}
            {view.batchCount > 0 ? <p className="muted">{tp('products.edit.batchCount', view.batchCount)}</p> : null}
            <ProductForm
              key={view.id}
              businessId={membership.businessId}
              product={view}
              readOnly={!canManage}
              onSaved={(updated) => {
                product.setData(() => updated);
                setSaved(true);
              }}
            />
            <Card title={t('products.edit.certificates')} intro={t('products.edit.certificatesIntro')}>
              <CertificatesSection
                businessId={membership.businessId}
                holder={{ kind: 'product', id: view.id }}
                certificates={view.certificates}
                canManage={canManage}
                onChange={(certificates) => product.setData((p) => ({ ...p, certificates }))}
              />
            </Card>
          </>
        )}
      </QueryResult>
    </div>
  );
}
