import { consumerBatchState, vietnamDay, type PublicProductView } from '@nguon/shared';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { BatchLink } from './batch-link';

/** A product's recent lots (a GTIN was scanned without a lot): pick the one on the package. */
export function ProductBatches({ batches }: { batches: PublicProductView['batches'] }) {
  const t = useT();
  const { locale } = useLocale();
  const today = vietnamDay();
  return (
    <Card title={t('product.batches.title')} intro={t('product.batches.intro')} data-testid="product-batches">
      {batches.length === 0 ? <p className="muted">{t('product.batches.empty')}</p> : null}
      <ul className="source-list">
        {batches.map((batch) => (
          <li key={batch.id}>
            <BatchLink batchId={batch.id} data-testid="product-batch">
              {/* The server says recalled for a batch made from a recalled one too. */}
              <BatchStatusBadge status={consumerBatchState({ ...batch, recall: null }, today)} />
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
