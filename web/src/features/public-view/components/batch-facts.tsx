import type { ReactNode } from 'react';
import { vietnamDay, type PublicBatchView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDate, formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { formatPlaceAddress } from '@/lib/format-place';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The Circular 02/2024 minimum about the lot: code with lot and GTIN, dates, origin, standards. */
export function BatchFacts({ batch }: { batch: PublicBatchView }) {
  const t = useT();
  const { locale } = useLocale();
  const today = vietnamDay();

  const datedFact = (label: string, value: string | null) =>
    value ? (
      <Fact label={label}>
        {formatDate(value, locale)}
        {value.slice(0, 10) < today ? (
          <>
            {' '}
            <Badge tone="danger">{t('batch.pastDate')}</Badge>
          </>
        ) : null}
      </Fact>
    ) : null;

  return (
    <Card title={t('batch.facts.title')}>
      <dl className="facts">
        <Fact label={t('batch.lot')}>
          <span className="code" data-testid="lot-code">
            {batch.lotCode}
          </span>
        </Fact>
        {batch.product.gtin ? (
          <Fact label={t('batch.gtin')}>
            <span className="code" data-testid="gtin">
              {batch.product.gtin}
            </span>
          </Fact>
        ) : null}
        <Fact label={t('batch.productionDate')}>{formatDate(batch.productionDate, locale)}</Fact>
        {datedFact(t('batch.expiryDate'), batch.expiryDate)}
        {datedFact(t('batch.bestBeforeDate'), batch.bestBeforeDate)}
        {batch.quantity !== null ? <Fact label={t('batch.quantity')}>{formatQuantity(batch.quantity, batch.unit, locale)}</Fact> : null}
        {batch.origin ? (
          <Fact label={t('batch.origin')}>
            <span className="facts__strong" data-testid="origin">
              {batch.origin.name}
            </span>
            <br />
            <span className="muted">
              {t(`place.${batch.origin.kind}`)} · {formatPlaceAddress(batch.origin)}
            </span>
          </Fact>
        ) : null}
        {batch.product.standards.length > 0 ? (
          <Fact label={t('batch.standards')}>
            <ul className="tag-list" data-testid="standards">
              {batch.product.standards.map((standard) => (
                <li key={standard}>
                  <Badge tone="info">{standard}</Badge>
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact label={t('batch.identityUrl')}>
          <span className="code code--wrap">{batch.identityUrl}</span>
        </Fact>
      </dl>
    </Card>
  );
}
