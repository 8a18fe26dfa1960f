import type { PublicBatchView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ShieldCheckIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n';

type Producer = PublicBatchView['producer'];

/** Who made it and where they are; the verified badge only when the portal verified them. */
export function ProducerCard({ producer }: { producer: Producer }) {
  const t = useT();
  const address = [producer.address.line, producer.address.commune, producer.address.province]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
  return (
    <Card title={t('producer.title')}>
      <p className="producer__name">
        <span data-testid="producer-name">{producer.name}</span>
        {producer.verified ? (
          <>
            {' '}
            <Badge tone="success" className="badge--icon" data-testid="verified-badge" title={t('producer.verifiedHint')}>
              <ShieldCheckIcon />
              {t('producer.verified')}
            </Badge>
          </>
        ) : null}
      </p>
      {producer.verified ? <p className="muted producer__hint">{t('producer.verifiedHint')}</p> : null}
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('producer.address')}</dt>
          <dd data-testid="producer-address">{address}</dd>
        </div>
        {producer.phone ? (
          <div className="facts__row">
            <dt>{t('producer.phone')}</dt>
            <dd>
              <a href={`tel:${producer.phone.replace(/[^\d+]/g, '')}`}>{producer.phone}</a>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
