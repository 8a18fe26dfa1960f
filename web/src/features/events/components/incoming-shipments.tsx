import { useState } from 'react';
import type { ShipmentStatusFilter } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { PagedResult } from '@/components/ui/query-result';
import { Tabs } from '@/components/ui/tabs';
import { useLocations } from '@/lib/api/list-locations';
import { useT } from '@/lib/i18n';
import { useIncomingShipments } from '../api/list-incoming-shipments';
import { IncomingShipment } from './incoming-shipment';
import '../events.css';

const LIMIT = 20;

/** Shipments sent to the business by others on the portal: those waiting for it, and those it received. */
export function IncomingShipments({ businessId }: { businessId: string }) {
  const t = useT();
  const [status, setStatus] = useState<Exclude<ShipmentStatusFilter, 'all'>>('pending');
  const [offset, setOffset] = useState(0);
  const [received, setReceived] = useState<string | null>(null);
  const shipments = useIncomingShipments(businessId, status, { limit: LIMIT, offset });
  const locations = useLocations(businessId);
  // The usual place: where the latest shipment received was received (the server's default too), else the first place.
  const latest = useIncomingShipments(businessId, 'received', { limit: 1, offset: 0 });
  const places = locations.status === 'success' ? locations.data.items : null;
  const lastPlace = latest.status === 'success' ? latest.data.items[0]?.received?.place?.id : undefined;
  const placeId = places?.find((p) => p.id === lastPlace)?.id ?? places?.[0]?.id ?? null;
  return (
    <div className="stack" data-testid="incoming-shipments">
      {received ? (
        <Notice tone="success" role="status" data-testid="received-notice">
          {t('events.shipments.receivedNotice', { lot: received })}
        </Notice>
      ) : null}
      <Tabs
        label={t('events.shipments.tabs')}
        tabs={[
          { key: 'pending', label: t('events.shipments.pending') },
          { key: 'received', label: t('events.shipments.received') },
        ]}
        selected={status}
        onSelect={(key) => {
          setStatus(key);
          setOffset(0);
        }}
      >
        <PagedResult
          query={shipments}
          loadingLabel={t('events.loading')}
          retry
          empty={<p className="muted">{t(`events.shipments.empty.${status}`)}</p>}
          limit={LIMIT}
          offset={offset}
          onPage={setOffset}
          pagesLabel={t('events.shipments.pages')}
        >
          {(items) => (
            <ul className="row-list">
              {items.map((shipment) => (
                <IncomingShipment
                  key={shipment.eventId}
                  shipment={shipment}
                  businessId={businessId}
                  locations={places}
                  placeId={placeId}
                  onReceived={() => {
                    setReceived(shipment.batch.lotCode);
                    // Off the waiting list at once, as the notice says; the reload brings the server's view.
                    shipments.setData((page) => ({
                      ...page,
                      items: page.items.filter((s) => s.eventId !== shipment.eventId),
                      total: page.total - 1,
                    }));
                    shipments.reload();
                    latest.reload();
                  }}
                />
              ))}
            </ul>
          )}
        </PagedResult>
      </Tabs>
    </div>
  );
}
