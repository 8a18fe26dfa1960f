import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { BatchView, TraceBatchNode } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { formatDate, formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

/** What is printed on the pack and kept in the records: product, lot, producer, dates, quantity. */
export function BatchFactsCard({ node, batch }: { node: TraceBatchNode; batch: BatchView | null }) {
  const t = useT();
  const { locale, l } = useLocale();
  const rows: [string, ReactNode][] = [
    [t('inspector.col.product'), l(node.productName)],
    [t('inspector.col.lot'), <span className="code">{node.lotCode}</span>],
    [t('inspector.col.gtin'), <span className="code">{node.gtin ?? '—'}</span>],
    [t('inspector.col.business'), node.businessName],
  ];
  if (batch) {
    rows.push([t('inspector.col.produced'), formatDate(batch.productionDate, locale)]);
    if (batch.expiryDate) rows.push([t('inspector.facts.expiry'), formatDate(batch.expiryDate, locale)]);
    if (batch.quantity !== null) rows.push([t('inspector.facts.quantity'), formatQuantity(batch.quantity, batch.unit, locale)]);
    rows.push([
      t('inspector.facts.consumerPage'),
      <Link to={`/batches/${batch.id}`} data-testid="consumer-page-link">
        {batch.shortCode}
      </Link>,
    ]);
  }
  return (
    <Card title={t('inspector.facts.title')} data-testid="batch-facts">
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
