import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { BatchView, LocalizedText, LocationView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { formatDate, formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import '../batches.css';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

interface BatchFactsCardProps {
  batch: BatchView;
  productName: LocalizedText | null;
  origin: LocationView | undefined;
}

/** What the business registered about the lot, its codes, and where its QR code leads. */
export function BatchFactsCard({ batch, productName, origin }: BatchFactsCardProps) {
  const t = useT();
  const { locale, l } = useLocale();
  return (
    <Card title={t('batches.detail.facts')} data-testid="batch-facts">
      <dl className="facts">
        {productName ? (
          <Fact label={t('batches.detail.product')} testId="fact-product">
            {l(productName)}
          </Fact>
        ) : null}
        <Fact label={t('batch.lot')} testId="fact-lot-code">
          <span className="code">{batch.lotCode}</span>
        </Fact>
        {batch.displayName ? (
          <Fact label={t('batches.detail.displayName')} testId="fact-display-name">
            {batch.displayName}
          </Fact>
        ) : null}
        <Fact label={t('batch.status')}>
          <BatchStatusBadge status={batch.status} />
        </Fact>
        <Fact label={t('batch.productionDate')} testId="fact-production-date">
          {formatDate(batch.productionDate, locale)}
        </Fact>
        {batch.expiryDate ? (
          <Fact label={t('batch.expiryDate')} testId="fact-expiry-date">
            {formatDate(batch.expiryDate, locale)}
          </Fact>
        ) : null}
        {batch.bestBeforeDate ? <Fact label={t('batch.bestBeforeDate')}>{formatDate(batch.bestBeforeDate, locale)}</Fact> : null}
        {batch.quantity !== null ? (
          <Fact label={t('batch.quantity')} testId="fact-quantity">
            {formatQuantity(batch.quantity, batch.unit, locale)}
          </Fact>
        ) : null}
        {origin ? <Fact label={t('batches.detail.origin')}>{origin.name}</Fact> : null}
        <Fact label={t('batches.detail.shortCode')} testId="fact-short-code">
          <span className="code">{batch.shortCode}</span>
        </Fact>
        <Fact label={t('batches.detail.identityUrl')}>
          <span className="code code--wrap" data-testid="identity-url">
            {batch.identityUrl}
          </span>{' '}
          <CopyButton text={batch.identityUrl} label={t('batches.detail.copyUrl')} />
        </Fact>
      </dl>
      <p className="card__footer">
        <Link to={`/batches/${encodeURIComponent(batch.id)}`} data-testid="public-page-link">
          {t('batches.detail.publicPage')}
        </Link>
      </p>
    </Card>
  );
}
