import { useNavigate, useSearchParams } from 'react-router';
import { Card } from '@/components/ui/card';
import { QueryResult } from '@/components/ui/query-result';
import { useLocations } from '@/lib/api/list-locations';
import { useProducts } from '@/features/products/api/list-products';
import { BatchForm, NoProducts } from '@/features/batches/components/batch-form';
import { BatchesBreadcrumb } from '@/features/batches/components/batches-breadcrumb';
import { mayRecord, RecordingDisabledNotice } from '@/features/batches/components/recording-disabled-notice';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** `/portal/:businessId/batches/new` (`?productId=` picks the product): on success, the batch's page. */
export default function BatchNewRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const membership = usePortalBusiness();
  const { businessId } = membership;
  const products = useProducts(businessId);
  const locations = useLocations(businessId);

  return (
    <div className="page page--narrow" data-testid="batch-new-page">
      <title>{`${t('batches.new.title')} | ${membership.businessName} | ${t('app.name')}`}</title>
      <BatchesBreadcrumb businessId={businessId} current={t('batches.new.title')} />
      <h1 className="page__title">{t('batches.new.title')}</h1>
      <p className="page__intro">{t('batches.new.intro')}</p>
      {mayRecord(membership) ? (
        <Card title={t('batches.detail.facts')}>
          <QueryResult query={products} loadingLabel={t('batches.new.loading')} retry>
            {(productPage) =>
              productPage.items.length === 0 ? (
                <NoProducts newProductPath={portalPath(businessId, '/products/new')} />
              ) : (
                // Shown once the places are known too: a business's only place is the batch's origin from the start,
                // and nothing typed is lost to a form started again when they arrive.
                <QueryResult query={locations} loadingLabel={t('batches.new.loading')} retry>
                  {(locationPage) => (
                    <BatchForm
                      products={productPage.items}
                      locations={locationPage.items}
                      initialProductId={search.get('productId')}
                      onCreated={(batch) => void navigate(portalPath(businessId, `/batches/${batch.id}`))}
                    />
                  )}
                </QueryResult>
              )
            }
          </QueryResult>
        </Card>
      ) : (
        <RecordingDisabledNotice membership={membership} />
      )}
    </div>
  );
}
