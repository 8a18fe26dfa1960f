import { IncomingShipments } from '@/features/events/components/incoming-shipments';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** `/portal/:businessId/shipments`: goods shipped to the business, to confirm on arrival. */
export default function ShipmentsRoute() {
  const t = useT();
  const { businessId, businessName } = usePortalBusiness();
  return (
    <div className="page" data-testid="shipments-page">
      <title>{`${t('events.shipments.title')} | ${businessName} | ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title">{t('events.shipments.title')}</h1>
        <p className="events-intro">{t('events.shipments.intro')}</p>
      </header>
      <IncomingShipments businessId={businessId} />
    </div>
  );
}
