import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DashboardView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ChevronRightIcon } from '@/components/ui/icons';
import { portalPath } from '@/lib/use-portal-business';
import { formatDate, formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import '../batches.css';

const DAY_MS = 86_400_000;

function AttentionItem({
  to,
  kind,
  tone,
  children,
  hint,
}: {
  to: string;
  kind: string;
  tone: 'warning' | 'danger';
  children: ReactNode;
  hint: string;
}) {
  return (
    <li>
      <Link to={to} className="link-row attention" data-testid="attention-item" data-kind={kind}>
        <span className={`attention__mark attention__mark--${tone}`} aria-hidden="true" />
        <span className="link-row__text">
          <span className="link-row__title">{children}</span>
          <span className="link-row__meta muted">{hint}</span>
        </span>
        <ChevronRightIcon className="link-row__chevron" />
      </Link>
    </li>
  );
}

/** What the business should see to: shipments to receive, certificates to renew, quiet batches. */
export function AttentionList({ businessId, attention }: { businessId: string; attention: DashboardView['attention'] }) {
  const t = useT();
  const { locale, l } = useLocale();
  const count = attention.unreceivedShipments.length + attention.certificates.length + attention.staleBatches.length;
  return (
    <Card
      title={
        <>
          {t('batches.attention.title')} {count ? <Badge tone="warning">{count}</Badge> : null}
        </>
      }
      data-testid="attention"
    >
      {count === 0 ? (
        <p className="muted" data-testid="attention-none">
          {t('batches.attention.none')}
        </p>
      ) : (
        <ul className="link-list">
          {attention.unreceivedShipments.map((shipment) => (
            <AttentionItem
              key={shipment.eventId}
              to={portalPath(businessId, '/shipments')}
              kind="shipment"
              tone="warning"
              hint={t('batches.attention.shipmentHint')}
            >
              {t('batches.attention.shipment', {
                sender: shipment.fromBusiness?.name ?? t('batches.attention.shipmentUnknown'),
                lot: shipment.batch.lotCode,
                product: l(shipment.batch.productName),
                date: formatInstantDate(shipment.shippedAt, locale, shipment.eventTimeZoneOffset),
              })}
            </AttentionItem>
          ))}
          {attention.certificates.map((certificate) => (
            <AttentionItem
              key={certificate.id}
              to={portalPath(businessId, '/certificates')}
              kind="certificate"
              tone={certificate.validity === 'expired' ? 'danger' : 'warning'}
              hint={t('batches.attention.certHint')}
            >
              {t(certificate.validity === 'expired' ? 'batches.attention.certExpired' : 'batches.attention.certExpiring', {
                name: certificate.product
                  ? `${certificate.name} (${t('batches.attention.certProduct', { product: l(certificate.product.name) })})`
                  : certificate.name,
                date: formatDate(certificate.validTo, locale),
              })}
            </AttentionItem>
          ))}
          {attention.staleBatches.map((batch) => (
            <AttentionItem
              key={batch.id}
              to={portalPath(businessId, `/batches/${batch.id}`)}
              kind="stale"
              tone="warning"
              hint={t('batches.attention.staleHint')}
            >
              {batch.lastEventAt
                ? t('batches.attention.stale', {
                    lot: batch.lotCode,
                    product: l(batch.productName),
                    // Counted from when the latest record was made, as the server picks quiet batches.
                    days: Math.floor((Date.now() - Date.parse(batch.lastRecordedAt)) / DAY_MS),
                  })
                : t('batches.attention.staleNever', { lot: batch.lotCode, product: l(batch.productName) })}
            </AttentionItem>
          ))}
        </ul>
      )}
    </Card>
  );
}
