import { useState } from 'react';
import { Link } from 'react-router';
import {
  CBV_BIZ_TRANSACTION_TYPES,
  RECEIPT_SHORTFALL_REASONS,
  type CbvBizTransactionType,
  type IncomingShipmentView,
  type LocationView,
} from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { portalPath } from '@/lib/use-portal-business';
import { formatEventTime, formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { ReceiveShipmentForm } from './receive-shipment-form';

const isCbvType = (type: string): type is CbvBizTransactionType => (CBV_BIZ_TRANSACTION_TYPES as readonly string[]).includes(type);

interface IncomingShipmentProps {
  shipment: IncomingShipmentView;
  businessId: string;
  /** The business's places (null while they load), and the one it usually receives at. */
  locations: readonly LocationView[] | null;
  placeId: string | null;
  /** After it was received: the list moves it to the received ones. */
  onReceived: () => void;
}

/**
 * One shipment to the business: what, how much, from whom, under which documents. "Received" opens
 * the receipt filled in (place, quantity, now) to confirm or correct; a received one says where and how much.
 */
export function IncomingShipment({ shipment, businessId, locations, placeId, onReceived }: IncomingShipmentProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const [receiving, setReceiving] = useState(false);
  const receipt = shipment.received;
  const batchPath = portalPath(businessId, `/batches/${encodeURIComponent(shipment.batch.id)}`);
  return (
    <li className="row events-shipment" data-testid="incoming-shipment" data-lot={shipment.batch.lotCode}>
      <div className="events-shipment__head">
        <h3 className="row__title">
          <Link to={batchPath}>{l(shipment.batch.productName)}</Link> · <span className="code">{shipment.batch.lotCode}</span>
        </h3>
        {shipment.received ? (
          <Badge tone="success">{t('events.shipments.receivedBadge')}</Badge>
        ) : (
          <Badge tone="warning">{t('events.shipments.pendingBadge')}</Badge>
        )}
      </div>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('events.shipments.sender')}</dt>
          <dd>{shipment.sender.name}</dd>
        </div>
        {shipment.quantity !== null ? (
          <div className="facts__row">
            <dt>{t('events.field.quantity')}</dt>
            <dd>{formatQuantity(shipment.quantity, shipment.unit, locale)}</dd>
          </div>
        ) : null}
        <div className="facts__row">
          <dt>{t('events.shipments.shippedAt')}</dt>
          <dd>{formatEventTime(shipment.shippedAt, shipment.shippedTimeZoneOffset, locale)}</dd>
        </div>
        {shipment.documents.map((document) => (
          <div className="facts__row" key={`${document.type}:${document.id}`}>
            <dt>{isCbvType(document.type) ? t(`events.document.${document.type}`) : document.type}</dt>
            <dd className="code">{document.id}</dd>
          </div>
        ))}
        {receipt ? (
          <>
            <div className="facts__row">
              <dt>{t('events.shipments.receivedAt')}</dt>
              <dd>{formatEventTime(receipt.receivedAt, receipt.receivedTimeZoneOffset, locale)}</dd>
            </div>
            {receipt.place ? (
              <div className="facts__row">
                <dt>{t('events.shipments.receivedPlace')}</dt>
                <dd data-testid="received-place">{receipt.place.name}</dd>
              </div>
            ) : null}
            {receipt.quantity !== null ? (
              <div className="facts__row">
                <dt>{t('events.shipments.receivedQuantity')}</dt>
                <dd data-testid="received-quantity">
                  {formatQuantity(receipt.quantity, receipt.unit, locale)}
                  {receipt.shortfallReason ? ` · ${l(RECEIPT_SHORTFALL_REASONS[receipt.shortfallReason])}` : ''}
                </dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
      {receipt ? null : receiving && locations ? (
        <ReceiveShipmentForm
          shipment={shipment}
          businessId={businessId}
          locations={locations}
          placeId={placeId}
          onReceived={onReceived}
          onCancel={() => setReceiving(false)}
        />
      ) : (
        <div>
          <Button onClick={() => setReceiving(true)} disabled={!locations} data-testid="receive-shipment">
            {t('events.shipments.receive')}
          </Button>
        </div>
      )}
    </li>
  );
}
