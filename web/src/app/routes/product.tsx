import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { encodeDigitalLinkValue, type PublicProductView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { useLabelCheck } from '@/features/label-check/api/check-label';
import { LabelCheckResult } from '@/features/label-check/components/label-check-result';
import { usePublicProduct } from '@/features/public-view/api/get-public-product';
import { Certificates } from '@/features/public-view/components/certificates';
import { ProducerCard } from '@/features/public-view/components/producer-card';
import { ProductBatches } from '@/features/public-view/components/product-batches';
import { ProductHeader } from '@/features/public-view/components/product-header';
import { UnregisteredLotNotice } from '@/features/public-view/components/unregistered-lot-notice';
import { productPageMeta } from '@/features/public-view/utils/page-meta';
import { resolvedFromState } from '@/features/resolver/api/resolve-code';
import { useErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { usePageData } from '@/lib/page-data';

/**
 * The code as scanned, when the resolver walked up from a lot it does not know (`unregisteredLot`)
 * and the code was signed: a lot changed on a copied label is then named as such.
 */
function scannedLabel(gtin: string | null, search: URLSearchParams): string | null {
  const lot = search.get('unregisteredLot');
  const query = new URLSearchParams(search);
  query.delete('unregisteredLot');
  if (gtin === null || lot === null || !query.has('sig')) return null;
  return `/01/${gtin}/10/${encodeDigitalLinkValue(lot)}?${query.toString()}`;
}

function ProductPage({ view }: { view: PublicProductView }) {
  const t = useT();
  const { l } = useLocale();
  const [search] = useSearchParams();
  const labelCheck = useLabelCheck(scannedLabel(view.product.gtin, search));
  return (
    <article className="page page--product" data-testid="product-page" data-product-id={view.product.id}>
      <title>{productPageMeta(view, { t, l }).title}</title>
      <UnregisteredLotNotice />
      <LabelCheckResult check={labelCheck} />
      <ProductHeader product={view.product} />
      <ProductBatches batches={view.batches} />
      <ProducerCard producer={view.producer} />
      <Certificates certificates={view.producer.certificates} />
    </article>
  );
}

/** Where the resolver sends a browser that opened `/01/{gtin}` (a GTIN without a lot). */
export default function ProductRoute() {
  const { id = '' } = useParams();
  const location = useLocation();
  const t = useT();
  const errorMessage = useErrorMessage();
  const handedOver = resolvedFromState(location.state);
  const rendered = usePageData();
  const fromServer = rendered?.page === 'product' && rendered.product.product.id === id ? rendered.product : null;
  const state = usePublicProduct(id, fromServer ?? (handedOver?.kind === 'product' ? handedOver.product : null), fromServer !== null);

  if (state.status === 'loading') {
    return (
      <div className="page page--loading" aria-busy="true">
        <Spinner label={t('product.loading')} />
      </div>
    );
  }

  if (state.status === 'error') {
    if (state.code === 'PRODUCT_NOT_FOUND' || state.code === 'NOT_FOUND' || state.code === 'VALIDATION_FAILED') {
      return (
        <div className="page" data-testid="product-not-found">
          <title>{`${t('productNotFound.title')} | ${t('app.name')}`}</title>
          <EmptyState
            title={t('productNotFound.title')}
            action={
              <Link to="/" className="button button--primary">
                {t('batchNotFound.action')}
              </Link>
            }
          >
            <p>{t('productNotFound.text')}</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page" data-testid="product-error">
        <EmptyState title={t('error.title')} action={<Button onClick={state.retry}>{t('error.retry')}</Button>}>
          <p>{errorMessage(state.code)}</p>
        </EmptyState>
      </div>
    );
  }

  return <ProductPage view={state.data} />;
}
