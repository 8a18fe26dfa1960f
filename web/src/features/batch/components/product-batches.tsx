import type { PublicProductView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { BatchLink } from './batch-link';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';

/** A product's recent lots (a GTIN was scanned without a lot): pick the one on the package. */
export function ProductBatches({ batches }: { batches: PublicProductView['batches'] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Card title={t('product.batches.title')} intro={t('product.batches.intro')} data-testid="product-batches">
      {batches.length === 0 ? <p className="muted">{t('product.batches.empty')}</p> : null}
      <ul className="source-list">
        {batches.map((batch) => (
          <li key={batch.id}>
            <BatchLink batchId={batch.id} data-testid="product-batch">
              <BatchStatusBadge status={batch.status} />
              <span className="source__name code">{t('sources.lot', { lot: batch.lotCode })}</span>
              <span className="source__meta">
                {t('product.batch.produced', { date: formatDate(batch.productionDate, locale) })}
                {batch.expiryDate ? ` · ${t('product.batch.expiry', { date: formatDate(batch.expiryDate, locale) })}` : null}
              </span>
            </BatchLink>
          </li>
        ))}
      </ul>
    </Card>
  );
}
