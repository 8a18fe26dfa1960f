import { Link } from 'react-router';
import { CBV_BIZ_TRANSACTION_TYPES, type CbvBizTransactionType, type IncomingShipmentView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { portalPath } from '@/lib/use-portal-business';
import { DEFAULT_OFFSET, formatEventTime, formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { receiveShipment } from '../api/receive-shipment';

const isCbvType = (type: string): type is CbvBizTransactionType => (CBV_BIZ_TRANSACTION_TYPES as readonly string[]).includes(type);

interface IncomingShipmentProps {
  shipment: IncomingShipmentView;
  businessId: string;
  /** After it was received: the list moves it to the received ones. */
  onReceived: () => void;
}

/** One shipment to the business: what, how much, from whom, under which documents; received with one click. */
export function IncomingShipment({ shipment, businessId, onReceived }: IncomingShipmentProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const action = useAction(receiveShipment);
  const receive = async () => {
    const result = await action.run(shipment.eventId, {}, { locale });
    if (result.ok) onReceived();
  };
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
        {shipment.received ? (
          <div className="facts__row">
            <dt>{t('events.shipments.receivedAt')}</dt>
            <dd>{formatEventTime(shipment.received.receivedAt, DEFAULT_OFFSET, locale)}</dd>
          </div>
        ) : null}
      </dl>
      {shipment.received ? null : (
        <div className="stack">
          <FormError error={action.error} />
          <Button onClick={() => void receive()} disabled={action.pending} data-testid="receive-shipment">
            {action.pending ? t('form.saving') : t('events.shipments.receive')}
          </Button>
        </div>
      )}
    </li>
  );
}
