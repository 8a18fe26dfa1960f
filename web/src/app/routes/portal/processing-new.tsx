import { useSearchParams } from 'react-router';
import { FormError } from '@/components/ui/form-error';
import { Spinner } from '@/components/ui/spinner';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useIncomingShipments } from '@/features/events/api/list-incoming-shipments';
import { useLocations } from '@/lib/api/list-locations';
import { useProducts } from '@/features/products/api/list-products';
import { useBatches } from '@/features/batches/api/list-batches';
import { ProcessingForm } from '@/features/events/components/processing-form';
import { initialProcessing, type InputCandidate } from '@/features/events/utils/processing-values';
import { useT } from '@/lib/i18n';
import '@/features/events/events.css';

/** `/portal/:businessId/processing/new[?input=<batchId>]`: process batches into a new one. */
export default function ProcessingNewRoute() {
  const t = useT();
  const [params] = useSearchParams();
  const { businessId, businessName } = usePortalBusiness();
  const own = useBatches(businessId, { status: 'active', limit: 100 });
  const received = useIncomingShipments(businessId, 'received', { limit: 100, offset: 0 });
  const products = useProducts(businessId);
  const locations = useLocations(businessId);
  const queries = [own, received, products, locations];
  const failed = queries.find((q) => q.status === 'error');

  let body;
  if (failed?.status === 'error') body = <FormError error={failed.error} />;
  else if (own.status !== 'success' || received.status !== 'success' || products.status !== 'success' || locations.status !== 'success')
    body = <Spinner label={t('events.loading')} />;
  else {
    const candidates: InputCandidate[] = own.data.items.map((b) => ({
      id: b.id,
      lotCode: b.lotCode,
      productName: b.productName,
      quantity: b.quantity,
      unit: b.unit,
      received: false,
    }));
    for (const shipment of received.data.items) {
      if (candidates.some((c) => c.id === shipment.batch.id)) continue;
      candidates.push({
        id: shipment.batch.id,
        lotCode: shipment.batch.lotCode,
        productName: shipment.batch.productName,
        // What arrived (less than shipped, after a short delivery).
        quantity: shipment.received?.quantity ?? shipment.quantity,
        unit: shipment.received?.unit ?? shipment.unit,
        received: true,
      });
    }
    body = (
      <ProcessingForm
        businessId={businessId}
        candidates={candidates}
        products={products.data.items}
        locations={locations.data.items}
        initial={initialProcessing(candidates, params.get('input'), locations.data.items[0]?.id ?? null)}
      />
    );
  }
  return (
    <div className="page events-page" data-testid="processing-page">
      <title>{`${t('events.processing.title')} | ${businessName} | ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title">{t('events.processing.title')}</h1>
        <p className="events-intro">{t('events.stage.processing.intro')}</p>
      </header>
      {body}
    </div>
  );
}
